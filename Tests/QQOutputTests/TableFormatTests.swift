import QQData
import Testing
@testable import QQOutput

/// Golden tests for every output format at a pinned width (80 columns, no colour).
struct TableFormatTests {
    static let fixtures: [(String, Table)] = [
        ("accounts", Fixtures.accounts), ("numbers", Fixtures.numbers), ("empty", Fixtures.empty),
        ("one-cell", Fixtures.oneCell), ("wide", Fixtures.wide), ("nulls", Fixtures.nulls),
    ]

    static let extensions: [OutputFormat: String] = [
        .table: "table.txt", .csv: "csv", .tsv: "tsv", .json: "json", .jsonl: "jsonl", .markdown: "md", .line: "line.txt",
    ]

    @Test(arguments: OutputFormat.allCases)
    func everyFixtureInEveryFormat(_ format: OutputFormat) {
        for (name, table) in Self.fixtures {
            let text = TableRenderer.render(table, options: RenderOptions(format: format, width: 80, maxRows: 40))
            Golden.check(text, "\(name).\(Self.extensions[format]!)")
            #expect(TableRenderer.renderUTF8(table, options: RenderOptions(format: format, width: 80)) == Array(text.utf8))
        }
    }
}

/// The box table's fitting, footers and colour.
struct BoxTableTests {
    @Test func roomyWidthShowsEveryColumnInFull() {
        let text = TableRenderer.render(Fixtures.accounts, options: RenderOptions(width: 160))
        Golden.check(text, "accounts-w160.table.txt")
        #expect(!text.contains("more column"))
    }

    @Test func colourMarksHeaderAndDimsNulls() {
        let text = TableRenderer.render(Fixtures.nulls, options: RenderOptions(width: 80, color: true))
        Golden.check(text, "nulls-color.table.txt")
        #expect(text.contains("\u{1B}[2mnull\u{1B}[0m"))
    }

    @Test func footerCountsTheRowsNotShown() {
        let text = TableRenderer.render(Fixtures.many(100), options: RenderOptions(width: 80, maxRows: 5))
        Golden.check(text, "many-rows5.table.txt")
        #expect(text.hasSuffix("… 95 more rows\n"))
        let all = TableRenderer.render(Fixtures.many(100), options: RenderOptions(width: 80, maxRows: 0))
        #expect(!all.contains("more rows"))
        #expect(all.components(separatedBy: "\n").count == 100 + 5)
    }

    @Test(arguments: [20, 30, 40, 60, 80, 100, 200])
    func everyLineFitsTheWidth(_ width: Int) {
        for table in [Fixtures.accounts, Fixtures.wide, Fixtures.many(3)] {
            let text = TableRenderer.render(table, options: RenderOptions(width: width))
            for line in text.split(separator: "\n") where line.hasPrefix("│") || line.hasPrefix("┌") {
                #expect(DisplayWidth.of(String(line)) <= max(width, 22), "too wide at \(width): \(line)")
            }
        }
    }

    @Test func columnsNeverLineUpWrongWithWideCharacters() {
        let text = TableRenderer.render(Fixtures.accounts, options: RenderOptions(width: 160))
        let widths = Set(text.split(separator: "\n").filter { $0.hasPrefix("│") || $0.hasPrefix("┌") }
            .map { DisplayWidth.of(String($0)) })
        #expect(widths.count == 1)
    }

    @Test func tableWithoutColumnsSaysSo() {
        #expect(TableRenderer.render(Table(rowCount: 3), options: RenderOptions()) == "(3 rows, no columns)\n")
        #expect(TableRenderer.render(Table(rowCount: 3), options: RenderOptions(format: .csv)) == "")
    }
}
