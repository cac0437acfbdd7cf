import Foundation
import QQData
import Testing
import QQMetrics

/// Timings on a large synthetic graph. Skipped unless `QQ_PERF` is set; sizes from
/// `QQ_PERF_ACCOUNTS` / `QQ_PERF_FOLLOWS` (default 1M / 20M); `QQ_PERF_DUMP=FILE` writes the
/// edges as UInt32 pairs so other libraries can be timed on the same graph. Run in release:
///
///     QQ_PERF=1 swift test -c release --filter PerfTests
///
/// Prints times; asserts only correctness, never times.
@Suite struct PerfTests {
    static var enabled: Bool { ProcessInfo.processInfo.environment["QQ_PERF"] != nil }

    /// A seeded heavy-tailed follow graph in the benchmark's model: each account has an
    /// activity and a popularity weight, Pareto(1.6) and Pareto(1.2); sources are drawn by
    /// activity, targets by popularity, and 18% of edges are followed back.
    static func graph(accounts n: Int, follows m: Int, seed: UInt64) -> Layer {
        var rng = SplitMix64(seed: seed)
        func uniform() -> Double { Double(rng.next() >> 11) / Double(1 << 53) }
        func cdf(_ alpha: Double) -> [Double] {
            var c = [Double](repeating: 0, count: n), total = 0.0
            for i in 0..<n { total += pow(1 - uniform(), -1 / alpha); c[i] = total }
            return c.map { $0 / total }
        }
        func draw(_ c: [Double]) -> UInt32 {
            let u = uniform()
            var lo = 0, hi = n - 1
            while lo < hi { let mid = (lo + hi) >> 1; if c[mid] < u { lo = mid + 1 } else { hi = mid } }
            return UInt32(lo)
        }
        let activity = cdf(1.6), popularity = cdf(1.2)
        var src: [UInt32] = [], dst: [UInt32] = []
        src.reserveCapacity(m + m / 5); dst.reserveCapacity(m + m / 5)
        while src.count < m {
            let s = draw(activity), d = draw(popularity)
            src.append(s); dst.append(d)
            if uniform() < 0.18 { src.append(d); dst.append(s) }
        }
        return CSRBuilder.build(name: "follow", nodeCount: n, src: src, dst: dst)
    }

    /// Writes the edges as little-endian UInt32 pairs (for timing other libraries on the same graph).
    static func dump(_ g: Layer, to path: String) throws {
        var pairs = [UInt32]()
        pairs.reserveCapacity(2 * g.edgeCount)
        for v in 0..<g.nodeCount { for u in g.out.neighbors(v) { pairs.append(UInt32(v)); pairs.append(u) } }
        try pairs.withUnsafeBytes { try Data($0).write(to: URL(fileURLWithPath: path)) }
    }

    /// Process CPU time in ms (all threads): shows the work even when other jobs share the cores.
    static func cpuMilliseconds() -> Double {
        var t = timespec()
        clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &t)
        return Double(t.tv_sec) * 1000 + Double(t.tv_nsec) / 1e6
    }

    static func time<T>(_ label: String, _ body: () throws -> T) rethrows -> T {
        let clock = ContinuousClock()
        let start = clock.now, cpu = cpuMilliseconds()
        let r = try body()
        let d = clock.now - start
        let ms = Double(d.components.seconds) * 1000 + Double(d.components.attoseconds) / 1e15
        print("perf: \(label): \(String(format: "%.1f", ms)) ms wall, \(String(format: "%.1f", cpuMilliseconds() - cpu)) ms cpu")
        return r
    }

    @Test(.enabled(if: PerfTests.enabled))
    func largeGraphKernels() throws {
        let env = ProcessInfo.processInfo.environment
        let n = Int(env["QQ_PERF_ACCOUNTS"] ?? "") ?? 1_000_000
        let m = Int(env["QQ_PERF_FOLLOWS"] ?? "") ?? 20_000_000
        let g = Self.time("build \(n) accounts / \(m) follow rows") { Self.graph(accounts: n, follows: m, seed: 7) }
        print("perf: \(g.edgeCount) follow edges after dropping self-loops and duplicates")
        if let path = env["QQ_PERF_DUMP"] { try Self.dump(g, to: path) }
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
