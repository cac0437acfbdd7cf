import QQData
import Synchronization

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
// Algorithm: peeling in order of degree, as Batagelj–Zaversnik's O(m) bucket
//   algorithm, run level by level in parallel (PKC): at level k every node whose
//   current degree is k is removed and its neighbours above k lose one degree.
//   O(n·levels + m) with levels ≤ max core + 1 (empty levels skipped); the degree
//   updates are atomic.
// Verified in tests against naive repeated peeling and against NetworkX.
// References: V. Batagelj, M. Zaversnik, "An O(m) algorithm for cores decomposition
//   of networks", arXiv cs/0310049 (2003); H. Kabir, K. Madduri, "Parallel k-core
//   decomposition on multicore platforms", IPDPSW (2017); NetworkX `core.py`.

/// Core numbers of the undirected view of a layer.
public enum CoreNumber {
    /// Core number of every account in the undirected view of `layer`.
    ///
    /// - Complexity: O(n·levels + m) time, O(n + m) memory (the undirected view).
    public static func compute(_ layer: Layer) throws(Diagnostic) -> [Int64] {
        try compute(undirected: Undirected.csr(of: layer))
    }

    /// Core numbers of a symmetric CSR (each undirected edge in both rows, no self-loops).
    ///
    /// - Complexity: O(n·levels + m) time, O(n) extra memory; levels ≤ max core + 1.
    public static func compute(undirected g: CSR) throws(Diagnostic) -> [Int64] {
        let n = g.nodeCount
        if n == 0 { return [] }
        let degree = (0..<n).map { Int32(g.offsets[$0 + 1] - g.offsets[$0]) }
        return try g.withPtrs { (gp) throws(Diagnostic) -> [Int64] in try peel(degree, gp) }
    }

    /// What one worker keeps between levels: its unpeeled nodes and this level's queue.
    final class Worker: @unchecked Sendable {
        var alive: [UInt32] = []
        var queue: [UInt32] = []
        var nextLevel = Int32.max
    }

    /// Level-synchronous parallel peeling (Kabir & Madduri's PKC): at level k each
    /// worker collects its nodes of current degree k, then removes them, decrementing
    /// the atomic degrees of neighbours above k; a neighbour that reaches k joins the
    /// queue of the worker that lowered it. A degree never drops below the level, so
    /// the final degrees are the core numbers (unique, whatever the thread timing).
    static func peel(_ initial: [Int32], _ g: CSRPtr) throws(Diagnostic) -> [Int64] {
        let n = initial.count
        let deg = AtomicDegrees(initial)
        let workers = (0..<Parallel.workers).map { _ in Worker() }
        for (w, range) in Parallel.ranges(count: n, parts: workers.count).enumerated() {
            workers[w].alive = range.map { UInt32($0) }
        }
        var level: Int32 = 0
        var remaining = n
        KernelProgress.begin("core numbers: accounts", total: n)
        defer { KernelProgress.end() }
        while remaining > 0 {
            try Cancellation.check()
            KernelProgress.update(n - remaining)
            let k = level
            // Scan: nodes at degree k join the queue; peeled nodes leave `alive`.
            Parallel.onEach(workers.count) { w in
                let me = workers[w]
                me.queue.removeAll(keepingCapacity: true)
                var next = Int32.max
                var kept = 0
                for idx in 0..<me.alive.count {
                    let v = me.alive[idx]
                    let d = deg.load(Int(v))
                    if d == k { me.queue.append(v) } else if d > k {
                        me.alive[kept] = v; kept += 1
                        next = min(next, d)
                    }
                }
                me.alive.removeSubrange(kept...)
                me.nextLevel = next
            }
            // Peel: remove queued nodes; neighbours that fall to k are queued too.
            Parallel.onEach(workers.count) { w in
                let me = workers[w]
                var i = 0
                while i < me.queue.count {
                    let v = Int(me.queue[i]); i += 1
                    for e in g.offsets[v]..<g.offsets[v + 1] {
                        let u = Int(g.targets[e])
                        if deg.load(u) > k {
                            let old = deg.decrement(u)
                            if old == k + 1 { me.queue.append(UInt32(u)) } else if old <= k { deg.increment(u) }
                        }
                    }
                }
            }
            var peeled = 0
            var next = Int32.max
            for me in workers { peeled += me.queue.count; next = min(next, me.nextLevel) }
            remaining -= peeled
            // An empty level jumps straight to the smallest degree left.
            level = peeled == 0 && next != Int32.max ? next : k + 1
        }
        return deg.values()
    }
}

/// Node degrees as atomics, shared by the peeling workers.
final class AtomicDegrees: @unchecked Sendable {
    let p: UnsafeMutablePointer<Atomic<Int32>>
    let n: Int

    init(_ values: [Int32]) {
        n = values.count
        p = .allocate(capacity: max(n, 1))
        for i in 0..<n { (p + i).initialize(to: Atomic(values[i])) }
    }

    deinit {
        p.deinitialize(count: n)
        p.deallocate()
    }

    @inline(__always) func load(_ i: Int) -> Int32 { p[i].load(ordering: .relaxed) }
    /// Subtracts 1 and returns the value before.
    @inline(__always) func decrement(_ i: Int) -> Int32 { p[i].subtract(1, ordering: .relaxed).oldValue }
    @inline(__always) func increment(_ i: Int) { p[i].add(1, ordering: .relaxed) }
    func values() -> [Int64] { (0..<n).map { Int64(load($0)) } }
}
