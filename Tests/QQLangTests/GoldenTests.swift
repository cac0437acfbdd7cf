import Foundation
import Testing
import QQData
@testable import QQSession
@testable import QQEngine
@testable import QQSemantic
@testable import QQSyntax

/// Golden tests: every `Golden/<feature>/<name>.qq` runs in a fresh session in a
/// pinned environment (width 100, no colour, table format unless the script sets
/// another, default seed, today = 2024-06-01), and its stdout and stderr must equal
/// `<name>.out` and `<name>.err` (a missing file means empty). Diagnostics name the
/// script as `<feature>/<name>.qq`. `QQ_RECORD=1 swift test --filter Golden`
/// rewrites the expected files instead of comparing.
@Suite(.serialized) struct GoldenTests {
    static let root: String = {
        let here = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        return here.appendingPathComponent("Golden").path
    }()

    /// `feature/name.qq` for every golden script, sorted.
    static let scripts: [String] = {
        let fm = FileManager.default
        guard let features = try? fm.contentsOfDirectory(atPath: root) else { return [] }
        var out: [String] = []
        for f in features.sorted() where f != "data" && f != "out" {
            guard let files = try? fm.contentsOfDirectory(atPath: root + "/" + f) else { continue }
            for name in files.sorted() where name.hasSuffix(".qq") { out.append(f + "/" + name) }
        }
        return out
    }()

    static var recording: Bool { ProcessInfo.processInfo.environment["QQ_RECORD"] == "1" }

    @Test func goldenScriptsExist() {
        #expect(GoldenTests.scripts.count >= 20, "golden scripts under \(GoldenTests.root)")
    }

    @Test(arguments: GoldenTests.scripts)
    func golden(_ script: String) throws {
        try FileManager.default.createDirectory(atPath: GoldenTests.root + "/out", withIntermediateDirectories: true)
        let path = GoldenTests.root + "/" + script
        let text = try String(contentsOfFile: path, encoding: .utf8)
        let (out, err) = GoldenTests.run(text, file: script)
        let base = String(path.dropLast(3))
        if GoldenTests.recording {
            try GoldenTests.write(out, to: base + ".out")
            try GoldenTests.write(err, to: base + ".err")
            return
        }
        let wantOut = (try? String(contentsOfFile: base + ".out", encoding: .utf8)) ?? ""
        let wantErr = (try? String(contentsOfFile: base + ".err", encoding: .utf8)) ?? ""
        #expect(out == wantOut, "stdout of \(script) differs:\n\(GoldenDiff.render(expected: wantOut, actual: out))")
        #expect(err == wantErr, "stderr of \(script) differs:\n\(GoldenDiff.render(expected: wantErr, actual: err))")
    }

    /// Runs a script in the pinned environment; returns (stdout, stderr).
    static func run(_ text: String, file: String) -> (String, String) {
        let output = EngineOutput()
        var o = SessionOptions()
        o.format = .table
        o.width = 100
        o.color = false
        o.maxRows = 40
        o.directory = root
        o.today = CivilDate(year: 2024, month: 6, day: 1)
        let session = Session(options: o, output: output)
        session.run(text, file: file)
        return (output.stdout, output.stderr)
    }

    /// Writes an expected file; an empty expectation is no file at all.
    static func write(_ text: String, to path: String) throws {
        if text.isEmpty {
            try? FileManager.default.removeItem(atPath: path)
        } else {
            try text.write(toFile: path, atomically: true, encoding: .utf8)
        }
    }
}

/// A line diff for failure messages: `-` expected, `+` actual, with a little context.
enum GoldenDiff {
    static func render(expected: String, actual: String) -> String {
        let a = expected.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let b = actual.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        // Longest common subsequence table (golden files are small).
        var lcs = [[Int]](repeating: [Int](repeating: 0, count: b.count + 1), count: a.count + 1)
        for i in stride(from: a.count - 1, through: 0, by: -1) {
            for j in stride(from: b.count - 1, through: 0, by: -1) {
                lcs[i][j] = a[i] == b[j] ? lcs[i + 1][j + 1] + 1 : max(lcs[i + 1][j], lcs[i][j + 1])
            }
        }
        var lines: [String] = []
        var i = 0, j = 0
        while i < a.count || j < b.count {
            if i < a.count && j < b.count && a[i] == b[j] { lines.append("  " + a[i]); i += 1; j += 1 }
            else if j < b.count && (i == a.count || lcs[i][j + 1] >= lcs[i + 1][j]) { lines.append("+ " + b[j]); j += 1 }
            else { lines.append("- " + a[i]); i += 1 }
        }
        // Keep changed lines with two lines of context around them.
        var keep = Set<Int>()
        for (k, l) in lines.enumerated() where !l.hasPrefix("  ") { for c in max(0, k - 2)...min(lines.count - 1, k + 2) { keep.insert(c) } }
        var out: [String] = []
        var last = -1
        for k in keep.sorted() {
            if last >= 0 && k > last + 1 { out.append("  …") }
            out.append(lines[k]); last = k
        }
        return out.joined(separator: "\n")
    }
}
