import Foundation
import Testing
import QQData
import QQIO
import QQMetrics
@testable import QQSession

/// The sample, second edition, against its truth table (docs/SAMPLE.md, "Rules against
/// the truth"): Cresci et al. 2015's finding that simple rules fail. The default
/// `suspicious` rule's F1 for `role == "bot"` is at most 0.8, and no rule that
/// thresholds one column of `accounts` — every numeric and boolean column, computed
/// metrics included, at every threshold between distinct values, in both directions —
/// reaches F1 0.9.
@Suite(.serialized) struct SampleTruthTests {
    /// Runs statements on a fresh sample session; stdout in CSV.
    static func run(_ text: String) -> (String, String) {
        let out = EngineOutput()
        var o = SessionOptions()
        o.format = .init(name: "csv")!
        o.color = false
        o.today = CivilDate(year: 2024, month: 6, day: 1)
        let s = Session(options: o, output: out)
        s.run("load sample\n" + text, file: "truth-test.qq")
        return (out.stdout, out.stderr)
    }

    /// Every numeric and boolean column of `accounts`: the stored ones (dates as days
    /// since), and every registry metric that is a column (no layer or duration argument).
    static func columns() -> [(name: String, expr: String)] {
        let d = SampleDataset.make()
        var out: [(String, String)] = []
        for (name, col) in zip(d.accounts.names, d.accounts.columns) {
            switch col.type {
            case .int, .float, .bool: out.append((name, name))
            case .date, .datetime: out.append((name, "days_since(\(name))"))
            default: break
            }
        }
        for m in MetricRegistry.all where [.int, .float, .bool].contains(m.type) { out.append((m.name, m.name)) }
        return out
    }

    /// The best F1 of `x <= t` and `x >= t` over every distinct value t (a null x
    /// predicts false, as in `where`): one sweep over the sorted values per direction.
    static func bestF1(_ x: [Double?], _ actual: [Bool]) -> (f1: Double, rule: String) {
        let positives = actual.filter { $0 }.count
        let pairs = zip(x, actual).compactMap { v, a in v.map { ($0, a) } }.sorted { $0.0 < $1.0 }
        var best = (0.0, "none")
        for (descending, op) in [(false, "<="), (true, ">=")] {
            let seq = descending ? Array(pairs.reversed()) : pairs
            var tp = 0, fp = 0, i = 0
            while i < seq.count {
                let t = seq[i].0
                while i < seq.count && seq[i].0 == t { if seq[i].1 { tp += 1 } else { fp += 1 }; i += 1 }
                let f1 = Double(2 * tp) / Double(2 * tp + fp + (positives - tp))
                if f1 > best.0 { best = (f1, "\(op) \(t) (tp \(tp), fp \(fp))") }
            }
        }
        return best
    }

    @Test func defaultRuleF1IsAtMostPointEight() throws {
        let (out, err) = SampleTruthTests.run("accounts | join truth on handle | confusion suspicious, role == \"bot\" | select f1, precision, recall")
        #expect(err.isEmpty, "\(err)")
        let lines = out.split(separator: "\n")
        try #require(lines.count == 2, "\(out)")
        let cells = lines[1].split(separator: ",").compactMap { Double($0) }
        try #require(cells.count == 3)
        #expect(cells[0] <= 0.8, "default rule F1 \(cells[0])")
        // both errors are there: it misses bots and flags real accounts
        #expect(cells[1] < 0.9 && cells[2] < 0.9, "precision \(cells[1]), recall \(cells[2])")
    }

    @Test func noSingleColumnThresholdReachesPointNine() throws {
        let cols = SampleTruthTests.columns()
        #expect(cols.count >= 20, "\(cols.map(\.name))")
        let select = cols.map { "c_\($0.name) = \($0.expr)" }.joined(separator: ", ")
        let (out, err) = SampleTruthTests.run("accounts | join truth on handle | select is_bot = role == \"bot\", \(select)")
        #expect(!err.contains("error"), "\(err)")
        let lines = out.split(separator: "\n", omittingEmptySubsequences: false).filter { !$0.isEmpty }
        try #require(lines.count == 2001, "\(err)")
        let rows = lines.dropFirst().map { $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init) }
        let actual = rows.map { $0[0] == "true" }
        #expect(actual.filter { $0 }.count == 250)
        for (j, c) in cols.enumerated() {
            let x: [Double?] = rows.map { r in
                let s = r[j + 1]
                return s == "true" ? 1 : s == "false" ? 0 : Double(s)
            }
            let best = SampleTruthTests.bestF1(x, actual)
            #expect(best.f1 < 0.9, "\(c.name) \(best.rule): F1 \(best.f1)")
        }
    }

    @Test func bestF1SweepsBothDirections() {
        // x <= 2: tp 2, fp 1, and the null positive is missed: F1 = 4/6
        #expect(abs(SampleTruthTests.bestF1([1, 2, 2, 5, nil], [true, true, false, false, true]).f1 - 2.0 / 3) < 1e-12)
        // x >= 5 alone: tp 1, fp 0, fn 0 → 1
        #expect(abs(SampleTruthTests.bestF1([1, 2, 5], [false, false, true]).f1 - 1) < 1e-12)
    }
}
