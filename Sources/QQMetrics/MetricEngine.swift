import QQData

/// One computed metric column and what the output should say about it.
public struct MetricOutput: Sendable {
    /// One value per account, in load order.
    public var column: Column
    /// Lines for the user, e.g. that betweenness is approximate or PageRank did not converge.
    public var notes: [String]
    /// For `community`: the partition's modularity (what `describe` reports).
    public var modularity: Double?
    /// For iterative metrics: iterations run.
    public var iterations: Int?

    public init(column: Column, notes: [String] = [], modularity: Double? = nil, iterations: Int? = nil) {
        self.column = column; self.notes = notes; self.modularity = modularity; self.iterations = iterations
    }
}

/// Computes a metric column by name: the one entry point the language engine needs.
/// It never caches; the engine caches `MetricOutput`s keyed by the dataset generation
/// and the settings listed in `MetricRegistry`.
public enum MetricEngine {
    /// Computes metric `name` (a `MetricRegistry.all` column, or `received`, `sent`,
    /// `pagerank` with `layer` set for the function forms) over `dataset`.
    ///
    /// `dependency` supplies columns this metric is built from, so the engine can serve
    /// them from its cache: `suspicious` (a bool column, which only the engine can
    /// evaluate from the rule) for `fake_followers`, and `pagerank` for
    /// `audience_quality`. It is called only for names in the metric's `dependsOn`.
    ///
    /// - Throws: `name` for an unknown metric or layer; what the kernels throw
    ///   (bad settings, `cancelled`); `internal` for `suspicious` itself.
    public static func compute(_ name: String, layer: String? = nil, dataset: Dataset, settings: MetricSettings,
                               dependency: (String) throws(Diagnostic) -> Column) throws(Diagnostic) -> MetricOutput {
        let follows = dataset.follows.padded(to: dataset.accountCount)
        let layers = dataset.layers.map { $0.padded(to: dataset.accountCount) }
        if let layerName = layer {
            guard let l = layers.first(where: { $0.name == layerName }) else {
                let known = layers.map { "'\($0.name)'" }.joined(separator: ", ")
                throw Diagnostic(.name, "unknown layer '\(layerName)'",
                                 hint: known.isEmpty ? "the dataset has no interaction layers" : "layers: \(known)")
            }
            switch name {
            case "received": return MetricOutput(column: .floats(Interaction.received(l)))
            case "sent": return MetricOutput(column: .floats(Interaction.sent(l)))
            case "pagerank": return try pagerank(l, settings, weighted: true)
            default: throw Diagnostic(.name, "'\(name)' takes no layer argument")
            }
        }
        switch name {
        case "followers": return MetricOutput(column: .ints(Degree.followers(follows)))
        case "following": return MetricOutput(column: .ints(Degree.following(follows)))
        case "ratio": return MetricOutput(column: .floats(Degree.ratio(follows)))
        case "mutuals": return MetricOutput(column: .ints(Degree.mutuals(follows)))
        case "reciprocity": return MetricOutput(column: Degree.reciprocity(follows))
        case "interactions":
            return MetricOutput(column: .floats(Interaction.interactions(layers, accountCount: dataset.accountCount)))
        case "engagement":
            let total = Interaction.interactions(layers, accountCount: dataset.accountCount)
            return MetricOutput(column: Interaction.engagement(interactions: total, followers: Degree.followers(follows)))
        case "dialogue": return MetricOutput(column: try Interaction.dialogue(layers, accountCount: dataset.accountCount))
        case "pagerank": return try pagerank(follows, settings, weighted: false)
        case "authority", "hub":
            let r = try HITS.compute(follows, tolerance: settings.tolerance, maxIterations: settings.maxIterations)
            let notes = r.converged ? [] : [notConverged("HITS", r.iterations, settings)]
            return MetricOutput(column: .floats(name == "hub" ? r.hubs : r.authorities), notes: notes, iterations: r.iterations)
        case "kcore": return MetricOutput(column: .ints(try CoreNumber.compute(follows)))
        case "clustering": return MetricOutput(column: .floats(try Clustering.compute(follows)))
        case "betweenness":
            let r = try Betweenness.compute(follows, exactLimit: settings.betweennessExactLimit,
                                            samples: settings.betweennessSamples, seed: settings.seed)
            let notes = r.approximate
                ? ["betweenness is approximate: estimated from \(settings.betweennessSamples) sampled sources (seed \(settings.seed)); \(dataset.accountCount) accounts exceed betweenness_exact_limit \(settings.betweennessExactLimit)"]
                : []
            return MetricOutput(column: .floats(r.scores), notes: notes)
        case "community":
            let r = try Louvain.compute(follows, seed: settings.seed)
            return MetricOutput(column: .ints(r.community), modularity: r.modularity)
        case "fake_followers":
            let s = try dependency("suspicious")
            guard case .bool(let flags) = s.storage, flags.count == dataset.accountCount else {
                throw Diagnostic(.internal, "the 'suspicious' column must be a bool column with one row per account")
            }
            let truth = (0..<flags.count).map { flags[$0] && !s.isNull($0) }
            return MetricOutput(column: Audience.fakeFollowers(follows, suspicious: truth))
        case "audience_quality":
            let p = try dependency("pagerank")
            guard case .float(let scores) = p.storage, scores.count == dataset.accountCount else {
                throw Diagnostic(.internal, "the 'pagerank' column must be a float column with one row per account")
            }
            return MetricOutput(column: Audience.audienceQuality(follows, pagerank: scores))
        case "suspicious":
            throw Diagnostic(.internal, "'suspicious' is evaluated by the engine from the rule, not by a kernel")
        default:
            throw Diagnostic(.name, "unknown metric '\(name)'")
        }
    }

    private static func pagerank(_ layer: Layer, _ s: MetricSettings, weighted: Bool) throws(Diagnostic) -> MetricOutput {
        let r = try PageRank.compute(layer, damping: s.damping, tolerance: s.tolerance,
                                     maxIterations: s.maxIterations, weighted: weighted)
        let notes = r.converged ? [] : [notConverged("PageRank", r.iterations, s)]
        return MetricOutput(column: .floats(r.scores), notes: notes, iterations: r.iterations)
    }

    private static func notConverged(_ what: String, _ iterations: Int, _ s: MetricSettings) -> String {
        "\(what) did not converge to tolerance \(Value.formatFloat(s.tolerance)) in \(iterations) iterations (set max_iterations to run longer); values are the last iterate"
    }
}
