import QQData

/// An undirected weighted graph for community detection: symmetric rows without
/// self entries, plus each node's self-loop weight kept apart (aggregated levels of
/// Louvain carry the weight inside a community as a self-loop).
struct WeightedGraph {
    var offsets: [Int]
    var targets: [UInt32]
    var weights: [Double]
    var loops: [Double]

    var nodeCount: Int { loops.count }

    /// Unit weights over a symmetric CSR.
    init(undirected g: CSR) {
        offsets = g.offsets; targets = g.targets
        weights = [Double](repeating: 1, count: g.edgeCount)
        loops = [Double](repeating: 0, count: g.nodeCount)
    }

    init(offsets: [Int], targets: [UInt32], weights: [Double], loops: [Double]) {
        self.offsets = offsets; self.targets = targets; self.weights = weights; self.loops = loops
    }

    /// Weighted degree as NetworkX counts it: a self-loop adds twice its weight.
    func degrees() -> [Double] {
        (0..<nodeCount).map { v in
            var s = 2 * loops[v]
            for k in offsets[v]..<offsets[v + 1] { s += weights[k] }
            return s
        }
    }

    /// Total edge weight m (each undirected edge once, self-loops once).
    func totalWeight() -> Double { degrees().reduce(0, +) / 2 }

    /// Modularity of the partition `community` (ids in 0..<communityCount).
    func modularity(_ community: [Int32], communityCount: Int, resolution: Double = 1) -> Double {
        let k = degrees()
        let m = k.reduce(0, +) / 2
        guard m > 0 else { return 0 }
        var inside = [Double](repeating: 0, count: communityCount)
        var total = [Double](repeating: 0, count: communityCount)
        for v in 0..<nodeCount {
            let c = Int(community[v])
            total[c] += k[v]
            inside[c] += loops[v]
            for e in offsets[v]..<offsets[v + 1] where community[Int(targets[e])] == community[v] && Int(targets[e]) > v {
                inside[c] += weights[e]
            }
        }
        let norm = 1 / (4 * m * m)
        var q = 0.0
        for c in 0..<communityCount { q += inside[c] / m - resolution * total[c] * total[c] * norm }
        return q
    }
}

/// Newman–Girvan modularity of a partition, computed as NetworkX
/// `nx.community.modularity(G, communities)` does:
/// Q = Σ_c [ L_c / m − γ·(D_c / 2m)² ], with L_c the number of edges inside c,
/// D_c the sum of the degrees in c, m the number of edges and γ = 1.
/// The graph is the undirected view of a layer (a mutual follow is one edge).
/// An edgeless graph has modularity 0 (NetworkX divides by zero there).
///
/// Reference: M. E. J. Newman, "Networks: An Introduction", §7.7 (2010).
public enum Modularity {
    /// Modularity of `community` (any integer ids, one per account) on the undirected
    /// view of `layer`.
    ///
    /// - Complexity: O(n + m).
    public static func compute(_ layer: Layer, community: [Int64]) throws(Diagnostic) -> Double {
        compute(undirected: try Undirected.csr(of: layer), community: community)
    }

    /// Modularity of `community` on a symmetric CSR.
    public static func compute(undirected g: CSR, community: [Int64]) -> Double {
        precondition(community.count == g.nodeCount)
        let (dense, count) = densify(community)
        return WeightedGraph(undirected: g).modularity(dense, communityCount: count)
    }

    /// Renumbers ids to 0..<count in order of first appearance.
    static func densify(_ ids: [Int64]) -> ([Int32], Int) {
        var map: [Int64: Int32] = [:]
        var out = [Int32](repeating: 0, count: ids.count)
        for (i, id) in ids.enumerated() {
            if let d = map[id] { out[i] = d } else { let d = Int32(map.count); map[id] = d; out[i] = d }
        }
        return (out, map.count)
    }
}
