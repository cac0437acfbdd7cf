import Testing
@testable import QQData
@testable import QQIO

/// The byte-level scanner and its helpers, tested directly.
@Suite struct ScannerTests {
    struct Rows: RecordSink {
        var rows: [[String]] = []
        mutating func record(_ r: RecordView) throws(RowIssue) { rows.append((0..<r.count).map { r.string($0) }) }
    }

    func scan(_ text: String, _ dialect: Dialect = .csv, stopAt: Int = .max) -> ([[String]], ChunkScan) {
        var bytes = Array(text.utf8)
        var sink = Rows()
        var s = RecordScanner(dialect: dialect, lenient: false)
        let r = bytes.withUnsafeMutableBufferPointer { p in
            s.scan(UnsafePointer(p.baseAddress!), from: 0, to: p.count, stopAt: stopAt, atEOF: true, sink: &sink)
        }
        return (sink.rows, r)
    }

    @Test func quotingLineEndsAndBlankLines() {
        let (rows, r) = scan("a,\"b,\"\"c\"\"\",d\r\n\r\n\"multi\nline\",,x\rlast,\"\"")
        #expect(rows == [["a", "b,\"c\"", "d"], ["multi\nline", "", "x"], ["last", ""]])
        #expect(r.lines == 4)
        let (ws, _) = scan("# c\n1  2\t3\n\n  4 5\n", .whitespace)
        #expect(ws == [["1", "2", "3"], ["4", "5"]])
    }

    @Test func incompleteRecordsWaitForMoreBytes() {
        var bytes = Array("a,b\nc,\"d\ne".utf8)
        var sink = Rows()
        var s = RecordScanner(dialect: .csv, lenient: false)
        let r = bytes.withUnsafeMutableBufferPointer { p in
            s.scan(UnsafePointer(p.baseAddress!), from: 0, to: p.count, atEOF: false, sink: &sink)
        }
        #expect(sink.rows == [["a", "b"]])
        #expect(r.incomplete && r.end == 4 && r.lines == 1)
    }

    @Test func stopAtSplitsOnRecordStarts() {
        // A split point inside a quoted field is overrun: the chunk ends where the record does.
        let text = "x,\"1\n2\"\ny,3\n"
        let (rows, r) = scan(text, .csv, stopAt: 5)
        #expect(rows == [["x", "1\n2"]])
        #expect(r.end == 8)
    }

    @Test func utf8Validation() {
        func first(_ b: [UInt8]) -> Int? { b.withUnsafeBufferPointer { RecordScanner.firstInvalidUTF8($0.baseAddress!, 0, b.count) } }
        #expect(first(Array("plain ascii text, long enough".utf8)) == nil)
        #expect(first(Array("Zoë → 東京 🎉".utf8)) == nil)
        #expect(first([0x61, 0xC3]) == 1)
        #expect(first([0x61, 0xC0, 0x80]) == 1)
        #expect(first([0xED, 0xA0, 0x80]) == 0)
        #expect(first([0xF4, 0x90, 0x80, 0x80]) == 0)
        #expect(first([0x41, 0x42, 0x43, 0x44, 0x45, 0x46, 0x47, 0x48, 0xFF]) == 8)
    }

    @Test func fieldParsers() {
        func d(_ s: String) -> Double? { var a = Array(s.utf8); return a.withUnsafeMutableBufferPointer { FieldParsing.double(UnsafeBufferPointer($0)) } }
        func i(_ s: String) -> Int64? { var a = Array(s.utf8); return a.withUnsafeMutableBufferPointer { FieldParsing.int(UnsafeBufferPointer($0)) } }
        for s in ["0.1", "1e-05", "-0.0", "123456.5", "1e+20", "2.5E3", ".5", "5.", "0.30000000000000004", "1.7976931348623157e308"] {
            #expect(d(s) == Double(s), "\(s)")
        }
        #expect(d("inf") == .infinity && d("-Infinity") == -.infinity && d("NaN")!.isNaN)
        for bad in ["", "-", "1e", "abc", "1.2.3", "0x10", " 1"] { #expect(d(bad) == nil, "\(bad)") }
        #expect(i("-9223372036854775808") == .min && i("9223372036854775807") == .max)
        #expect(i("9223372036854775808") == nil && i("+12") == 12 && i("1.0") == nil)
    }

    @Test func sniffing() {
        func sniff(_ s: String, _ path: String = "x.csv") -> Dialect {
            var a = Array(s.utf8)
            return a.withUnsafeMutableBufferPointer { Dialect.sniff(UnsafeBufferPointer($0), path: path) }
        }
        #expect(sniff("# a, b\n1\t2\n") == .tsv)
        #expect(sniff("a b,c\n") == .csv)
        #expect(sniff("1 2\n") == .whitespace)
        #expect(sniff("alice\n") == .csv)
        #expect(sniff("a,b", "x.tsv.gz") == .tsv)
    }
}

/// Old Mac line ends (lone CR) work for headers and rows alike.
@Test func carriageReturnOnlyFiles() throws {
    let dir = Fixture.tempDir()
    let p = Fixture.write("handle,n\ra,1\rb,2\r", dir, "cr.csv")
    let d = try Loader.loadAccounts(path: p, into: .empty(), options: LoadOptions()).dataset
    #expect(rows(d) == ["string:a|int:1", "string:b|int:2"])
    let e = Fixture.write("src,dst\ra,b\rb,c", dir, "e.csv")
    let f = try Loader.load(path: e, options: LoadOptions()).dataset
    #expect(edges(f, f.follows) == ["a->b", "b->c"])
}
