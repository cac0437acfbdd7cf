import Foundation
import QQData
import Testing
import QQMetrics

/// Timings on a large synthetic graph. Skipped unless `QQ_PERF` is set; sizes from
/// `QQ_PERF_ACCOUNTS` / `QQ_PERF_FOLLOWS` (default 1M / 20M). Run in release:
///
///     QQ_PERF=1 swift test -c release --filter PerfTests
///
/// Prints times; asserts only correctness, never times.
@Suite struct PerfTests {
    static var enabled: Bool { ProcessInfo.processInfo.environment["QQ_PERF"] != nil }

    /// A seeded power-law follow graph: targets t = ⌊n·u³⌋ (in-degree density ∝ x^(−2/3):
    /// a few accounts with hundreds of thousands of followers), sources ⌊n·u^1.5⌋.
    static func graph(accounts n: Int, follows m: Int, seed: UInt64) -> Layer {
        var rng = SplitMix64(seed: seed)
        var src = [UInt32](repeating: 0, count: m), dst = [UInt32](repeating: 0, count: m)
        let scale = 1.0 / Double(1 << 53)
        for i in 0..<m {
            let a = Double(rng.next() >> 11) * scale, b = Double(rng.next() >> 11) * scale
            src[i] = UInt32(min(n - 1, Int(Double(n) * a * a.squareRoot())))
            dst[i] = UInt32(min(n - 1, Int(Double(n) * b * b * b)))
        }
        return CSRBuilder.build(name: "follow", nodeCount: n, src: src, dst: dst)
    }

    static func time<T>(_ label: String, _ body: () throws -> T) rethrows -> T {
        let clock = ContinuousClock()
        let start = clock.now
        let r = try body()
        let d = clock.now - start
        let ms = Double(d.components.seconds) * 1000 + Double(d.components.attoseconds) / 1e15
        print("perf: \(label): \(String(format: "%.1f", ms)) ms")
        return r
    }

    @Test(.enabled(if: PerfTests.enabled))
    func largeGraphKernels() throws {
        let env = ProcessInfo.processInfo.environment
        let n = Int(env["QQ_PERF_ACCOUNTS"] ?? "") ?? 1_000_000
        let m = Int(env["QQ_PERF_FOLLOWS"] ?? "") ?? 20_000_000
        let g = Self.time("build \(n) accounts / \(m) follow rows") { Self.graph(accounts: n, follows: m, seed: 7) }
        print("perf: \(g.edgeCount) follow edges after dropping self-loops and duplicates")
        let strict = try Self.time("pagerank until L1 change < 1e-6") {
            try PageRank.compute(g, tolerance: 1e-6 / Double(n), maxIterations: 1000)
        }
        print("perf:   \(strict.iterations) iterations, converged \(strict.converged)")
        let pr = try Self.time("pagerank (NetworkX default rule, tol 1e-6)") { try PageRank.compute(g) }
        print("perf:   \(pr.iterations) iterations")
        #expect(abs(strict.scores.reduce(0, +) - 1) < 1e-9)
        let u = try Self.time("undirected view") { try Undirected.csr(of: g) }
        print("perf:   \(u.edgeCount / 2) undirected edges")
        let core = try Self.time("kcore (core numbers, without the undirected view)") { try CoreNumber.compute(undirected: u) }
        print("perf:   max core \(core.max() ?? 0)")
        _ = try Self.time("kcore (from the layer, including the undirected view)") { try CoreNumber.compute(g) }
        let cl = try Self.time("clustering (without the undirected view)") { try Clustering.compute(undirected: u) }
        print("perf:   mean clustering \(cl.reduce(0, +) / Double(n))")
        _ = try Self.time("clustering (from the layer, including the undirected view)") { try Clustering.compute(g) }
        let h = try Self.time("hits (tol 1e-6, max 100)") { try HITS.compute(g) }
        print("perf:   \(h.iterations) iterations, converged \(h.converged)")
        _ = Self.time("mutuals") { Degree.mutuals(g) }
        if env["QQ_PERF_SLOW"] != nil {
            let c = try Self.time("louvain") { try Louvain.compute(undirected: u, seed: 1) }
            print("perf:   modularity \(c.modularity)")
            let b = try Self.time("betweenness, 256 sampled sources") { try Betweenness.compute(g, exactLimit: 5000, samples: 256, seed: 1) }
            #expect(b.approximate)
        }
    }
}
