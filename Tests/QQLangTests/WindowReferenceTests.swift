import Foundation
import Testing
import QQData
@testable import QQSession
@testable import QQEngine

/// Metrics on a time window against NetworkX on the same filtered edges
/// (`scripts/window-reference` writes the fixture and the expected values).
@Suite struct WindowReferenceTests {
    static let folder: String = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("Fixtures/timed").path

    @Test func windowMetricsMatchNetworkX() throws {
        let text = try String(contentsOfFile: WindowReferenceTests.folder + "-expected.csv", encoding: .utf8)
        let lines = text.split(separator: "\n").filter { !$0.hasPrefix("#") }
        #expect(lines.first == "handle,followers,pagerank,received,max_gain_30d")
        let expected = lines.dropFirst().map { $0.split(separator: ",").map(String.init) }
        #expect(expected.count == 60)

        let (session, out) = EngineFixture.session(Dataset.empty(), format: "csv")
        let script = """
            load "\(WindowReferenceTests.folder)"
            set tolerance = 1e-12
            set max_iterations = 10000
            set since = "2021-01-01T00:00:00Z"
            set until = "2022-06-30T23:59:59Z"
            accounts | select handle, followers, pagerank, received(repost), max_gain(days(30))
            """
        #expect(session.run(script, file: "window-reference"), "stderr: \(out.stderr)")
        let rows = out.stdout.split(separator: "\n").dropFirst().map { $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init) }
        #expect(rows.count == expected.count)
        for (got, want) in zip(rows, expected) {
            #expect(got[0] == want[0])
            #expect(got[1] == want[1], "followers of \(want[0])")
            #expect(abs(Double(got[2])! - Double(want[2])!) < 1e-9, "pagerank of \(want[0]): \(got[2]) vs \(want[2])")
            #expect(abs(Double(got[3])! - Double(want[3])!) < 1e-9, "received(repost) of \(want[0])")
            #expect(got[4] == want[4], "max_gain(days(30)) of \(want[0])")
        }
        // The burst planted on u07 (follows within one day) makes it the top gainer.
        let gains = rows.map { Int($0[4]) ?? 0 }
        #expect(rows[gains.firstIndex(of: gains.max()!)!][0] == "u07")
    }
}
