import QQData
import Testing
@testable import QQOutput

/// Number text, display width, value text and export formats.
struct TextTests {
    @Test(arguments: [
        (Value.null, "null"), (.int(-42), "-42"), (.int(Int64.max), "9223372036854775807"),
        (.float(0.1), "0.1"), (.float(2), "2.0"), (.float(1e-7), "1e-07"), (.float(.nan), "nan"),
        (.float(-.infinity), "-inf"), (.bool(true), "true"), (.string("a b\tc"), "a b\tc"),
        (.date(CivilDate(year: 2024, month: 1, day: 31).daysSinceEpoch), "2024-01-31"),
    ])
    func valueTextIsExact(_ v: Value, _ text: String) {
        #expect(ValueText.plain(v) == text)
    }

    @Test func floatsRoundTripThroughCSV() {
        let values: [Double] = [0.1, 1.0 / 3, 6.02214076e23, -2.5e-300, 123456789.125, Double.ulpOfOne, 5e-324]
        let t = Table(names: ["x"], columns: [Column.floats(values)])
        let lines = TableRenderer.render(t, options: RenderOptions(format: .csv)).split(separator: "\n").dropFirst()
        #expect(lines.map { Double(String($0))! } == values)
    }

    @Test(arguments: [
        (0.0, 2, "0.00"), (1234.5678, 2, "1,234.57"), (-0.004, 2, "0.00"), (999.996, 2, "1,000.00"),
        (0.125, 2, "0.13"), (1e20, 0, "100,000,000,000,000,000,000"), (0.000123, 6, "0.000123"),
    ])
    func fixedDecimals(_ v: Double, _ decimals: Int, _ text: String) {
        #expect(DecimalDigits(v).fixed(decimals: decimals, grouped: true) == text)
    }

    @Test(arguments: [
        (0.0, "0"), (7, "7"), (2.5, "2.5"), (999, "999"), (1000, "1k"), (1500, "1.5k"), (12_345, "12.3k"),
        (999_999, "1M"), (2_000_000_000, "2B"), (0.001, "0.001"), (0.00025, "2.5e-4"), (1e-7, "1e-7"),
        (-40_000, "-40k"), (3e12, "3e+12"),
    ])
    func compactNumbers(_ v: Double, _ text: String) {
        #expect(NumberText.compact(v) == text)
    }

    @Test func groupedIntegers() {
        #expect(NumberText.grouped(0) == "0")
        #expect(NumberText.grouped(-1_234_567) == "-1,234,567")
        #expect(NumberText.grouped(Int64.min) == "-9,223,372,036,854,775,808")
    }

    @Test func displayWidthCountsColumns() {
        #expect(DisplayWidth.of("abc") == 3)
        #expect(DisplayWidth.of("山田") == 4)
        #expect(DisplayWidth.of("🙂") == 2)
        #expect(DisplayWidth.of("e\u{301}") == 1)
        #expect(DisplayWidth.of("🇫🇷") == 2)
        #expect(DisplayWidth.of("ｱ") == 1)
        #expect(DisplayWidth.truncate("山田太郎", to: 5) == "山田…")
        #expect(DisplayWidth.truncate("abcdef", to: 6) == "abcdef")
        #expect(DisplayWidth.truncate("abcdefg", to: 6) == "abcde…")
        #expect(DisplayWidth.visible("a\nb\u{1B}[31m") == "a\\nb\\u{1b}[31m")
    }

    @Test func escapesNeverReachTheTerminal() {
        let t = Table(names: ["x\u{7}"], columns: [Column.from([.string("red\u{1B}[31m"), .string("bell\u{7}")])])
        let text = TableRenderer.render(t, options: RenderOptions())
        #expect(!text.contains("\u{1B}") && !text.contains("\u{7}"))
    }

    @Test func veryLongTextIsCutToTheWidth() {
        let long = String(repeating: "influence ", count: 10_000)
        let t = Table(names: ["handle", "bio"], columns: [Column.from([.string("a")]), Column.from([.string(long)])])
        let text = TableRenderer.render(t, options: RenderOptions(width: 60))
        #expect(text.split(separator: "\n").allSatisfy { DisplayWidth.of(String($0)) <= 60 })
        #expect(text.contains("…"))
        #expect(TableRenderer.render(t, options: RenderOptions(format: .csv)).contains(long))
    }

    @Test(arguments: [
        ("out.csv", OutputFormat.csv), ("a/b.TSV", .tsv), ("x.json", .json), ("x.jsonl", .jsonl),
        ("x.ndjson", .jsonl), ("notes.md", .markdown), ("dir.v2/report.markdown", .markdown),
    ])
    func exportFormatByExtension(_ path: String, _ format: OutputFormat) {
        #expect(ExportFormat.forPath(path) == format)
    }

    @Test func unknownExtensionsHaveNoFormat() {
        for path in ["out.txt", "csv", ".csv", "dir.csv/file", "x.csv.gz", ""] { #expect(ExportFormat.forPath(path) == nil) }
    }

    @Test func streamingWriteMatchesRender() throws {
        let t = Fixtures.many(6_000)
        for format in OutputFormat.allCases {
            let options = RenderOptions(format: format, width: 80, maxRows: 40)
            var chunks: [[UInt8]] = []
            try TableRenderer.write(t, options: options) { chunks.append($0) }
            #expect(Array(chunks.joined()) == Array(TableRenderer.render(t, options: options).utf8))
            if format != .table && format != .markdown { #expect(chunks.count > 1) }
        }
    }
}

/// The progress line the shell redraws on stderr.
struct ProgressTextTests {
    @Test func knownTotalShowsBarPercentRateAndETA() {
        let line = ProgressText.line(label: "loading follows.csv", done: 1_200_000, total: 2_300_000, elapsed: 3, width: 80)
        #expect(line == "loading follows.csv  ████████████▌              52%  1.2M/2.3M  400k/s  ETA 2.8s")
        #expect(DisplayWidth.of(line) <= 80)
    }

    @Test func unknownTotalShowsCountRateAndElapsed() {
        let line = ProgressText.line(label: "computing pagerank", done: 412_000, total: nil, elapsed: 2, width: 80)
        #expect(line == "computing pagerank  412k  206k/s  2s")
    }

    @Test func startsWithoutARate() {
        let line = ProgressText.line(label: "load", done: 0, total: 100, elapsed: 0, width: 60)
        #expect(line.hasPrefix("load  ") && line.hasSuffix("0%  0/100  0s"))
    }

    @Test(arguments: [10, 20, 30, 40, 50, 80, 120])
    func neverWiderThanAsked(_ width: Int) {
        for total in [nil, 5_000_000] as [Int?] {
            let line = ProgressText.line(label: "loading a file with a very long name indeed.csv.gz", done: 1_234_567,
                                         total: total, elapsed: 75, width: width)
            #expect(DisplayWidth.of(line) <= width, "\(line)")
            #expect(!line.contains("\n") && !line.contains("\r"))
        }
    }

    @Test func durations() {
        #expect(ProgressText.duration(0.44) == "0.4s")
        #expect(ProgressText.duration(12.4) == "12s")
        #expect(ProgressText.duration(185) == "3m05s")
        #expect(ProgressText.duration(3725) == "1h02m")
    }
}
