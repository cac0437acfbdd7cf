import Foundation
import QQData
import Testing
import QQMetrics

/// Timings of the SPEC §9 kernels on `PerfTests`' synthetic graph, with an interaction
/// layer of a quarter as many rows (reposts along follow edges, weights 1-3, some
/// accounts silent). Skipped unless `QQ_PERF` is set; same size variables:
///
///     QQ_PERF=1 QQ_PERF_ACCOUNTS=200000 QQ_PERF_FOLLOWS=2000000 swift test -c release --filter LayerPerfTests
///
/// Prints times; asserts only correctness, never times.
@Suite struct LayerPerfTests {
    @Test(.enabled(if: PerfTests.enabled))
    func layerKernels() throws {
        let env = ProcessInfo.processInfo.environment
        let n = Int(env["QQ_PERF_ACCOUNTS"] ?? "") ?? 1_000_000
        let m = Int(env["QQ_PERF_FOLLOWS"] ?? "") ?? 20_000_000
        let follows = PerfTests.time("build \(n) accounts / \(m) follow rows") { PerfTests.graph(accounts: n, follows: m, seed: 7) }
        // Reposts: j reposts i along follow edge j -> i, for a quarter of the edges from accounts not divisible by 7.
        var rng = SplitMix64(seed: 3)
        var src: [UInt32] = [], dst: [UInt32] = [], w: [Double] = []
        for v in 0..<n where v % 7 != 0 {
            for u in follows.out.neighbors(v) where rng.next() % 4 == 0 {
                src.append(UInt32(v)); dst.append(u); w.append(Double(1 + rng.next() % 3))
            }
        }
        let repost = PerfTests.time("build repost layer (\(src.count) rows)") {
            CSRBuilder.build(name: "repost", nodeCount: n, src: src, dst: dst, weights: w)
        }
        let g = PerfTests.time("layer graph") { LayerGraph(repost, accountCount: n) }
        print("perf:   \(g.count) accounts in the layer, \(g.layer.edgeCount) edges")
        _ = try PerfTests.time("kcore(repost)") { try LayerMetrics.kcore(g) }
        _ = try PerfTests.time("clustering(repost)") { try LayerMetrics.clustering(g) }
        let h = try PerfTests.time("authority(repost) (tol 1e-6, max 100)") { try LayerMetrics.hits(g, tolerance: 1e-6, maxIterations: 100) }
        print("perf:   \(h.iterations) iterations, converged \(h.converged)")
        let ip = try PerfTests.time("influence(repost) (tol 1e-6, max 100)") {
            try InfluencePassivity.compute(follows: follows, layer: repost, accountCount: n)
        }
        print("perf:   \(ip.iterations) iterations, converged \(ip.converged)")
        #expect(abs(ip.influence.reduce(0, +) - 1) < 1e-9)
        let stats = PerfTests.time("layer statistics (follow, repost)") { [LayerStatistics(follows), LayerStatistics(repost)] }
        print("perf:   reciprocity \(stats.map { $0.reciprocity ?? .nan })")
        let c = try PerfTests.time("community(repost)") { try LayerMetrics.community(g, seed: 1) }
        let labels = (0..<n).map { c.column.isNull($0) ? nil : Int64(c.column.double($0)!) }
        let other = (0..<n).map { Int64($0 % 1000) }
        let ari = PerfTests.time("ari over \(n) rows") { PartitionAgreement.ari(labels, other.map { $0 }) }
        let nmi = PerfTests.time("nmi over \(n) rows") { PartitionAgreement.nmi(labels, other.map { $0 }) }
        print("perf:   ari \(ari), nmi \(nmi)")
    }
}
