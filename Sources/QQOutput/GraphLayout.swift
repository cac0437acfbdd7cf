import QQData

/// A force-directed layout: Fruchterman and Reingold, "Graph Drawing by Force-directed
/// Placement", Software—Practice and Experience 21(11), 1991, pp. 1129–1164.
///
/// The graph is taken as undirected (a follow pulls both ends together). On a frame
/// of width W = height L = 1, with the ideal distance k = C·√(area / n), C = 1:
///
/// - every pair repels with f_r(d) = k² / d;
/// - every edge attracts its ends with f_a(d) = d² / k;
/// - each vertex moves along its summed displacement by at most the temperature t,
///   and stays inside the frame; t starts at W / 10 and cools linearly to 0 over the
///   iterations (the paper's "simple cooling").
///
/// Starting positions are uniform in the frame from `SplitMix64(seed:purpose:index:)`,
/// one stream per vertex, and every sum runs in vertex order on one thread, so a seed
/// gives byte-identical positions on every run. Repulsion is the paper's exact O(n²)
/// sum (no grid approximation), which is why `limit` bounds n.
///
/// NetworkX's `spring_layout` implements the same model (its `k`, `iterations` = 50).
///
/// - Complexity: O(iterations · (n² + m)) time, O(n + m) memory.
package enum GraphLayout {
    /// The most vertices `plot graph` lays out (about 1 s of layout in a release build).
    package static let limit = 2_000

    /// Iterations: more for small graphs, where they are cheap and help most.
    package static func iterations(for n: Int) -> Int { n <= 300 ? 300 : n <= 1_000 ? 150 : 80 }

    /// Positions in [0, 1]² for `n` vertices joined by `edges` (pairs of indices below n;
    /// loops and repeats are harmless). Checks `Cancellation` every iteration.
    package static func fruchtermanReingold(n: Int, edges: [(UInt32, UInt32)], seed: UInt64,
                                            iterations: Int? = nil) throws(Diagnostic) -> (x: [Double], y: [Double]) {
        var x = [Double](repeating: 0.5, count: n), y = [Double](repeating: 0.5, count: n)
        guard n > 1 else { return (x, y) }
        for v in 0..<n {
            var g = SplitMix64(seed: seed, purpose: 0x6C61_796F_7574, index: UInt64(v))  // "layout"
            x[v] = g.unit(); y[v] = g.unit()
        }
        let k = (1.0 / Double(n)).squareRoot()
        let k2 = k * k
        let rounds = iterations ?? GraphLayout.iterations(for: n)
        var t = 0.1
        let cool = t / Double(rounds)
        var dx = [Double](repeating: 0, count: n), dy = [Double](repeating: 0, count: n)
        let tiny = 1e-9
        for _ in 0..<rounds {
            try Cancellation.check()
            for v in 0..<n { dx[v] = 0; dy[v] = 0 }
            // Repulsion between every pair, each pair once.
            for u in 0..<n {
                let xu = x[u], yu = y[u]
                var sx = 0.0, sy = 0.0
                for v in (u + 1)..<n {
                    let ex = xu - x[v], ey = yu - y[v]
                    let d2 = max(ex * ex + ey * ey, tiny)
                    let f = k2 / d2  // (k²/d) along the unit vector (ex, ey)/d
                    sx += ex * f; sy += ey * f
                    dx[v] -= ex * f; dy[v] -= ey * f
                }
                dx[u] += sx; dy[u] += sy
            }
            // Attraction along edges.
            for (a, b) in edges {
                let u = Int(a), v = Int(b)
                guard u != v, u < n, v < n else { continue }
                let ex = x[u] - x[v], ey = y[u] - y[v]
                let d = max((ex * ex + ey * ey).squareRoot(), tiny)
                let f = d / k  // (d²/k) along the unit vector (ex, ey)/d
                dx[u] -= ex * f; dy[u] -= ey * f
                dx[v] += ex * f; dy[v] += ey * f
            }
            // Move by at most t, inside the frame.
            for v in 0..<n {
                let len = (dx[v] * dx[v] + dy[v] * dy[v]).squareRoot()
                guard len > 0 else { continue }
                let step = min(len, t) / len
                x[v] = min(1, max(0, x[v] + dx[v] * step))
                y[v] = min(1, max(0, y[v] + dy[v] * step))
            }
            t = max(t - cool, 0)
        }
        return (x, y)
    }
}
