import Testing
import QQData
@testable import QQSession
@testable import QQEngine
@testable import QQSemantic
@testable import QQSyntax
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Statements that once crashed, hung or grew memory without bound on the built-in
/// sample (issue 21): arithmetic overflow on ints and dates, charts of extreme
/// values, and very long pipelines. Each must end in a result or an error with a
/// caret, never a trap.
@Suite struct HostileStatementTests {
    /// A session on the built-in sample, writing csv.
    static func sampleSession() -> (Session, EngineOutput) {
        let (s, out) = EngineFixture.session()
        #expect(s.run("load sample"), "stderr: \(out.stderr)")
        out.stdout = ""; out.stderr = ""
        return (s, out)
    }

    /// Runs `statement` on the sample on a thread whose stack is the main thread's
    /// (8 MiB), as `qq` runs it.
    static func run(_ statement: String) -> (ok: Bool, out: String, err: String) {
        final class Box: @unchecked Sendable { var r: (Bool, String, String) = (false, "", "") ; let text: String; init(_ t: String) { text = t } }
        let box = Box(statement)
        onMainSizedStack {
            let (s, out) = sampleSession()
            let ok = s.run(box.text)
            box.r = (ok, out.stdout, out.stderr)
        }
        return box.r
    }

    // MARK: checked arithmetic

    @Test("overflowing date and int arithmetic is an error with a caret", arguments: [
        ("print date(\"2024-01-01\") + 9223372036854775807", "date out of range in '+'"),
        ("print date(\"2024-01-01\") - 9223372036854775807", "date out of range in '-'"),
        ("print 9223372036854775807 + date(\"2024-01-01\")", "date out of range in '+'"),
        ("print date(\"2024-01-01\") + 3000000000", "date out of range in '+'"),
        ("print 9223372036854775807 + 1", "integer overflow in '+'"),
        ("print -9223372036854775807 - 2", "integer overflow in '-'"),
        ("print 4611686018427387904 * 2", "integer overflow in '*'"),
        ("print 10B * 10B", "integer overflow in '*'"),
        ("print abs(-9223372036854775807 - 1)", "integer overflow in 'abs'"),
        ("print -(-9223372036854775807 - 1)", "integer overflow in '-'"),
        ("accounts | summarize sum(followers * 4611686018427387904)", "integer overflow in '*'"),
        ("accounts | extend d = joined + followers * 1000000000 | take 3", "date out of range in '+'"),
    ])
    func overflow(_ statement: String, _ message: String) {
        let r = Self.run(statement)
        #expect(!r.ok)
        #expect(r.err.contains("error: \(message)"), "stderr: \(r.err)")
        #expect(r.err.contains("^"), "the error points at the operation: \(r.err)")
    }

