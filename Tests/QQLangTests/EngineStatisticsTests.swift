import Testing
import QQData
@testable import QQSession
@testable import QQEngine
@testable import QQSemantic
@testable import QQSyntax

/// Statistics against reference values from NumPy 2.4 / SciPy 1.17 on the same
/// inputs (ties included), and Kendall's O(n log n) algorithm against a direct
/// O(n²) count.
@Suite struct EngineStatisticsTests {
    static let x: [Double] = [3, 1, 4, 1, 5, 9, 2, 6, 5, 3, 5]
    static let y: [Double] = [2, 7, 1, 8, 2, 8, 1, 8, 2, 8, 4]

    @Test func correlationsAgreeWithSciPy() throws {
        // scipy.stats.spearmanr / pearsonr / kendalltau (tau-b)
        #expect(abs(try #require(Statistics.spearman(Self.x, Self.y)) - 0.1384567651467695) < 1e-12)
        #expect(abs(try #require(Statistics.pearson(Self.x, Self.y)) - 0.09422924859889797) < 1e-12)
        #expect(abs(try #require(KendallTau.tauB(Self.x, Self.y)) - 0.14757295747452434) < 1e-12)
    }

    @Test func constantInputHasNoCorrelation() {
        #expect(Statistics.pearson([1, 1, 1], [1, 2, 3]) == nil)
        #expect(KendallTau.tauB([2, 2], [1, 3]) == nil)
        #expect(Statistics.spearman([1], [1]) == nil)
    }

    /// tau-b counted pair by pair.
    static func naiveTauB(_ x: [Double], _ y: [Double]) -> Double? {
        var c = 0.0, d = 0.0, tx = 0.0, ty = 0.0
        for i in 0..<x.count {
            for j in (i + 1)..<x.count {
                let a = (x[i] - x[j]).sign, b = (y[i] - y[j]).sign
                if x[i] == x[j] && y[i] == y[j] { continue }
                if x[i] == x[j] { tx += 1; continue }
                if y[i] == y[j] { ty += 1; continue }
                if a == b { c += 1 } else { d += 1 }
            }
        }
        let den = ((c + d + tx) * (c + d + ty)).squareRoot()
        return den == 0 ? nil : (c - d) / den
    }

    @Test(arguments: [1, 2, 3, 4, 5])
    func kendallMatchesDirectCount(seed: UInt64) throws {
        var rng = SplitMix64(seed: seed)
        let n = 300
        let x = (0..<n).map { _ in Double(rng.next() % 20) }
        let y = x.map { $0 + Double(rng.next() % 10) - 3 }
        let fast = try #require(KendallTau.tauB(x, y))
        let slow = try #require(Self.naiveTauB(x, y))
        #expect(abs(fast - slow) < 1e-12)
    }

    @Test func percentilesAreAverageRanks() {
        // (scipy.stats.rankdata(x) * 100 / n), as pandas rank(pct=True) * 100
        let want = [40.90909090909091, 13.636363636363637, 54.54545454545455, 13.636363636363637, 72.72727272727273,
                    100.0, 27.272727272727273, 90.9090909090909, 72.72727272727273, 40.90909090909091, 72.72727272727273]
        let ranks = Statistics.averageRanks(Self.x)
        for (r, w) in zip(ranks, want) { #expect(abs(100 * r / Double(Self.x.count) - w) < 1e-12) }
    }

    @Test func quantilesInterpolateLikeNumPy() throws {
        let sorted = Self.x.sorted()
        for (q, want) in [(0.0, 1.0), (0.1, 1.0), (0.25, 2.5), (0.5, 4.0), (0.9, 6.0), (1.0, 9.0)] {
            #expect(try #require(Statistics.quantile(sorted: sorted, q)) == want)
        }
        #expect(Statistics.quantile(sorted: [], 0.5) == nil)
        #expect(Statistics.quantile(sorted: [1, 2], 0.5) == 1.5)
    }

    @Test func sampleStandardDeviation() throws {
        #expect(abs(try #require(Statistics.sampleStd(Self.x)) - 2.3664319132398464) < 1e-12)
        #expect(Statistics.sampleStd([4]) == nil)
    }

    @Test func zscoreThroughTheLanguage() {
        let ds = EngineFixture.dataset(columns: [
            ("handle", (0..<11).map { .string("a\($0)") }),
            ("x", Self.x.map { .int(Int64($0)) }),
        ])
        let r = EngineFixture.run("accounts | select z = zscore(x)", on: ds)
        #expect(r.ok)
        let want = [-0.4225771273642583, -1.267731382092775, 0.0, -1.267731382092775, 0.4225771273642583, 2.1128856368212916,
                    -0.8451542547285166, 0.8451542547285166, 0.4225771273642583, -0.4225771273642583, 0.4225771273642583]
        let got = r.out.split(separator: "\n").dropFirst().compactMap { Double($0) }
        #expect(got.count == want.count)
        for (g, w) in zip(got, want) { #expect(abs(g - w) < 1e-12) }
    }
}
