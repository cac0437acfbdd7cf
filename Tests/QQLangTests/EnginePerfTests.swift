import Foundation
import Testing
import QQData
import QQSession

/// The engine's performance target (issue 4): a filter + top-10 + select over 1M
/// accounts with cached metrics in under 50 ms. Gated by `QQ_PERF=1` (it generates a
/// 1M-account, 20M-follow graph); run in release:
/// `QQ_PERF=1 swift test -c release -Xswiftc -enable-testing --filter EnginePerf`.
@Suite struct EnginePerfTests {
    final class Sink: SessionOutput {
        var out = "", err = ""
        func out(_ text: String) { out += text }
        func err(_ text: String) { err += text }
    }

    @Test(.enabled(if: ProcessInfo.processInfo.environment["QQ_PERF"] == "1"))
    func filterTopSelectOnOneMillionAccounts() throws {
        let sink = Sink()
        var options = SessionOptions()
        options.format = .csv
        let s = Session(options: options, output: sink)
        let env = ProcessInfo.processInfo.environment
        let follows = env["QQ_PERF_FOLLOWS"] ?? "20M"
        var t0 = Date()
        #expect(s.run("generate accounts 1M follows \(follows) seed 7"))
        print("generate: \(Int(Date().timeIntervalSince(t0) * 1000)) ms")
        t0 = Date()
        #expect(s.run("accounts | where followers > 10 | top 10 by pagerank | count"))
        print("metrics (followers, pagerank): \(Int(Date().timeIntervalSince(t0) * 1000)) ms")
        let query = "accounts | where followers > 10 | top 10 by pagerank | select handle, followers, pagerank"
        var best = Double.infinity
        for _ in 0..<7 {
            sink.out = ""
            let t = Date()
            #expect(s.run(query))
            best = min(best, Date().timeIntervalSince(t) * 1000)
        }
        print(sink.out)
        print("filter + top-10 + select, cached metrics, 1M accounts: best of 7 = \(String(format: "%.2f", best)) ms")
        #expect(best < 50)
    }
}
