#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Testing

/// The big generated graph the cancellation tests run on, built once per test
/// process (generating and saving it dominates the suite's time).
///
/// Its size comes from `QQ_RELIABILITY_SCALE` (`ACCOUNTS/FOLLOWS`, qq number syntax,
/// e.g. `1M/4M`). The default is the issue's full size, 1M accounts and 20M follows
/// (generating and saving it takes about a minute in a debug build on this 2-core
/// machine); `QQ_RELIABILITY_SCALE=1M/4M` is quicker for local runs.
///
/// It is saved twice in one folder: `graph.qqs` (a snapshot, quick to load, which
/// each test starts qq on) and `csv/` (the CSV folder a cancelled `load` reads).
/// Answers a fresh qq gives on it are recorded, so a test can check that a
/// cancelled statement left nothing half-done behind.
final class BigGraph: Sendable {
    let folder: String
    let scale: String
    let accounts: Int
    /// `accounts | top 5 by pagerank | select handle, pagerank` in csv, from a fresh
    /// process, after `Reliability.tightTolerance`.
    let topPageRank: String

    var snapshot: String { folder + "/graph.qqs" }
    var csvFolder: String { folder + "/csv" }
    var environment: [String] { TempDir(existing: folder).environment }

    /// Built on first use; nil (with an issue recorded) when building failed.
    static let shared: BigGraph? = {
        do { return try BigGraph() } catch {
            Issue.record("cannot build the big graph: \(error)")
            return nil
        }
    }()

    private init() throws {
        let env = ProcessRunner.environmentValue("QQ_RELIABILITY_SCALE") ?? "1M/20M"
        let parts = env.split(separator: "/")
        guard parts.count == 2 else { throw ProcessRunner.SpawnError(description: "QQ_RELIABILITY_SCALE must be ACCOUNTS/FOLLOWS") }
        scale = env
        folder = TempDirPath.make(prefix: "qqbig")
        let dir = TempDir(existing: folder)
        let started = Stopwatch()
        let made = try qq(["-c", "generate accounts \(parts[0]) follows \(parts[1]) seed 7",
                           "-c", "save \"graph.qqs\"", "-c", "save \"csv\"", "-c", "accounts | count"],
                          in: dir, directory: folder)
        guard made.status == 0, let n = Int(made.stdout.filter { $0 != "\n" }) else {
            throw ProcessRunner.SpawnError(description: "generating failed: \(made.stderr)")
        }
        accounts = n
        let built = started.seconds
        let pr = try qq(["--format", "csv", folder + "/graph.qqs", "-c", Reliability.tightTolerance,
                         "-c", "accounts | top 5 by pagerank | select handle, pagerank"],
                        in: dir, directory: folder)
        guard pr.status == 0 else { throw ProcessRunner.SpawnError(description: "pagerank failed: \(pr.stderr)") }
        topPageRank = pr.stdout
        Reliability.log("big graph \(env): generated and saved in \(Stopwatch.format(built)), "
                        + "fresh pagerank in \(Stopwatch.format(started.seconds - built))")
    }
}

/// Helpers for the reliability tests.
enum Reliability {
    /// PageRank until the L1 change is below 1e-6 on a million accounts (about 15
    /// iterations): long enough to be cancelled on any machine, unlike NetworkX's default
    /// rule (N·1e-6), which a large graph meets after an iteration or two.
    static let tightTolerance = "set tolerance = 1e-12"

    /// Prints a measurement so it shows in the test log (`swift test` output).
    static func log(_ line: String) {
        print("reliability: " + line)
    }

