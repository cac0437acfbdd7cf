#if Spark
import Foundation
import QQData
import QQIO
@testable import QQSession
import QQSpark
import Testing

// The same `.qq` script through the whole program, once on the local engine and once
// with `--engine sc://…` against a live Spark Connect server (SPEC §12): the printed
// output is the same, line for line, floats within 1e-6. Skipped without QQ_SPARK_URL
// (scripts/test-spark sets it around a fresh server).

/// Collects what a session writes.
final class SparkCapturedOutput: SessionOutput {
    var stdout = ""
    var stderr = ""
    func out(_ text: String) { stdout += text }
    func err(_ text: String) { stderr += text }
}

/// A generated graph saved as a CSV folder, with the script that reads it beside it.
enum SparkScriptFixture {
    static let prepared: Result<String, Error> = Result {
        let d = NSTemporaryDirectory() + "qq-spark-session-\(getpid())"
        try FileManager.default.createDirectory(atPath: d, withIntermediateDirectories: true)
        let generated = try Generator.generate(accounts: 300, follows: 2400, seed: 11, progress: NoProgress())
        try Saver.save(generated, to: d + "/data", overwrite: true)
        try script.write(toFile: d + "/pipelines.qq", atomically: true, encoding: .utf8)
        return d
    }

    /// The folder holding `data/` and `pipelines.qq`.
    static func folder() throws -> String { try prepared.get() }

    /// Every construct the Spark engine runs, printed in full (csv: every digit).
    static let script = """
        load "data"
        accounts | where posts > 50 and verified | select handle, posts, lang
        accounts | select handle, posts, lang | extend twice = posts * 2, per = posts / (posts % 5)
        accounts | sort lang, posts desc | take 25
        accounts | top 15 by posts
        accounts | top 7 by lang asc | select handle, lang
        accounts | summarize n = count(), p = avg(posts), top = max(posts) by lang
        accounts | distinct lang, verified
        accounts | where posts > 10 | count
        print (follows | count)
        let n = accounts | count
        assert n == 300, "three hundred accounts"
        accounts | select handle, followers, following, ratio, mutuals, reciprocity
        follows | where src.followers > dst.followers | select src, dst, src.mutuals | take 40
        accounts | summarize avg(followers), max(mutuals) by verified
        accounts | top 10 by pagerank | select handle, pagerank
        accounts | select handle, pagerank, followers

        """

    static var qq: String {
        let here = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().path
        return here + "/qq"
    }

    /// Runs the built qq with `arguments`; returns status, stdout and stderr.
    static func run(_ arguments: [String]) throws -> (Int32, String, String) {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: qq)
        p.arguments = arguments
        p.currentDirectoryURL = URL(fileURLWithPath: try folder())
        p.environment = ["PATH": "/usr/bin:/bin", "LANG": "C.UTF-8", "NO_COLOR": "1", "HOME": try folder()]
        let out = Pipe(), err = Pipe()
        p.standardOutput = out
        p.standardError = err
        p.standardInput = FileHandle.nullDevice
        try p.run()
        // Read both before waiting: a full pipe would block qq.
        let o = out.fileHandleForReading.readDataToEndOfFile()
        let e = err.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        return (p.terminationStatus, String(decoding: o, as: UTF8.self), String(decoding: e, as: UTF8.self))
    }
}

/// Output lines agree: equal, or cells that are both numbers within `tolerance`.
func sameOutput(_ a: String, _ b: String, tolerance: Double) -> [String] {
    let x = a.split(separator: "\n", omittingEmptySubsequences: false)
    let y = b.split(separator: "\n", omittingEmptySubsequences: false)
    var problems: [String] = []
    if x.count != y.count { problems.append("\(x.count) lines locally, \(y.count) on Spark") }
    for (i, (l, s)) in zip(x, y).enumerated() where l != s && problems.count < 5 {
        let lc = l.split(separator: ",", omittingEmptySubsequences: false)
        let sc = s.split(separator: ",", omittingEmptySubsequences: false)
        let ok = lc.count == sc.count && zip(lc, sc).allSatisfy { p, q in
            if p == q { return true }
            guard let u = Double(p), let v = Double(q) else { return false }
            return abs(u - v) <= tolerance
        }
        if !ok { problems.append("line \(i + 1): local '\(l)', Spark '\(s)'") }
    }
    return problems
}

