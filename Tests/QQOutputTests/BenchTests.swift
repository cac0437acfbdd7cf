import Foundation
import QQData
import Testing
@testable import QQOutput

/// Timings, run only with `QQ_BENCH=1`, in release:
/// `QQ_BENCH=1 swift test -c release -Xswiftc -enable-testing --filter BenchTests`.
/// CPU seconds are printed beside wall seconds because the machine is shared.
struct BenchTests {
    static var enabled: Bool { ProcessInfo.processInfo.environment["QQ_BENCH"] == "1" }

    static func table(_ n: Int) -> Table {
        var rng = ChartFixtures.Random(state: 1)
        var handles = StringStore()
        for i in 0..<n { handles.append("user\(i)") }
        return Table(names: ["handle", "followers", "pagerank", "verified", "created"], columns: [
            Column(.string(handles)),
            Column.ints((0..<n).map { _ in Int64(rng.next() % 1_000_000) }),
            Column.floats((0..<n).map { _ in rng.unit() / 1000 }),
            Column(.bool((0..<n).map { _ in rng.next() % 2 == 0 })),
            Column(.date((0..<n).map { _ in Int32(rng.next() % 20_000) })),
        ])
    }

    @Test(.enabled(if: BenchTests.enabled)) func exportMillionRows() throws {
        let t = Self.table(1_000_000)
        for format in OutputFormat.allCases {
            let start = Date(), cpu = clock()
            var bytes = 0
            try TableRenderer.write(t, options: RenderOptions(format: format)) { bytes += $0.count }
            let wall = Date().timeIntervalSince(start), used = Double(clock() - cpu) / Double(CLOCKS_PER_SEC)
            print("bench export 1M rows × 5 columns \(format): \(String(format: "%.2f", wall)) s wall, "
                  + "\(String(format: "%.2f", used)) s cpu, \(bytes / 1_000_000) MB")
        }
        let (f, p) = ChartFixtures.accounts(1_000_000)
        for (name, chart) in [("hist log", Chart.histogram(f, label: "f", log: true)),
                              ("scatter log", Chart.scatter(x: f, y: p, xLabel: "f", yLabel: "p", log: true))] {
            let start = Date()
            _ = try ChartRenderer.terminal(chart, width: 100, height: 30, color: false)
            let mid = Date()
            _ = try ChartRenderer.svg(chart)
            print("bench 1M-value \(name): terminal \(String(format: "%.2f", mid.timeIntervalSince(start))) s, svg \(String(format: "%.2f", Date().timeIntervalSince(mid))) s")
        }
    }
}