    @Test("extreme literals and math stay values or errors", arguments: [
        "print 99999999999999999999",
        "print 9223372036854775807k",
        "print 1e309",
        "print pow(10, 400)",
        "print pow(-8, 1.0 / 3)",
        "print round(1e308)",
        "print round(1e308, 400)",
        "print round(-1e308, -400)",
        "print floor(-1e308) * 10",
        "print date(\"2024-01-01\") + 2000000000",
        "print date(\"2024-01-01\") - date(\"1970-01-01\") * 1",
        "accounts | summarize sum(followers * 1e308), avg(1e308 * followers), stddev(1e308 * followers)",
        "accounts | sort 1e308 * followers - 1e308 * following | take 3",
        "accounts | summarize median(0.0 * (1e308 * 10)), quantile(if(followers > 10, 1e308, -1e308), 0.5)",
        "accounts | take 2 | extend big = 9223372036854775807 - followers | compare on big",
    ])
    func extremes(_ statement: String) {
        let r = Self.run(statement)
        #expect(!r.err.contains("internal error"), "stderr: \(r.err)")
        if !r.ok { #expect(r.err.contains("error:"), "stderr: \(r.err)") }
    }

    // MARK: charts of extreme values

    static let extremeCharts = [
        "plot hist if(followers > 100, 1e308, -1e308)",
        "plot hist if(followers > 100, 1.0000000000000002, 1.0)",
        "plot hist if(followers > 100, 1.0000000000000002, 1.0) bins 500",
        "plot hist if(followers > 100, 5e-324, 0.0)",
        "plot hist if(followers > 100, 5e-324, 1e-323)",
        "plot hist if(followers > 100, 1e308 * 10, -1e308 * 10)",
        "plot hist 0.0 * (1e308 * 10)",
        "plot hist if(followers > 100, 1.7976931348623157e308, -1.7976931348623157e308)",
        "plot hist followers * 1e306",
        "plot hist if(followers > 100, 1e308, 5e-324) log",
        "plot hist if(followers > 100, 1.0000000000000002, 1.0) log",
        "plot hist if(followers > 100, 1e-320, 2e-320) log",
        "plot scatter if(followers > 100, 1e308, -1e308), if(following > 100, -1e308, 1e308)",
        "plot scatter if(followers > 100, 1.0000000000000002, 1.0), 5e-324 * followers",
        "plot scatter if(followers > 100, 1e308, 5e-324), if(following > 10, 1e-320, 1e308) log",
        "plot scatter 0.0 * (1e308 * 10), followers",
        "take 30 | plot bar handle, if(followers > 100, 1e308, -1e308)",
        "take 30 | plot bar handle, if(followers > 100, 1.0000000000000002, 1.0)",
        "take 30 | plot bar handle, if(followers > 100, 1e308, 5e-324) log",
        "take 30 | plot bar handle, if(followers > 100, 1e308 * 10, 0.0 * (1e308 * 10))",
        "take 30 | plot bar handle, if(followers > 100, 5e-324, -5e-324)",
    ]

    @Test("charts of ±1e308, infinities, NaN, denormals and near-equal values draw or explain", arguments: extremeCharts)
    func terminalCharts(_ chart: String) {
        let clock = ContinuousClock.now
        let r = Self.run("accounts | " + chart)
        #expect(ContinuousClock.now - clock < .seconds(30))
        #expect(!r.err.contains("internal error"), "stderr: \(r.err)")
        if r.ok { #expect(r.out.count > 100 && r.out.count < 100_000, "output: \(r.out)") } else {
            #expect(r.err.contains("nothing to plot"), "stderr: \(r.err)")
        }
    }

    @Test("the same charts as SVG files", arguments: extremeCharts)
    func svgCharts(_ chart: String) throws {
        let dir = try TemporaryFolder()
        let file = dir.path + "/chart.svg"
        let r = Self.run("accounts | " + chart + " to \"\(file)\"")
        #expect(!r.err.contains("internal error"), "stderr: \(r.err)")
        if r.ok {
            let svg = String(decoding: FileBytes.read(file) ?? [], as: UTF8.self)
            #expect(svg.hasPrefix("<svg") || svg.hasPrefix("<?xml"), "svg: \(svg.prefix(200))")
            #expect(svg.count < 2_000_000)
            #expect(!svg.contains("nan") && !svg.contains("inf\""), "svg coordinates are numbers")
        } else {
            #expect(r.err.contains("nothing to plot"), "stderr: \(r.err)")
        }
    }

    // MARK: pipeline length

    static func pipeline(stages n: Int) -> String {
        "accounts" + String(repeating: " | take 5", count: n) + " | count"
    }

    @Test func pipelineAtTheBoundRuns() {
        // `| count` is one more stage: n + 1 stages in all.
        let r = Self.run(Self.pipeline(stages: Parser.maxStages - 1))
        #expect(r.ok, "stderr: \(r.err)")
        #expect(r.out == "5\n")
    }

    @Test("a pipeline past the bound is a syntax error with a caret", arguments: [Parser.maxStages, 2_200, 20_000])
    func pipelinePastTheBound(_ n: Int) {
        let r = Self.run(Self.pipeline(stages: n))
        #expect(!r.ok)
        #expect(r.err.contains("error: pipeline is too long (more than 1000 stages in one statement)"), "stderr: \(r.err.prefix(300))")
        #expect(r.err.contains("^"))
    }

    @Test func nestedPipelinesShareTheBound() {
        // 4 × 300 stages inside one statement: over 1,000 in all.
        let inner = "(accounts" + String(repeating: " | take 5", count: 300) + " | count)"
        let r = Self.run("print " + Array(repeating: inner, count: 4).joined(separator: " + "))
        #expect(!r.ok)
        #expect(r.err.contains("pipeline is too long"), "stderr: \(r.err.prefix(300))")
        let ok = Self.run("print " + Array(repeating: inner, count: 3).joined(separator: " + "))
        #expect(ok.ok, "stderr: \(ok.err.prefix(300))")
        #expect(ok.out == "15\n")
    }

    @Test func longChainOfLets() {
        // Each `let` is its own statement (a table, not a plan to inline): 1,200 of
        // them, more than the stage bound, run one after another.
        var script = "let t0 = accounts | take 50\n"
        for i in 1...1_200 { script += "let t\(i) = t\(i - 1) | take 5\n" }
        script += "t1200 | count"
        let r = Self.run(script)
        #expect(r.ok, "stderr: \(r.err.prefix(300))")
        #expect(r.out.hasSuffix("5\n"))
    }

    // MARK: NaN

    /// 5,000 rows: 2,500 zeros, 1,250 NaN, 1,250 +inf and −inf in equal parts… shuffled
    /// by `seed`; median, min, max and the rest must not depend on the order.
    static func nanDataset(seed: UInt64) -> Dataset {
        var values: [Double] = []
        for i in 0..<5_000 {
            switch i % 4 {
            case 0, 1: values.append(0)
            case 2: values.append(.nan)
            default: values.append(i % 8 == 3 ? 1 : -1)
            }
        }
        var state = seed
        for i in stride(from: values.count - 1, to: 0, by: -1) {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            let j = Int((state >> 33) % UInt64(i + 1))
            values.swapAt(i, j)
        }
        return EngineFixture.dataset(columns: [
            ("handle", (0..<5_000).map { .string("u\($0)") }),
            ("x", values.map { .float($0) }),
            ("g", (0..<5_000).map { .int(Int64($0 % 3)) }),
        ])
    }

    @Test("NaN is null for aggregates: the answers do not depend on row order", arguments: [1, 2, 3, 4] as [UInt64])
    func nanAggregates(_ seed: UInt64) {
        let (s, out) = EngineFixture.session(Self.nanDataset(seed: seed))
        #expect(s.run("accounts | summarize median(x), min(x), max(x), count(x), avg(x), sum(x), quantile(x, 0.9), stddev(x) > 0"),
                "stderr: \(out.stderr)")
        #expect(out.stdout.split(separator: "\n").last == "0.0,-1.0,1.0,3750,0.0,0.0,1.0,true", "stdout: \(out.stdout)")
    }

