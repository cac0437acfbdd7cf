import QQData

// Core number — `kcore`.
//
// Definition: the core number of v is the largest k such that v belongs to the
//   k-core, the maximal subgraph in which every node has degree ≥ k.
// Matches: NetworkX `nx.core_number(G.to_undirected())` — on the undirected simple
//   view of the follow graph, where a mutual follow is one edge. (NetworkX's
//   `core_number` on a DiGraph itself counts in+out degree instead; SPEC §5 asks for
//   the undirected graph.)
// Direction: none (undirected view). Isolated accounts: core number 0.
// Self-loops: none (layers drop them; NetworkX refuses graphs that have them).
// Nulls: none.
// Algorithm: Batagelj–Zaversnik bucket peeling: nodes sorted by degree with a
//   counting sort; take nodes in that order, and each neighbour with a larger current
//   degree moves one bucket down. O(n + m).
// Verified in tests against naive repeated peeling and against NetworkX.
// References: V. Batagelj, M. Zaversnik, "An O(m) algorithm for cores decomposition
//   of networks", arXiv cs/0310049 (2003); NetworkX `networkx/algorithms/core.py`.

/// Core numbers of the undirected view of a layer.
public enum CoreNumber {
    /// Core number of every account in the undirected view of `layer`.
    ///
    /// - Complexity: O(n + m) time, O(n + m) memory (the undirected view).
    public static func compute(_ layer: Layer) throws(Diagnostic) -> [Int64] {
        try compute(undirected: Undirected.csr(of: layer))
    }

    /// Core numbers of a symmetric CSR (each undirected edge in both rows, no self-loops).
    ///
    /// - Complexity: O(n + m) time, O(n) extra memory.
    public static func compute(undirected g: CSR) throws(Diagnostic) -> [Int64] {
        let n = g.nodeCount
        if n == 0 { return [] }
        var deg = [Int32](repeating: 0, count: n)
        var maxDeg = 0
        for v in 0..<n {
            let d = g.offsets[v + 1] - g.offsets[v]
            deg[v] = Int32(d)
            maxDeg = max(maxDeg, d)
        }
        // Counting sort by degree: bin[d] = first position of degree d in `vert`.
        var bin = [Int32](repeating: 0, count: maxDeg + 2)
        for v in 0..<n { bin[Int(deg[v])] += 1 }
        var start: Int32 = 0
        for d in 0...maxDeg {
            let c = bin[d]
            bin[d] = start
            start += c
        }
        var pos = [Int32](repeating: 0, count: n)
        var vert = [Int32](repeating: 0, count: n)
        for v in 0..<n {
            let d = Int(deg[v])
            pos[v] = bin[d]
            vert[Int(bin[d])] = Int32(v)
            bin[d] += 1
        }
        for d in stride(from: maxDeg, to: 0, by: -1) { bin[d] = bin[d - 1] }
        bin[0] = 0
        try g.withPtrs { (gp) throws(Diagnostic) in
            try deg.withMutablePtr { (dg) throws(Diagnostic) in
                try bin.withMutablePtr { (bn) throws(Diagnostic) in
                    try pos.withMutablePtr { (ps) throws(Diagnostic) in
                        try vert.withMutablePtr { (vt) throws(Diagnostic) in
                            for i in 0..<n {
                                if i & 0xFFF == 0 { try Cancellation.check() }
                                let v = Int(vt[i])
                                let dv = dg[v]
                                for k in gp.offsets[v]..<gp.offsets[v + 1] {
                                    let u = Int(gp.targets[k])
                                    let du = dg[u]
                                    if du > dv {
                                        // Swap u with the first node of its bucket, then shrink the bucket.
                                        let pu = ps[u]
                                        let pw = bn[Int(du)]
                                        let w = Int(vt[Int(pw)])
                                        if u != w {
                                            ps[u] = pw; vt[Int(pu)] = Int32(w)
                                            ps[w] = pu; vt[Int(pw)] = Int32(u)
                                        }
                                        bn[Int(du)] = pw + 1
                                        dg[u] = du - 1
                                    }
                                }
                            }
                        }
                    }
                }
            }
        }
        return deg.map { Int64($0) }
    }
}
