import QQData

// Betweenness centrality — `betweenness`.
//
// Definition: b(v) = Σ_{s≠v≠t} σ_st(v) / σ_st over ordered pairs, where σ_st counts
//   shortest directed paths from s to t and σ_st(v) those through v; normalized by
//   1/((n−1)(n−2)) (n > 2; otherwise all 0).
// Matches: NetworkX 3.x `nx.betweenness_centrality(G)` (normalized=True,
//   endpoints=False, directed, unweighted).
// Sampling: above `exactLimit` accounts, Brandes' pivot estimate from `samples`
//   distinct sources chosen with a seeded SplitMix64 (partial Fisher–Yates), scaled as
//   NetworkX 3.6 does for `k=samples`: sources by 1/((k−1)(n−2)), other nodes by
//   1/(k(n−2)) (so k = n gives the exact values). The sources differ from NetworkX's
//   own random choice, so sampled values agree with NetworkX only in expectation.
// Direction: paths follow edges u -> v (who follows whom).
// Dangling / isolated accounts: they start or end no paths; 0 unless on a path.
// Self-loops: none. Nulls: none.
// Algorithm: Brandes — a BFS from each source counting shortest paths σ, then
//   dependencies δ accumulated in reverse BFS order: δ(v) = Σ_{w: v->w, d(w)=d(v)+1}
//   σ(v)/σ(w)·(1 + δ(w)). Parallel over sources: sources are dealt round-robin to a
//   fixed number of stripes, each with its own accumulator, added in stripe order
//   (deterministic on any machine).
// Verified in tests against NetworkX and, on small graphs, against counting all
//   shortest paths by brute force.
// References: U. Brandes, "A faster algorithm for betweenness centrality", J. Math.
//   Sociol. 25 (2001); Brandes & Pich, "Centrality estimation in large networks" (2007);
//   NetworkX `networkx/algorithms/centrality/betweenness.py`.

/// Brandes betweenness centrality, exact or source-sampled.
public enum Betweenness {
    /// Number of independent accumulators; fixed so results never depend on the core count.
    static let stripes = 4

    /// Normalized directed betweenness of every account of `layer`: exact when
    /// `nodeCount <= exactLimit` or `samples >= nodeCount`, else estimated from
    /// `samples` sources drawn with `seed` (`approximate` is then true).
    ///
    /// - Throws: `runtime` when `samples` < 2 (the estimate scales sources by 1/(k−1)) or `exactLimit` < 0; `cancelled`.
    /// - Complexity: O(k·(n + m)) time with k = n (exact) or `samples`; O(n) memory per stripe.
    public static func compute(_ layer: Layer, exactLimit: Int = 5000, samples: Int = 256,
                               seed: UInt64 = 0) throws(Diagnostic) -> (scores: [Double], approximate: Bool) {
        guard samples >= 2 else { throw Diagnostic(.runtime, "betweenness_samples must be at least 2, found \(samples)") }
        guard exactLimit >= 0 else { throw Diagnostic(.runtime, "betweenness_exact_limit must not be negative, found \(exactLimit)") }
        let n = layer.nodeCount
        let approximate = n > exactLimit && samples < n
        var sources: [Int]
        if approximate {
            var all = Array(0..<n)
            var rng = SplitMix64(seed: seed)
            for i in 0..<samples { all.swapAt(i, i + rng.uniform(n - i)) }
            sources = Array(all[0..<samples])
        } else {
            sources = Array(0..<n)
        }
        var raw = try accumulate(layer.out, sources: sources)
        // Rescale as NetworkX (normalized, endpoints=False).
        if n > 2 {
            let pairs = Double(n - 2)
            if approximate {
                let k = Double(samples)
                let scaleSource = 1.0 / ((k - 1) * pairs), scaleOther = 1.0 / (k * pairs)
                var isSource = [Bool](repeating: false, count: n)
                for s in sources { isSource[s] = true }
                for v in 0..<n { raw[v] *= isSource[v] ? scaleSource : scaleOther }
            } else {
                let scale = 1.0 / (Double(n - 1) * pairs)
                for v in 0..<n { raw[v] *= scale }
            }
        }
        return (raw, approximate)
    }

    /// Unnormalized dependency sums Σ_s δ_s(v) over the given sources.
    static func accumulate(_ g: CSR, sources: [Int]) throws(Diagnostic) -> [Double] {
        let n = g.nodeCount
        if n == 0 { return [] }
        let s = stripes
        let acc = Scratch<Double>(s * n, 0)
        let sigma = Scratch<Double>(s * n, 0), delta = Scratch<Double>(s * n, 0)
        let dist = Scratch<Int32>(s * n, -1), order = Scratch<UInt32>(s * n, 0)
        let (ap, sp, dp, ds, op) = (acc.ptr, sigma.ptr, delta.ptr, dist.ptr, order.ptr)
        KernelProgress.begin("betweenness: sources", total: sources.count)
        defer { KernelProgress.end() }
        try g.withPtrs { (gp) throws(Diagnostic) in
            try Parallel.forEach(s) { stripe in
                let base = stripe * n
                var i = stripe
                while i < sources.count {
                    if Cancellation.isRequested { return }
                    single(gp, source: sources[i], base: base, acc: ap, sigma: sp, delta: dp, dist: ds, order: op)
                    KernelProgress.advance()
                    i += s
                }
            }
        }
        try Cancellation.check()
        var total = [Double](repeating: 0, count: n)
        for stripe in 0..<s {
            let base = stripe * n
            for v in 0..<n { total[v] += acc.buffer[base + v] }
        }
        return total
    }

    /// One source: BFS counting shortest paths, then dependencies in reverse order.
    /// Leaves sigma/delta/dist reset for the nodes it touched.
    @inline(__always)
    static func single(_ g: CSRPtr, source: Int, base: Int, acc: Ptr<Double>, sigma: Ptr<Double>,
                       delta: Ptr<Double>, dist: Ptr<Int32>, order: Ptr<UInt32>) {
        var head = 0, tail = 1
        order[base] = UInt32(source)
        dist[base + source] = 0
        sigma[base + source] = 1
        while head < tail {
            let v = Int(order[base + head]); head += 1
            let dv = dist[base + v], sv = sigma[base + v]
            for k in g.offsets[v]..<g.offsets[v + 1] {
                let w = Int(g.targets[k])
                let dw = dist[base + w]
                if dw < 0 {
                    dist[base + w] = dv + 1
                    order[base + tail] = UInt32(w); tail += 1
                    sigma[base + w] = sv
                } else if dw == dv + 1 {
                    sigma[base + w] += sv
                }
            }
        }
        // Reverse BFS order: every successor on a shortest path is final before v.
        var i = tail - 1
        while i >= 0 {
            let v = Int(order[base + i]); i -= 1
            let dv = dist[base + v]
            let sv = sigma[base + v]
            var d = 0.0
            for k in g.offsets[v]..<g.offsets[v + 1] {
                let w = Int(g.targets[k])
                if dist[base + w] == dv + 1 { d += sv / sigma[base + w] * (1 + delta[base + w]) }
            }
            delta[base + v] = d
            if v != source { acc[base + v] += d }
        }
        for j in 0..<tail {
            let v = base + Int(order[base + j])
            dist[v] = -1; sigma[v] = 0; delta[v] = 0
        }
    }
}