@Suite(.serialized, .enabled(if: sparkURL != nil, "set QQ_SPARK_URL=sc://HOST:PORT to run the Spark engine's tests (scripts/test-spark does)"))
struct SparkSessionTests {
    @Test func theScriptPrintsTheSameOnBothEngines() throws {
        let dir = try SparkScriptFixture.folder()
        let (ls, local, lerr) = try SparkScriptFixture.run(["--format", "csv", dir + "/pipelines.qq"])
        #expect(ls == 0, "local: \(lerr)")
        let (ss, spark, serr) = try SparkScriptFixture.run(["--engine", sparkURL!, "--format", "csv", dir + "/pipelines.qq"])
        #expect(ss == 0, "Spark: \(serr)")
        #expect(local.split(separator: "\n").count > 1000, "the script printed too little: \(local.prefix(200))")
        let problems = sameOutput(local, spark, tolerance: 1e-6)
        #expect(problems.isEmpty, "\(problems.joined(separator: "\n"))")
    }

    /// A session on the Spark engine, connected as the executable connects it.
    func sparkSession() -> (Session, SparkCapturedOutput) {
        var o = SessionOptions()
        o.format = .csv
        o.fitsTerminal = false
        o.connectEngine = { (address: String) throws(Diagnostic) in try SparkEngine(address: address) }
        let out = SparkCapturedOutput()
        let s = Session(options: o, output: out)
        #expect(s.run("set engine = \"\(sparkURL!)\""), "\(out.stderr)")
        return (s, out)
    }

    @Test func noDatasetUntilALoad() throws {
        let dir = try SparkScriptFixture.folder()
        let (s, out) = sparkSession()
        #expect(!s.run("accounts | count"))
        #expect(out.stderr.contains("no dataset on the Spark engine yet"), "\(out.stderr)")
        #expect(s.run("load \"\(dir)/data\"\naccounts | count"), "\(out.stderr)")
        #expect(out.stdout.hasSuffix("300\n"), "\(out.stdout)")
        // Back to the local engine: the dataset the session had before (none here).
        #expect(s.run("set engine = \"local\"\naccounts | count"), "\(out.stderr)")
        #expect(out.stdout.hasSuffix("0\n"), "\(out.stdout)")
    }

    /// One session, one load: each construct fails on its own and the session goes on.
    @Test func unsupportedConstructsNameThemselves() throws {
        let dir = try SparkScriptFixture.folder()
        let (s, out) = sparkSession()
        #expect(s.run("load \"\(dir)/data\""), "\(out.stderr)")
        for (text, construct) in [
            ("accounts | sample 5 seed 1", "'sample'"),
            ("accounts | select handle, clustering", "clustering"),
            ("accounts | top 2 by posts per lang", "'top … per'"),
            ("compare @a1, @a2", "'compare'"),
            ("let t = accounts | take 3", "'let' of a table"),
            ("generate accounts 10 follows 20", "'generate'"),
            ("save \"/tmp/qq-never-written\"", "'save'"),
            ("load sample", "this form of 'load'"),
            ("interactions", "'interactions'"),
        ] {
            out.stderr = ""
            #expect(!s.run(text), "\(text) ran")
            #expect(out.stderr.contains("is not available on the Spark engine") && out.stderr.contains(construct),
                    "\(text): \(out.stderr)")
        }
        out.stdout = ""
        #expect(s.run("accounts | count"), "\(out.stderr)")
        #expect(out.stdout == "300\n")
    }

    @Test func aMissingFolderIsTheClustersError() {
        let (s, out) = sparkSession()
        #expect(!s.run("load \"/nonexistent/qq-spark\""))
        #expect(out.stderr.contains("no accounts.csv or accounts.parquet the cluster can read"), "\(out.stderr)")
    }
}
#endif
