import Foundation
import Testing
@testable import QQData
@testable import QQIO

/// The bad-input corpus (Fixtures/bad, Fixtures/gzip): each file fails with its own
/// message at its `file:line:column`, and the dataset passed in stays as it was.
@Suite struct BadInputTests {
    struct Case: Sendable, CustomStringConvertible {
        var file: String
        var kind: Kind
        var line: Int
        var column: Int
        var message: String
        enum Kind: Sendable { case follows, accounts, layer }
        var description: String { file }
    }

    static let cases: [Case] = [
        Case(file: "bad/ragged.csv", kind: .follows, line: 3, column: 11, message: "expected 2 fields, found 3"),
        Case(file: "bad/unterminated_quote.csv", kind: .accounts, line: 3, column: 5,
             message: "unterminated quoted field: expected '\"' to close the quote opened here, found the end of the file"),
        Case(file: "bad/invalid_utf8.csv", kind: .accounts, line: 3, column: 8, message: "expected UTF-8 text, found byte 0xE9"),
        Case(file: "bad/empty.csv", kind: .follows, line: 1, column: 1,
             message: "empty file: expected an edge list (source and target on each line)"),
        Case(file: "bad/empty.csv", kind: .accounts, line: 1, column: 1,
             message: "empty file: expected a header line naming the account columns"),
        Case(file: "bad/header_only.csv", kind: .follows, line: 2, column: 1, message: "header only: expected edges after the header line"),
        Case(file: "bad/accounts_header_only.csv", kind: .accounts, line: 2, column: 1,
             message: "header only: expected account rows after the header line"),
        Case(file: "bad/one_column.csv", kind: .follows, line: 1, column: 1,
             message: "no usable columns: expected at least two columns (source and target), found 1"),
        Case(file: "bad/negative_weight.csv", kind: .layer, line: 3, column: 11,
             message: "expected a non-negative finite weight, found '-2'"),
        Case(file: "bad/nan_weight.csv", kind: .layer, line: 3, column: 11,
             message: "expected a non-negative finite weight, found 'nan'"),
        Case(file: "bad/duplicate_handles.csv", kind: .accounts, line: 4, column: 1,
             message: "duplicate handle 'alice': expected each account once"),
        Case(file: "bad/after_quote.csv", kind: .accounts, line: 2, column: 15,
             message: "expected ',' or the end of the line after a closing quote, found 'x'"),
    ]

    /// A small dataset that every failing load must leave as it was.
    static func current() throws -> Dataset {
        let dir = Fixture.tempDir()
        Fixture.write("handle,posts\nzoe,1\nyan,2\n", dir, "accounts.csv")
        Fixture.write("src,dst\nzoe,yan\n", dir, "follows.csv")
        Fixture.write("src,dst,weight\nyan,zoe,4\n", dir, "like.csv")
        return try load(dir).dataset
    }

    func run(_ kind: Case.Kind, _ path: String, _ d: Dataset, lenient: Bool = false) throws(Diagnostic) -> LoadReport {
        let o = LoadOptions(lenient: lenient)
        switch kind {
        case .follows: return try Loader.loadFollows(path: path, into: d, options: o)
        case .accounts: return try Loader.loadAccounts(path: path, into: d, options: o)
        case .layer: return try Loader.loadLayer(name: "repost", path: path, into: d, options: o)
        }
    }

    @Test(arguments: cases) func failsWithPosition(_ c: Case) throws {
        let before = try BadInputTests.current()
        let path = Fixture.path(c.file)
        let e = #expect(throws: Diagnostic.self) { try run(c.kind, path, before) }
        #expect(e?.message == c.message)
        #expect(e?.position == FilePosition(file: path, line: c.line, column: c.column))
        let after = try BadInputTests.current()
        expectSameData(before, after)
        #expect(edges(before, before.follows) == ["zoe->yan"])
    }

    @Test func megabyteField() throws {
        let dir = Fixture.tempDir()
        let big = String(repeating: "x", count: 1 << 20)
        let p = Fixture.write("handle,bio\nalice,short\nbob,\(big)\n", dir, "big.csv")
        let e = #expect(throws: Diagnostic.self) { try Loader.loadAccounts(path: p, into: .empty(), options: LoadOptions()) }
        #expect(e?.message == "field too long: expected at most 65536 bytes in one field, found 1048576")
        #expect(e?.position == FilePosition(file: p, line: 3, column: 5))
        let q = Fixture.write("handle,bio\nalice,\"\(big)\"\n", dir, "bigq.csv")
        let e2 = #expect(throws: Diagnostic.self) { try Loader.loadAccounts(path: q, into: .empty(), options: LoadOptions()) }
        #expect(e2?.message == "field too long: expected at most 65536 bytes in one field")
        #expect(e2?.position?.line == 2 && e2?.position?.column == 7)
    }

    @Test func truncatedGzip() throws {
        let before = try BadInputTests.current()
        let p = Fixture.path("gzip/truncated.csv.gz")
        let e = #expect(throws: Diagnostic.self) { try Loader.loadFollows(path: p, into: before, options: LoadOptions()) }
        #expect(e?.message == "'\(p)' is truncated: expected more gzip data, found the end of the file")
        expectSameData(before, try BadInputTests.current())
    }

    @Test func gzipLoadsLikePlain() throws {
        let a = try load(Fixture.path("gzip/edges.csv")).dataset
        let b = try load(Fixture.path("gzip/edges.csv.gz")).dataset
        expectSameData(a, b)
        #expect(a.follows.edgeCount > 0)
    }

    @Test func lenientSkipsAndReports() throws {
        let dir = Fixture.tempDir()
        let p = Fixture.write("src,dst,weight\na,b,1\nb,c\nc,d,-1\nd,e,2\n\"x,y\n", dir, "l.csv")
        let r = try Loader.loadLayer(name: "reply", path: p, into: .empty(), options: LoadOptions(lenient: true))
        #expect(edges(r.dataset, r.dataset.layer(named: "reply")!) == ["a->b 1.0", "d->e 2.0"])
        #expect(r.warnings.count == 1)
        #expect(r.warnings[0].severity == .warning)
        #expect(r.warnings[0].message == "skipped 3 bad rows in '\(p)'")
        #expect(r.warnings[0].notes == [
            "\(p):3:4: expected 3 fields, found 2",
            "\(p):4:5: expected a non-negative finite weight, found '-1'",
            "\(p):6:1: unterminated quoted field: expected '\"' to close the quote opened here, found the end of the file",
        ])
        let acc = Fixture.write("handle,n\na,1\nb,2\na,3\nc\n", dir, "a.csv")
        let r2 = try Loader.loadAccounts(path: acc, into: .empty(), options: LoadOptions(lenient: true))
        #expect(rows(r2.dataset) == ["string:a|int:1", "string:b|int:2"])
        #expect(r2.warnings.first?.notes == ["\(acc):4:1: duplicate handle 'a': expected each account once",
                                             "\(acc):5:2: expected 2 fields, found 1"])
    }

    @Test func missingPathAndFolderWithoutData() throws {
        let e = #expect(throws: Diagnostic.self) { try load("/nonexistent/qq/data") }
        #expect(e?.message == "cannot open '/nonexistent/qq/data': no such file or folder")
        let dir = Fixture.tempDir()
        Fixture.write("x", dir, "readme.txt")
        let e2 = #expect(throws: Diagnostic.self) { try load(dir) }
        #expect(e2?.message.hasPrefix("no data in") == true)
    }
}