    /// Runs `statement` in the REPL on `term`, presses Ctrl-C `after` seconds later,
    /// and returns the seconds from the key press until `cancelled` shows (nil when it
    /// never does, with an issue recorded). Records an issue when the statement had
    /// already finished before the key press (the measurement would mean nothing)
    /// or when the prompt does not come back.
    static func cancel(_ statement: String, on term: PseudoTerminal, after delay: Double,
                       sourceLocation: SourceLocation = #_sourceLocation) -> Double? {
        term.type(statement + PseudoTerminal.enter)
        if term.sees("qq> ", within: delay) {
            Issue.record("'\(statement)' finished within \(delay) s, before Ctrl-C", sourceLocation: sourceLocation)
            return nil
        }
        let clock = Stopwatch()
        term.type(PseudoTerminal.ctrlC)
        guard term.sees("cancelled", within: 60) else {
            Issue.record("no 'cancelled' within 60 s of Ctrl-C during '\(statement)'", sourceLocation: sourceLocation)
            return nil
        }
        let latency = clock.seconds
        term.expect("qq> ", timeout: 30, sourceLocation: sourceLocation)
        log("Ctrl-C during '\(statement)': cancelled after \(Stopwatch.format(latency))")
        return latency
    }

    /// Runs `statement` to completion in the REPL on `term` and returns what it
    /// printed up to the next prompt.
    static func answer(_ statement: String, on term: PseudoTerminal, timeout: Double = 600,
                       sourceLocation: SourceLocation = #_sourceLocation) -> String {
        let before = term.transcript.utf8.count
        term.type(statement + PseudoTerminal.enter)
        guard term.expect("qq> ", timeout: timeout, sourceLocation: sourceLocation) else { return "" }
        let text = String(term.transcript.utf8.dropFirst(before)) ?? ""
        return text.replacing("qq> ", with: "")
    }

    /// The bound on how long Ctrl-C may take to return to the prompt: the target is
    /// about 200 ms; this leaves room for a debug build on a loaded 2-core machine.
    static let latencyBound = 2.0

    /// Names in `folder` (not recursive), sorted, without `.` and `..`.
    static func listing(_ folder: String) -> [String] {
        guard let d = opendir(folder) else { return [] }
        defer { closedir(d) }
        var names: [String] = []
        while let e = readdir(d) {
            let name = withUnsafeBytes(of: e.pointee.d_name) { raw in
                String(decoding: raw.prefix(while: { $0 != 0 }), as: UTF8.self)
            }
            if name != "." && name != ".." { names.append(name) }
        }
        return names.sorted()
    }

    /// Names in `folder` that look like a temporary file left by an atomic write.
    static func leftovers(_ folder: String) -> [String] {
        listing(folder).filter { $0.contains(".tmp") || $0.hasPrefix(".") }
    }
}

/// Wall-clock time on the monotonic clock.
struct Stopwatch {
    private let start = Stopwatch.now()

    var seconds: Double { Stopwatch.now() - start }

    static func now() -> Double {
        var ts = timespec()
        clock_gettime(CLOCK_MONOTONIC, &ts)
        return Double(ts.tv_sec) + Double(ts.tv_nsec) / 1e9
    }

    static func format(_ s: Double) -> String {
        s < 10 ? "\(Int((s * 1000).rounded())) ms" : "\(Int(s.rounded())) s"
    }
}

extension TempDir {
    /// A `TempDir` value for a folder that already exists (not removed by tests).
    init(existing path: String) { self.path = path }
}

extension ProcessRunner {
    /// The test runner's own environment variable `name`, if set.
    static func environmentValue(_ name: String) -> String? {
        guard let p = getenv(name) else { return nil }
        return String(cString: p)
    }
}

/// Runs the built qq in `dir`'s environment with `directory` as its working folder
/// (through `/bin/sh -c 'cd … && exec qq …'`, so relative paths land there).
func qq(_ arguments: [String], stdin: String? = nil, in dir: TempDir, directory: String) throws -> ProcessRunner.Result {
    guard let binary = QQBinary.require() else {
        throw ProcessRunner.SpawnError(description: "qq is not built")
    }
    let script = "cd \"$0\" && exec \"$@\""
    return try ProcessRunner.run("/bin/sh", ["-c", script, directory, binary] + arguments,
                                 stdin: stdin, environment: dir.environment)
}
