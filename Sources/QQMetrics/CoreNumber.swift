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
// Self-loops and repeated edges: none (the layer builder drops them; NetworkX
//   refuses graphs with self-loops).
// Nulls: none.
// Algorithm: peeling in order of degree (Batagelj–Zaversnik), level by level as in
//   Kabir & Madduri's PKC and Dasari et al.'s ParK: at level k every node whose
//   current degree is k is removed, and its neighbours above k lose one degree
//   (reaching k, they join this level's queue). Degrees are plain Int32s, one load
//   and one store a neighbour. The undirected view is built on every core
//   (`Undirected`); the peel runs on one: on this two-core machine the parallel
//   peel's atomic decrements (a locked read-modify-write per edge, which keeps the
//   core from overlapping its cache misses) cost more than the second core gave;
//   Batagelj–Zaversnik's bucket array (four random accesses per decrement, against
//   one here) and merging the out- and in-rows during the peel instead of building
//   the undirected view were slower too — all measured at 1M accounts / 20M follows
//   (docs/BENCHMARKS.md, "Core numbers").
//   O(m + n·levels) with levels the distinct core values (≤ √(2m)); empty levels skipped.
// Verified in tests against naive repeated peeling, a simple reference peel on random
//   graphs with self-loops, repeated and mutual edges, and NetworkX.
// References: V. Batagelj, M. Zaversnik, "An O(m) algorithm for cores decomposition
//   of networks", arXiv cs/0310049 (2003); H. Kabir, K. Madduri, "Parallel k-core
//   decomposition on multicore platforms", IPDPSW (2017); N. S. Dasari, R. Desh,
//   M. Zubair, "ParK: An efficient algorithm for k-core decomposition on multicore
//   processors", IEEE BigData (2014); NetworkX `core.py`.

/// Core numbers of the undirected view of a layer.
public enum CoreNumber {
    /// Core number of every account in the undirected view of `layer`.
    ///
    /// - Complexity: O(m + n·levels) time, O(n + m) memory (the undirected view).
    public static func compute(_ layer: Layer) throws(Diagnostic) -> [Int64] {
        try compute(undirected: Undirected.csr(of: layer))
    }

    /// Core numbers of a symmetric CSR (each undirected edge in both rows, no self-loops).
    ///
    /// - Complexity: O(m + n·levels) time, O(n) extra memory.
    public static func compute(undirected g: CSR) throws(Diagnostic) -> [Int64] {
        let n = g.nodeCount
        if n == 0 { return [] }
        let degree = (0..<n).map { Int32(g.offsets[$0 + 1] - g.offsets[$0]) }
        return try g.withPtrs { (gp) throws(Diagnostic) -> [Int64] in
            try peel(degree, SymmetricRows(g: gp))
        }
    }

    /// Level-synchronous peeling: at level k the nodes of current degree k are queued
    /// (one scan of the nodes still unpeeled), then removed in queue order; a neighbour
    /// above k loses one degree and joins the queue on reaching k. A degree never drops
    /// below the level, so the final degrees are the core numbers.
    static func peel<R: UndirectedRows>(_ initial: [Int32], _ rows: R) throws(Diagnostic) -> [Int64] {
        let n = initial.count
        var deg = initial
        var alive = [UInt32](unsafeUninitializedCapacity: n) { b, c in
            for v in 0..<n { b[v] = UInt32(v) }
            c = n
        }
        var queue: [UInt32] = []
        queue.reserveCapacity(1 << 12)
        var level: Int32 = 0
        var remaining = n
        KernelProgress.begin("core numbers: accounts", total: n)
        defer { KernelProgress.end() }
        try deg.withUnsafeMutableBufferPointer { (d) throws(Diagnostic) in
            while remaining > 0 {
                try Cancellation.check()
                KernelProgress.update(n - remaining)
                let k = level
                // Scan: nodes at degree k are queued; peeled nodes leave `alive`.
                queue.removeAll(keepingCapacity: true)
                var next = Int32.max
                var kept = 0
                alive.withUnsafeMutableBufferPointer { a in
                    for idx in 0..<a.count {
                        let v = a[idx]
                        let dv = d[Int(v)]
                        if dv == k { queue.append(v) } else if dv > k {
                            a[kept] = v; kept += 1
                            next = min(next, dv)
                        }
                    }
                }
                alive.removeSubrange(kept...)
                // Peel: remove queued nodes; neighbours that fall to k are queued too.
                var i = 0
                while i < queue.count {
                    if i & 0xFFFF == 0xFFFF { try Cancellation.check() }
                    let v = Int(queue[i]); i += 1
                    rows.forEachNeighbour(of: v) { u in
                        let du = d[u]
                        if du > k {
                            d[u] = du - 1
                            if du == k + 1 { queue.append(UInt32(u)) }
                        }
                    }
                }
                remaining -= queue.count
                // An empty level jumps straight to the smallest degree left.
                level = queue.isEmpty && next != Int32.max ? next : k + 1
            }
        }
        return deg.map { Int64($0) }
    }
}

/// The undirected neighbours of a node, each once (specialised into the peel loop).
protocol UndirectedRows {
    func forEachNeighbour(of v: Int, _ body: (Int) -> Void)
}

/// A row of a symmetric CSR.
struct SymmetricRows: UndirectedRows {
    let g: CSRPtr
    @inline(__always) func forEachNeighbour(of v: Int, _ body: (Int) -> Void) {
        for e in g.offsets[v]..<g.offsets[v + 1] { body(Int(g.targets[e])) }
    }
}
