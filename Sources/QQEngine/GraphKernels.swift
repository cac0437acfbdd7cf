import QQData
import QQMetrics
import QQSyntax
import QQSemantic

/// What a metric computation gives the cache: the column (one value per account),
/// notes for stderr (approximate betweenness, no convergence), `community`'s modularity
/// and, for iterative metrics (PageRank, HITS), the iterations run.
package struct MetricResult: Sendable {
    package var column: Column
    package var notes: [String]
    package var modularity: Double?
    package var iterations: Int? = nil
}

/// The engine's door to the graph kernels of QQMetrics: neighbourhood sources, the
/// `overlap` function and metric columns. The engine never computes graph metrics itself.
package enum GraphKernels {
    /// Computes metric `name` (with `layer` for the per-layer functions).
    package static func metric(_ name: String, layer: String?, duration: Int64? = nil, _ ds: Dataset, _ s: Settings,
                       dependency: (String) throws(Diagnostic) -> Column) throws(Diagnostic) -> MetricResult {
        let out = try MetricEngine.compute(name, layer: layer, duration: duration, dataset: ds, settings: s, dependency: dependency)
        return MetricResult(column: out.column, notes: out.notes, modularity: out.modularity, iterations: out.iterations)
    }

    /// The default `suspicious` rule for this dataset.
    package static func defaultSuspiciousRule(hasPosts: Bool) -> String {
        hasPosts ? MetricRegistry.defaultSuspiciousRule : MetricRegistry.defaultSuspiciousRuleWithoutPosts
    }

    package static func overlap(_ ds: Dataset, _ a: UInt32, _ b: UInt32) -> Double? {
        Audience.overlap(ds.follows.padded(to: ds.accountCount), a, b)
    }

    /// The accounts of a neighbourhood source, in load order.
    package static func neighbourhood(_ hood: Neighbourhood, _ ds: Dataset, _ ids: [UInt32], hops: Int) throws(Diagnostic) -> [UInt32] {
        let f = ds.follows.padded(to: ds.accountCount)
        switch hood {
        case .followers: return Audience.followers(f, of: ids[0])
        case .following: return Audience.following(f, of: ids[0])
        case .mutuals: return Audience.mutuals(f, of: ids[0])
        case .common_followers: return Audience.commonFollowers(f, ids[0], ids[1])
        case .audience: return try Audience.within(f, of: ids[0], hops: hops)
        }
    }
}
