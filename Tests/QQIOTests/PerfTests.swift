import Foundation
import Testing
@testable import QQData
@testable import QQIO

/// Timings and memory on a generated graph, printed, never asserted (the machine is
/// shared). Runs only with QQ_PERF=1, in release:
///
///     QQ_PERF=1 swift test -c release --filter QQIOTests.PerfTests
///
/// QQ_PERF_ACCOUNTS and QQ_PERF_FOLLOWS change the size (default 1M / 20M);
/// QQ_PERF_DIR keeps the generated files there and reuses them on the next run.
@Suite struct PerfTests {
    static let enabled = ProcessInfo.processInfo.environment["QQ_PERF"] == "1"

    static func env(_ name: String, _ fallback: Int) -> Int {
        ProcessInfo.processInfo.environment[name].flatMap { Int($0) } ?? fallback
    }

    /// Resident set size now, from /proc/self/statm.
    static func residentBytes() -> Int {
        guard let s = try? String(contentsOfFile: "/proc/self/statm", encoding: .utf8) else { return 0 }
        let parts = s.split(separator: " ")
        return (Int(parts[1]) ?? 0) * Int(sysconf(Int32(_SC_PAGESIZE)))
    }

    /// User + system CPU seconds of the process so far (all threads).
    static func cpuSeconds() -> Double {
        var ru = rusage()
        getrusage(RUSAGE_SELF.rawValue, &ru)
        return Double(ru.ru_utime.tv_sec + ru.ru_stime.tv_sec) + Double(ru.ru_utime.tv_usec + ru.ru_stime.tv_usec) / 1e6
    }

    /// Prints wall time and CPU time (the CPU time is what the work costs when the
    /// shared machine is busy; on an idle 2-core machine wall ≈ CPU / cores used).
    static func time<T>(_ label: String, _ body: () throws -> T) rethrows -> T {
        let t0 = DispatchTime.now().uptimeNanoseconds
        let c0 = cpuSeconds()
        let r = try body()
        let s = Double(DispatchTime.now().uptimeNanoseconds - t0) / 1e9
        print("qq-perf \(label): \(String(format: "%.3f", s)) s wall, \(String(format: "%.3f", cpuSeconds() - c0)) s CPU")
        return r
    }

    @Test(.enabled(if: enabled, "set QQ_PERF=1 to measure")) func loadSaveGenerate() throws {
        let n = PerfTests.env("QQ_PERF_ACCOUNTS", 1_000_000), m = PerfTests.env("QQ_PERF_FOLLOWS", 20_000_000)
        let keep = ProcessInfo.processInfo.environment["QQ_PERF_DIR"]
        let dir = keep ?? Fixture.tempDir("qqperf")
        defer { if keep == nil { AtomicReplace.removeTree(dir) } }
        if !AtomicFile.exists(dir + "/g.qqs") {
            try? FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
            let g = try PerfTests.time("generate \(n) accounts / \(m) follows") {
                try Generator.generate(accounts: n, follows: m, seed: 7, progress: NoProgress())
            }
            try PerfTests.time("save CSV folder") { try Saver.save(g, to: dir + "/csv", overwrite: false) }
            try PerfTests.time("save snapshot") { try Saver.save(g, to: dir + "/g.qqs", overwrite: false) }
        }
        let size = (try? FileManager.default.attributesOfItem(atPath: dir + "/csv/follows.csv")[.size] as? Int) ?? 0
        print("qq-perf follows.csv: \(size / 1_000_000) MB")
        let before = PerfTests.residentBytes()
        let csv = try PerfTests.time("load CSV folder") { try load(dir + "/csv").dataset }
        let after = PerfTests.residentBytes()
        print("qq-perf resident after CSV load: \((after - before) / 1_000_000) MB for \(csv.follows.edgeCount) follows = \(String(format: "%.1f", Double(after - before) / Double(max(csv.follows.edgeCount, 1)))) bytes per follow (both directions, accounts, handles)")
        let snap = try PerfTests.time("load snapshot") { try load(dir + "/g.qqs").dataset }
        #expect(snap.follows.out == csv.follows.out)
        var ru = rusage()
        getrusage(RUSAGE_SELF.rawValue, &ru)
        print("qq-perf peak resident (whole test): \(ru.ru_maxrss / 1000) MB")
    }
}