    @Test("NaN sorts last like null, in sort and top", arguments: [1, 2] as [UInt64])
    func nanSorting(_ seed: UInt64) {
        let (s, out) = EngineFixture.session(Self.nanDataset(seed: seed))
        #expect(s.run("accounts | sort x desc | skip 3749 | take 2 | select x"), "stderr: \(out.stderr)")
        #expect(s.run("accounts | top 3751 by x | skip 3749 | select x"), "stderr: \(out.stderr)")
        #expect(s.run("accounts | sort x | take 1 | select x"))
        #expect(out.stdout == "x\n-1.0\nnan\nx\n-1.0\nnan\nx\n-1.0\n", "stdout: \(out.stdout)")
    }

    @Test("NaN groups together in distinct and summarize by, whatever the order", arguments: [1, 2] as [UInt64])
    func nanGroups(_ seed: UInt64) {
        let (s, out) = EngineFixture.session(Self.nanDataset(seed: seed))
        #expect(s.run("accounts | distinct x | sort x | count"))
        #expect(s.run("accounts | summarize n = count() by x | sort x | select n"))
        #expect(out.stdout == "4\nn\n625\n2500\n625\n1250\n", "stdout: \(out.stdout)")
    }

    // MARK: U+FFFD

    @Test func replacementCharacterIsValidText() {
        let r = Self.run("print \"a\u{FFFD}b\"")
        #expect(r.ok, "stderr: \(r.err)")
        #expect(r.out == "a\u{FFFD}b\n")
        let h = Self.run("accounts | where handle == \"\u{FFFD}\" | count")
        #expect(h.ok && h.out == "0\n", "stderr: \(h.err)")
    }

