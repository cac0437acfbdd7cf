import QQData

// Communities — `community` (and the modularity `describe` reports).
//
// Definition: a partition of the undirected follow graph found by the Louvain method
//   maximizing Newman–Girvan modularity (resolution 1); `community` is the id of an
//   account's part. Ids are numbered by first appearance in load order (the first
//   account is in community 0).
// Matches: NetworkX `nx.community.louvain_communities(G.to_undirected(), seed=…)` in
//   method (same move gain, same level loop: stop when a level gains ≤ 1e-7
//   modularity); the random node order comes from qq's seeded SplitMix64, so the
//   partition is not NetworkX's, but it is deterministic for a seed, and the tests
//   check its modularity (as NetworkX computes it) against NetworkX's own result.
// Direction: none (undirected view, a mutual follow is one edge of weight 1).
// Isolated accounts: a community of their own. Self-loops: none at level 0; later
//   levels carry inner weight as self-loops. Nulls: none.
// Algorithm: each level moves single nodes, in a seeded random order, to the
//   neighbouring community with the largest positive modularity gain, repeating passes
//   until no node moves; then communities become nodes of the next level's graph.
// References: V. D. Blondel, J.-L. Guillaume, R. Lambiotte, E. Lefebvre, "Fast
//   unfolding of communities in large networks", J. Stat. Mech. (2008) P10008;
//   NetworkX `networkx/algorithms/community/louvain.py`.

/// Seeded, deterministic Louvain community detection.
public enum Louvain {
    /// Stop when a level improves modularity by no more than this (NetworkX's default).
    public static let threshold = 1e-7

    /// Community of every account of the undirected view of `layer`, and the
    /// partition's modularity.
    ///
    /// - Complexity: about O(m) per pass, a few passes per level, O(log n) levels in
    ///   practice; O(n + m) memory.
    public static func compute(_ layer: Layer, seed: UInt64 = 0) throws(Diagnostic) -> (community: [Int64], modularity: Double) {
        try compute(undirected: Undirected.csr(of: layer), seed: seed)
    }

    /// Louvain on a symmetric CSR without self-loops.
    public static func compute(undirected g: CSR, seed: UInt64 = 0) throws(Diagnostic) -> (community: [Int64], modularity: Double) {
        let n = g.nodeCount
        if n == 0 { return ([], 0) }
        var graph = WeightedGraph(undirected: g)
        let m = graph.totalWeight()
        // node → community of the original nodes, composed across levels.
        var assignment = (0..<n).map { Int32($0) }
        if m == 0 { return ((0..<n).map { Int64($0) }, 0) }
        var rng = SplitMix64(seed: seed)
        var mod = graph.modularity(assignment, communityCount: n)
        KernelProgress.begin("community: passes", total: nil)
        defer { KernelProgress.end() }
        var passes = 0
        while true {
            let (level, moved) = try oneLevel(graph, m: m, rng: &rng)
            passes += 1
            KernelProgress.update(passes)
            if !moved { break }
            let (dense, count) = Modularity.densify(level.map { Int64($0) })
            let newMod = graph.modularity(dense, communityCount: count)
            for v in 0..<n { assignment[v] = dense[Int(assignment[v])] }
            if newMod - mod <= threshold { mod = newMod; break }
            mod = newMod
            graph = try aggregate(graph, dense, count)
        }
        let (final, _) = Modularity.densify(assignment.map { Int64($0) })
        return (final.map { Int64($0) }, mod)
    }

    /// One level: local moves until none improves modularity. Returns the community
    /// of each node (ids are node ids) and whether any node moved.
    static func oneLevel(_ g: WeightedGraph, m: Double, rng: inout SplitMix64) throws(Diagnostic) -> ([Int32], Bool) {
        let n = g.nodeCount
        let k = g.degrees()
        var stot = k
        var com = (0..<n).map { Int32($0) }
        var order = Array(0..<n)
        rng.shuffle(&order)
        var weightTo = [Double](repeating: 0, count: n)
        var seen = [Bool](repeating: false, count: n)
        var touched: [Int32] = []
        touched.reserveCapacity(64)
        let twoM2 = 2 * m * m
        var improved = false
        var visited = 0
        while true {
            var moves = 0
            for u in order {
                visited += 1
                if visited & 0xFFF == 0 { try Cancellation.check() }
                // Weight from u to each neighbouring community, in neighbour order.
                for e in g.offsets[u]..<g.offsets[u + 1] {
                    let c = Int(com[Int(g.targets[e])])
                    if !seen[c] { seen[c] = true; touched.append(Int32(c)) }
                    weightTo[c] += g.weights[e]
                }
                let own = Int(com[u])
                let ku = k[u]
                stot[own] -= ku
                let removeCost = -weightTo[own] / m + stot[own] * ku / twoM2
                var best = own, bestGain = 0.0
                for c32 in touched {
                    let c = Int(c32)
                    let gain = removeCost + weightTo[c] / m - stot[c] * ku / twoM2
                    if gain > bestGain { bestGain = gain; best = c }
                    weightTo[c] = 0; seen[c] = false
                }
                touched.removeAll(keepingCapacity: true)
                stot[best] += ku
                if best != own { com[u] = Int32(best); moves += 1; improved = true }
            }
            if moves == 0 { break }
        }
        return (com, improved)
    }

    /// The next level's graph: one node per community; weight between communities
    /// summed; weight inside a community becomes its self-loop.
    static func aggregate(_ g: WeightedGraph, _ com: [Int32], _ count: Int) throws(Diagnostic) -> WeightedGraph {
        let n = g.nodeCount
        // Members of each community, grouped (counting sort).
        var start = [Int](repeating: 0, count: count + 1)
        for v in 0..<n { start[Int(com[v]) + 1] += 1 }
        for c in 0..<count { start[c + 1] += start[c] }
        var cursor = start
        var members = [Int32](repeating: 0, count: n)
        for v in 0..<n { let c = Int(com[v]); members[cursor[c]] = Int32(v); cursor[c] += 1 }
        var offsets = [Int](repeating: 0, count: count + 1)
        var targets: [UInt32] = [], weights: [Double] = []
        var loops = [Double](repeating: 0, count: count)
        var acc = [Double](repeating: 0, count: count)
        var seen = [Bool](repeating: false, count: count)
        var touched: [Int32] = []
        for c in 0..<count {
            if c & 0xFFF == 0 { try Cancellation.check() }
            var inner = 0.0, loop = 0.0
            for i in start[c]..<start[c + 1] {
                let v = Int(members[i])
                loop += g.loops[v]
                for e in g.offsets[v]..<g.offsets[v + 1] {
                    let d = Int(com[Int(g.targets[e])])
                    if d == c { inner += g.weights[e]; continue }
                    if !seen[d] { seen[d] = true; touched.append(Int32(d)) }
                    acc[d] += g.weights[e]
                }
            }
            // Each inner edge was seen from both ends.
            loops[c] = loop + inner / 2
            touched.sort()
            for d in touched {
                targets.append(UInt32(d)); weights.append(acc[Int(d)])
                acc[Int(d)] = 0; seen[Int(d)] = false
            }
            touched.removeAll(keepingCapacity: true)
            offsets[c + 1] = targets.count
        }
        return WeightedGraph(offsets: offsets, targets: targets, weights: weights, loops: loops)
    }
}
