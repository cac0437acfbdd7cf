import Foundation
import QQData
import Testing
@testable import QQOutput
#if canImport(FoundationXML)
import FoundationXML
#endif

/// Golden tests for every chart kind, terminal (72×20, no colour) and SVG.
struct ChartGoldenTests {
    @Test(arguments: ChartFixtures.charts.map(\.0))
    func terminalAndSVG(_ name: String) throws {
        let chart = ChartFixtures.charts.first { $0.0 == name }!.1
        let text = try ChartRenderer.terminal(chart, width: 72, height: 20, color: false)
        Golden.check(text, "\(name).chart.txt")
        for line in text.split(separator: "\n") {
            #expect(DisplayWidth.of(String(line)) <= 72, "line too wide: \(line)")
        }
        let svg = try ChartRenderer.svg(chart)
        Golden.check(svg, "\(name).svg")
        #expect(SVGCheck.parses(svg))
    }

    @Test func colourWrapsTheMarksOnly() throws {
        let chart = ChartFixtures.charts.first { $0.0 == "hist-integers" }!.1
        let text = try ChartRenderer.terminal(chart, width: 40, height: 12, color: true)
        Golden.check(text, "hist-integers-color.chart.txt")
        #expect(text.contains(TerminalFrame.markColor))
        let plain = text.replacingOccurrences(of: TerminalFrame.markColor, with: "")
            .replacingOccurrences(of: TerminalFrame.reset, with: "")
        #expect(plain == (try ChartRenderer.terminal(chart, width: 40, height: 12, color: false)))
    }

    /// Writes every SVG kind to `$QQ_SVG_OUT` (for scripts/render-svg); does nothing otherwise.
    @Test func dumpSVGsWhenAsked() throws {
        guard let dir = ProcessInfo.processInfo.environment["QQ_SVG_OUT"] else { return }
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        for (name, chart) in ChartFixtures.charts {
            try ChartRenderer.svg(chart).write(toFile: dir + "/" + name + ".svg", atomically: true, encoding: .utf8)
        }
    }
}

/// What charts must not do: drop values silently, draw nothing, or draw past the width.
struct ChartBehaviourTests {
    func message(_ c: Chart) -> String? {
        do { _ = try ChartRenderer.terminal(c, width: 60, height: 16, color: false); return nil } catch {
            return error.message
        }
    }

    @Test func nothingToPlotIsAnErrorThatSaysWhy() {
        #expect(message(Chart.histogram([], label: "x")) == "nothing to plot: no rows")
        #expect(message(Chart.histogram([], label: "x", nullCount: 4)) == "nothing to plot: all 4 rows are null")
        #expect(message(Chart.histogram([0, -1, 0], label: "x", log: true))?.hasPrefix("nothing to plot on a log scale") == true)
        #expect(message(Chart.histogram([.nan, .infinity], label: "x")) == "nothing to plot: no finite values")
        #expect(message(Chart.histogram([1, 2], label: "x", bins: -1))?.hasPrefix("bins must be") == true)
        #expect(message(Chart.scatter(x: [1], y: [1, 2], xLabel: "a", yLabel: "b")) != nil)
        #expect(throws: Diagnostic.self) { try ChartRenderer.terminal(Chart.histogram([1], label: "x"), width: 10, height: 5, color: false) }
        #expect(throws: Diagnostic.self) { try ChartRenderer.svg(Chart.bar(labels: [], values: [], labelName: "a", valueName: "b")) }
    }

    @Test func valuesOffTheLogScaleAreCountedInANote() throws {
        let text = try ChartRenderer.terminal(Chart.histogram([0, 0, -2, 1, 10, 100], label: "f", log: true),
                                              width: 80, height: 16, color: false)
        #expect(text.contains("note: 2 zeros and 1 negative value not shown on the log scale"))
        let svg = try ChartRenderer.svg(Chart.scatter(x: [0, 1, 2], y: [1, 2, 3], xLabel: "a", yLabel: "b", log: true))
        #expect(svg.contains("1 point with x or y ≤ 0 not shown on the log scale"))
    }

    @Test func histogramCountsEveryValueOnce() {
        let (followers, _) = ChartFixtures.sample
        for log in [false, true] {
            for bins in [0, 1, 7, 40] {
                let values = followers.filter { !log || $0 > 0 }
                let h = Histogram.make(values, bins: bins, log: log)
                #expect(h.counts.reduce(0, +) == values.count)
                #expect(h.edges.count == h.counts.count + 1)
                #expect(zip(h.edges, h.edges.dropFirst()).allSatisfy { $0 < $1 })
            }
        }
    }

    @Test func axesNameTheirScale() throws {
        let (f, p) = ChartFixtures.sample
        let text = try ChartRenderer.terminal(Chart.scatter(x: f, y: p, xLabel: "followers", yLabel: "pagerank", log: true),
                                              width: 80, height: 24, color: false)
        #expect(text.contains("followers (log scale)"))
        #expect(text.contains("pagerank (log scale)"))
        #expect(text.contains("1k") && text.contains("100k"))
    }

    @Test(arguments: [30, 45, 80, 120])
    func chartsFitTheWidth(_ width: Int) throws {
        for (_, chart) in ChartFixtures.charts {
            let text = try ChartRenderer.terminal(chart, width: width, height: 14, color: false)
            for line in text.split(separator: "\n") { #expect(DisplayWidth.of(String(line)) <= width, "\(line)") }
        }
    }

    @Test func svgEscapesText() throws {
        let c = Chart.bar(labels: ["<b>&\"x'", "ok\u{1}"], values: [1, 2], labelName: "a<b", valueName: "v&w")
        let svg = try ChartRenderer.svg(c)
        #expect(svg.contains("&lt;b&gt;&amp;&quot;x&apos;"))
        #expect(!svg.contains("\u{1}"))
        #expect(SVGCheck.parses(svg))
    }

    @Test func manyPointsAreThinnedWithANote() throws {
        let n = 45_000
        let xs = (0..<n).map { Double($0 % 997) + 1 }, ys = (0..<n).map { Double($0 % 613) + 1 }
        let svg = try ChartRenderer.svg(Chart.scatter(x: xs, y: ys, xLabel: "a", yLabel: "b", log: true))
        #expect(svg.contains("15,000 of 45,000 points drawn (1 in 3)"))
        #expect(svg.components(separatedBy: "<circle").count - 1 == 15_000)
    }
}

/// XML well-formedness via Foundation's parser (libxml2 underneath).
enum SVGCheck {
    static func parses(_ svg: String) -> Bool {
        let parser = XMLParser(data: Data(svg.utf8))
        return parser.parse()
    }
}