    @Test func bytesThatAreNotUTF8AreAnErrorWithACaret() {
        let (s, out) = EngineFixture.session()
        // `print "caf\u{E9}"` in Latin-1, then a valid U+FFFD in the same text.
        let bytes = Array("print 1\nprint \"caf".utf8) + [0xE9] + Array("\"\nprint \"\u{FFFD}\"\n".utf8)
        #expect(!s.run(utf8: bytes, file: "latin1.qq"))
        #expect(out.stderr.contains("latin1.qq:2:11: error: expected UTF-8 text"), "stderr: \(out.stderr)")
        #expect(out.stderr.contains("^"))
        #expect(out.stdout.isEmpty, "nothing of it runs")
        #expect(s.run(utf8: Array("print \"\u{FFFD}\"".utf8)))
        #expect(out.stdout == "\u{FFFD}\n")
        #expect(FileText.firstInvalidUTF8([0x61, 0xC0, 0x80]) == 1, "an overlong encoding is not UTF-8")
        #expect(FileText.firstInvalidUTF8([0x61, 0xED, 0xA0, 0x80]) == 1, "a surrogate is not UTF-8")
        #expect(FileText.firstInvalidUTF8([0x61, 0xEF, 0xBF, 0xBD]) == nil)
    }
}

/// Runs `body` on a new thread with an 8 MiB stack (the main thread's default on
/// Linux), and waits for it: the stack the test's recursion bounds are meant for.
func onMainSizedStack(_ body: @escaping @Sendable () -> Void) {
    final class Job { let body: @Sendable () -> Void; init(_ b: @escaping @Sendable () -> Void) { body = b } }
    var attr = pthread_attr_t()
    pthread_attr_init(&attr)
    pthread_attr_setstacksize(&attr, 8 << 20)
    var thread = pthread_t()
    let job = Unmanaged.passRetained(Job(body)).toOpaque()
    let rc = pthread_create(&thread, &attr, { arg in
        let job = Unmanaged<Job>.fromOpaque(arg!).takeRetainedValue()
        job.body()
        return nil
    }, job)
    pthread_attr_destroy(&attr)
    precondition(rc == 0, "pthread_create failed")
    pthread_join(thread, nil)
}

/// A fresh folder under /tmp, removed with its files when the value goes away.
final class TemporaryFolder {
    let path: String
    init() throws {
        var template = Array("/tmp/qq-hostile-XXXXXX".utf8CString)
        guard let p = mkdtemp(&template) else { throw Diagnostic(.io, "mkdtemp failed") }
        path = String(cString: p)
    }
    deinit {
        if let d = opendir(path) {
            while let e = readdir(d) {
                let name = withUnsafeBytes(of: e.pointee.d_name) { String(cString: $0.bindMemory(to: CChar.self).baseAddress!) }
                if name != "." && name != ".." { unlink(path + "/" + name) }
            }
            closedir(d)
        }
        rmdir(path)
    }
}
