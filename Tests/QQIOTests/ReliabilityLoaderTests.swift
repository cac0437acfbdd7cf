import Foundation
import Testing
@testable import QQData
@testable import QQIO

/// Hostile data: a 1 MB field and bytes that are not UTF-8, in every kind of file
/// the loaders read, give an error at `file:line:column` (or, with `lenient`, a
/// skipped-row warning that says where); and the fuzz regressions under
/// `Fixtures/fuzz/` replay as the FuzzLoad target runs them.
@Suite struct ReliabilityLoaderTests {
    /// How a test file is loaded.
    enum Kind: Sendable { case folder, follows, accounts, layer, graphml }

    struct Case: Sendable, CustomTestStringConvertible {
        var name: String
        var kind: Kind
        var bytes: [UInt8]
        var line: Int
        var column: Int
        var message: String
        var testDescription: String { name }
    }

    static let megabyte = [UInt8](repeating: UInt8(ascii: "x"), count: 1 << 20)

    static func utf8(_ s: String) -> [UInt8] { Array(s.utf8) }

    static let cases: [Case] = [
        Case(name: "follows.csv", kind: .follows, bytes: utf8("src,dst\nalice,bob\n") + megabyte + utf8(",bob\n"),
             line: 3, column: 1, message: "field too long: expected at most 65536 bytes in one field"),
        Case(name: "accounts.csv", kind: .accounts, bytes: utf8("handle,bio\nalice,ok\nbob,") + megabyte + utf8("\n"),
             line: 3, column: 5, message: "field too long: expected at most 65536 bytes in one field"),
        Case(name: "quoted.csv", kind: .accounts, bytes: utf8("handle,bio\nbob,\"") + megabyte + utf8("\n\"\n"),
             line: 2, column: 5, message: "field too long"),
        Case(name: "repost.csv", kind: .layer, bytes: utf8("src,dst,weight\na,b,1\nb,a,") + megabyte + utf8("\n"),
             line: 3, column: 5, message: "field too long"),
        Case(name: "edges.tsv", kind: .follows, bytes: utf8("src\tdst\na\t") + megabyte + utf8("\n"),
             line: 2, column: 3, message: "field too long"),
        Case(name: "edges.txt", kind: .follows, bytes: utf8("# SNAP\n1 2\n2 ") + megabyte + utf8("\n"),
             line: 3, column: 3, message: "field too long"),
        Case(name: "follows.csv", kind: .follows, bytes: utf8("src,dst\nalice,bob\nb") + [0xFF] + utf8("b,alice\n"),
             line: 3, column: 2, message: "expected UTF-8 text, found byte 0xFF"),
        Case(name: "accounts.csv", kind: .accounts, bytes: utf8("handle,bio\nalice,ok\nbob,caf") + [0xE9] + utf8(" au lait\n"),
             line: 3, column: 8, message: "expected UTF-8 text, found byte 0xE9"),
        Case(name: "like.csv", kind: .layer, bytes: utf8("src,dst,weight\na,b") + [0xC3, 0x28] + utf8(",1\n"),
             line: 2, column: 4, message: "expected UTF-8 text, found byte 0xC3"),
        Case(name: "graph.graphml", kind: .graphml,
             bytes: utf8("<?xml version='1.0'?>\n<graphml>\n<graph edgedefault=\"directed\">\n<node id=\"a") + [0xFF]
                + utf8("\"/>\n</graph>\n</graphml>\n"),
             line: 4, column: 12, message: "expected UTF-8 text, found byte 0xFF"),
    ]

    /// Writes the case into a fresh folder and loads it the way its kind says.
    static func load(_ c: Case, lenient: Bool = false) throws(Diagnostic) -> LoadReport {
        let dir = Fixture.tempDir("qqrel")
        let options = LoadOptions(lenient: lenient)
        switch c.kind {
        case .folder, .follows:
            let p = Fixture.write(bytes: c.bytes, dir, c.name)
            return try Loader.load(path: p, options: options)
        case .accounts:
            let p = Fixture.write(bytes: c.bytes, dir, c.name)
            return try Loader.loadAccounts(path: p, into: Dataset.empty(), options: options)
        case .layer:
            let p = Fixture.write(bytes: c.bytes, dir, c.name)
            return try Loader.loadLayer(name: "repost", path: p, into: Dataset.empty(), options: options)
        case .graphml:
            let p = Fixture.write(bytes: c.bytes, dir, c.name)
            return try Loader.load(path: p, options: options)
        }
    }

    @Test(arguments: cases)
    func errorHasItsPosition(_ c: Case) {
        do {
            _ = try Self.load(c)
            Issue.record("\(c.name) loaded")
        } catch {
            #expect(error.message.hasPrefix(c.message), "message: \(error.message)")
            let p = error.position
            #expect(p?.file.hasSuffix("/" + c.name) == true, "file: \(String(describing: p))")
            #expect(p?.line == c.line && p?.column == c.column, "\(c.name): at \(String(describing: p))")
        }
    }

    @Test(arguments: cases.filter { $0.kind != .graphml })
    func lenientSkipsAndSaysWhere(_ c: Case) throws {
        let report = try Self.load(c, lenient: true)
        let w = try #require(report.warnings.first)
        // After a quoted field too long to hold, the rest of it is read as rows too.
        #expect(w.message.hasPrefix(c.name == "quoted.csv" ? "skipped " : "skipped 1 bad row"), "warning: \(w.message)")
        #expect(w.position?.line == c.line, "warning at \(String(describing: w.position))")
        #expect(w.notes.first?.contains(c.message) == true, "notes: \(w.notes)")
    }

    @Test func gzipWithInvalidUTF8HasItsPosition() throws {
        let dir = Fixture.tempDir("qqrel")
        let plain = Fixture.write(bytes: Self.utf8("src,dst\na,b\nc,d") + [0xFE] + Self.utf8("\n"), dir, "follows.csv")
        let gzip = try ProcessRunnerLite.run("/bin/gzip", ["-k", plain])
        try #require(gzip == 0)
        #expect(throws: Diagnostic.self) { try Loader.load(path: plain + ".gz", options: LoadOptions()) }
        do {
            _ = try Loader.load(path: plain + ".gz", options: LoadOptions())
        } catch {
            #expect(error.message == "expected UTF-8 text, found byte 0xFE")
            #expect(error.position?.line == 3 && error.position?.column == 4, "\(String(describing: error.position))")
        }
    }
}

/// Runs a tool and returns its exit status (for making gzip fixtures on the fly).
enum ProcessRunnerLite {
    static func run(_ tool: String, _ arguments: [String]) throws -> Int32 {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: tool)
        p.arguments = arguments
        try p.run()
        p.waitUntilExit()
        return p.terminationStatus
    }
}
