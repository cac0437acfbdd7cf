import QQData

// HITS — `hub` and `authority`.
//
// Definition: the principal singular vectors of the adjacency matrix A
//   (A[u][v] = 1 for u -> v): authorities a ∝ Aᵀh, hubs h ∝ A·a, each normalized to
//   sum 1. An account is a good authority when good hubs follow it, and a good hub
//   when it follows good authorities.
// Matches: NetworkX 3.x `nx.hits(G)` (normalized=True). NetworkX 3.x computes it with
//   scipy's sparse SVD; qq runs the power iteration of NetworkX's reference
//   implementation `_hits_python`: h₀ = 1/N; each round a = Aᵀh, h = A·a, both scaled
//   so their maximum is 1; stop when Σ_v |h_v − hlast_v| < tolerance (a plain tol,
//   not N·tol). With the same tolerance qq gives `_hits_python`'s values; with a
//   tight tolerance (`set tolerance = 1e-10`) the converged values that `nx.hits` gives.
// Direction: edge u -> v (u follows v) makes u a hub and v an authority.
// Dangling nodes: an account with no out-edges has hub 0; with no in-edges,
//   authority 0. An edgeless layer gives all zeros (NetworkX divides by zero there).
// Self-loops: none (layers drop them). Weights: ignored (the follow layer has none).
// Nulls: none. Not converging within `maxIterations` gives the last iterate with
//   `converged = false` (NetworkX raises PowerIterationFailedConvergence).
// References: Kleinberg, "Authoritative sources in a hyperlinked environment",
//   JACM 46(5), 1999; NetworkX `networkx/algorithms/link_analysis/hits_alg.py`.

/// Hub and authority scores with the iteration count.
public struct HITSResult: Sendable, Equatable {
    public var hubs: [Double]
    public var authorities: [Double]
    public var iterations: Int
    public var converged: Bool
}

/// HITS by power iteration (NetworkX's stopping rule), parallel over node ranges.
public enum HITS {
    /// Hub and authority scores of `layer`, each summing to 1.
    ///
    /// - Throws: `runtime` for tolerance ≤ 0 or `maxIterations` < 1; `cancelled`.
    /// - Complexity: O(iterations · (n + m)) time, O(n) extra memory.
    public static func compute(_ layer: Layer, tolerance: Double = 1e-6, maxIterations: Int = 100) throws(Diagnostic) -> HITSResult {
        guard tolerance > 0 else { throw Diagnostic(.runtime, "tolerance must be positive, found \(tolerance)") }
        guard maxIterations >= 1 else { throw Diagnostic(.runtime, "max_iterations must be at least 1, found \(maxIterations)") }
        let n = layer.nodeCount
        let zeros = [Double](repeating: 0, count: n)
        if layer.edgeCount == 0 { return HITSResult(hubs: zeros, authorities: zeros, iterations: 0, converged: true) }
        let inParts = Parallel.ranges(offsets: layer.inn.offsets, parts: 32)
        let outParts = Parallel.ranges(offsets: layer.out.offsets, parts: 32)
        let flat = Parallel.ranges(count: n, parts: 32)
        var h = Scratch<Double>(n, 1.0 / Double(n)), hNext = Scratch<Double>(n, 0)
        let a = Scratch<Double>(n, 0)
        let maxPart = Scratch<Double>(max(inParts.count, outParts.count, flat.count), 0)
        let errPart = Scratch<Double>(flat.count, 0)
        var iterations = 0, converged = false
        KernelProgress.begin("hub and authority: iterations", total: maxIterations)
        defer { KernelProgress.end() }
        while iterations < maxIterations {
            try Cancellation.check()
            KernelProgress.update(iterations)
            iterations += 1
            let (hl, hn, ap, mp, ep) = (h.ptr, hNext.ptr, a.ptr, maxPart.ptr, errPart.ptr)
            // a = Aᵀ·hlast (pull over in-edges).
            try layer.inn.withPtrs { (g) throws(Diagnostic) in
                try Parallel.forEach(inParts.count) { r in
                    var m = 0.0
                    for v in inParts[r] {
                        var s = 0.0
                        for k in g.offsets[v]..<g.offsets[v + 1] { s += hl[Int(g.targets[k])] }
                        ap[v] = s
                        m = max(m, s)
                    }
                    mp[r] = m
                }
            }
            var aMax = 0.0
            for r in 0..<inParts.count { aMax = max(aMax, maxPart.buffer[r]) }
            // h = A·a (pull over out-edges).
            try layer.out.withPtrs { (g) throws(Diagnostic) in
                try Parallel.forEach(outParts.count) { r in
                    var m = 0.0
                    for u in outParts[r] {
                        var s = 0.0
                        for k in g.offsets[u]..<g.offsets[u + 1] { s += ap[Int(g.targets[k])] }
                        hn[u] = s
                        m = max(m, s)
                    }
                    mp[r] = m
                }
            }
            var hMax = 0.0
            for r in 0..<outParts.count { hMax = max(hMax, maxPart.buffer[r]) }
            let hs = 1.0 / hMax, asc = 1.0 / aMax
            try Parallel.forEach(flat.count) { r in
                var e = 0.0
                for v in flat[r] {
                    let x = hn[v] * hs
                    hn[v] = x
                    ap[v] *= asc
                    e += abs(x - hl[v])
                }
                ep[r] = e
            }
            swap(&h, &hNext)
            var err = 0.0
            for r in 0..<flat.count { err += errPart.buffer[r] }
            if err < tolerance { converged = true; break }
        }
        return HITSResult(hubs: normalized(h.array(n)), authorities: normalized(a.array(n)),
                          iterations: iterations, converged: converged)
    }

    /// Scales to sum 1 (as NetworkX: multiply by 1/sum).
    static func normalized(_ x: [Double]) -> [Double] {
        let total = x.reduce(0, +)
        guard total != 0 else { return x }
        let s = 1.0 / total
        return x.map { $0 * s }
    }
}
