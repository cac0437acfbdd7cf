import Foundation
@testable import QQOutput

/// Deterministic chart data shaped like a social graph: heavy-tailed follower
/// counts (with zeros) and a PageRank that grows with them, plus noise.
enum ChartFixtures {
    /// SplitMix64: the same numbers on every platform.
    struct Random {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
        /// Uniform in [0, 1).
        mutating func unit() -> Double { Double(next() >> 11) / Double(1 << 53) }
    }

    /// `n` accounts: followers (about 6% zeros, tail to ~1M) and pagerank.
    static func accounts(_ n: Int, seed: UInt64 = 7) -> (followers: [Double], pagerank: [Double]) {
        var rng = Random(state: seed)
        var followers: [Double] = [], pagerank: [Double] = []
        for _ in 0..<n {
            let u = rng.unit()
            let f = u < 0.06 ? 0 : (pow(10, 6 * pow(rng.unit(), 1.8))).rounded(.down)
            followers.append(f)
            let noise = exp((rng.unit() - 0.5) * 2.2)
            pagerank.append(pow(f + 3, 0.8) * noise)
        }
        let sum = pagerank.reduce(0, +)
        return (followers, pagerank.map { $0 / sum })
    }

    static let sample = accounts(2000)

    static var charts: [(String, Chart)] {
        let (followers, pagerank) = sample
        let top = followers.enumerated().sorted { $0.element > $1.element }.prefix(10)
        return [
            ("hist-log", Chart.histogram(followers, label: "followers", log: true, nullCount: 3)),
            ("hist-linear", Chart.histogram(followers.map { log10($0 + 1) }, label: "log10(followers + 1)", bins: 16)),
            ("hist-integers", Chart.histogram([1, 2, 2, 3, 3, 3, 4, 4, 5, 7, 7, 7, 7, 12], label: "kcore")),
            ("scatter-log", Chart.scatter(x: followers, y: pagerank, xLabel: "followers", yLabel: "pagerank", log: true)),
            ("scatter-linear", Chart.scatter(x: [-3, -1, 0, 1.5, 2, 4, 4.5, 7, .nan], y: [2, -1, 0, 3, 2.5, 6, 5, 9, 1],
                                             xLabel: "x", yLabel: "y")),
            ("bar-top", Chart.bar(labels: top.map { "user\($0.offset)" }, values: top.map(\.element),
                                  labelName: "handle", valueName: "followers")),
            ("bar-negative", Chart.bar(labels: ["growth", "churn", "新規ユーザー", "a_very_long_label_that_will_not_fit", "flat"],
                                       values: [120, -45.5, 80, 9, 0], labelName: "change", valueName: "accounts")),
            ("bar-log", Chart.bar(labels: top.map { "user\($0.offset)" } + ["nobody"], values: top.map(\.element) + [0],
                                  labelName: "handle", valueName: "followers", log: true)),
        ]
    }
}
