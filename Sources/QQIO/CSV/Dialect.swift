/// How a delimited text file is split into fields, found by looking at its first
/// content line (`Dialect.sniff`): a tab means TSV, else a comma means CSV, else a
/// space means SNAP-style whitespace-separated columns.
struct Dialect: Sendable, Equatable {
    enum Separator: Sendable, Equatable {
        /// One byte (`,` or `\t`); RFC 4180 quoting applies.
        case byte(UInt8)
        /// Runs of spaces and tabs; no quoting (SNAP edge lists).
        case whitespace
    }

    var separator: Separator
    /// Lines starting with `#` or `%` are comments anywhere in the file (TSV and
    /// whitespace files, as SNAP and KONECT write them). In CSV only the leading
    /// comment block is skipped, because a handle may start with `#`.
    var commentsAnywhere: Bool

    static let csv = Dialect(separator: .byte(UInt8(ascii: ",")), commentsAnywhere: false)
    static let tsv = Dialect(separator: .byte(UInt8(ascii: "\t")), commentsAnywhere: true)
    static let whitespace = Dialect(separator: .whitespace, commentsAnywhere: true)

    var name: String {
        switch separator {
        case .whitespace: return "whitespace-separated"
        case .byte(9): return "tab-separated"
        default: return "comma-separated"
        }
    }

    /// Picks the dialect from the first line that is not blank or a comment.
    static func sniff(_ p: UnsafeBufferPointer<UInt8>, path: String) -> Dialect {
        let lower = path.lowercased()
        if lower.hasSuffix(".tsv") || lower.hasSuffix(".tsv.gz") || lower.hasSuffix(".tab") { return .tsv }
        var i = 0
        let n = p.count
        while i < n {
            var j = i
            while j < n && p[j] != 10 && p[j] != 13 { j += 1 }
            let first = i < j ? p[i] : 0
            if i < j && first != UInt8(ascii: "#") && first != UInt8(ascii: "%") {
                var comma = false, tab = false, space = false
                for k in i..<j {
                    switch p[k] {
                    case 9: tab = true
                    case 44: comma = true
                    case 32: space = true
                    default: break
                    }
                }
                if tab { return .tsv }
                if comma { return .csv }
                if space { return .whitespace }
                return .csv
            }
            i = j + 1
        }
        return .csv
    }
}

/// One field of a record: a byte range in the block. `quoted` fields had their quotes
/// removed from the range; `escaped` ones still contain doubled quotes (`""`) that
/// `RecordView.unescaped` collapses.
struct FieldSpan: Sendable {
    var start: Int
    var end: Int
    var quoted: Bool
    var escaped: Bool

    @inline(__always) var count: Int { end - start }
}

/// A record handed to a `RecordSink`: the fields of one row, valid only during the call.
struct RecordView {
    let base: UnsafePointer<UInt8>
    let fields: UnsafeBufferPointer<FieldSpan>
    /// The record's first line, counted from the chunk's start (0-based).
    let line: Int

    @inline(__always) var count: Int { fields.count }

    /// The field's bytes as they are in the file (quotes removed, `""` not collapsed).
    @inline(__always) func raw(_ i: Int) -> UnsafeBufferPointer<UInt8> {
        let f = fields[i]
        return UnsafeBufferPointer(start: base + f.start, count: f.end - f.start)
    }

    /// An unquoted empty field: the only spelling of null.
    @inline(__always) func isNull(_ i: Int) -> Bool { let f = fields[i]; return f.end == f.start && !f.quoted }

    /// Calls `body` with the field's text, `""` collapsed into a scratch buffer when needed.
    @inline(__always) func withBytes<R>(_ i: Int, scratch: inout [UInt8], _ body: (UnsafeBufferPointer<UInt8>) -> R) -> R {
        let f = fields[i]
        if !f.escaped { return body(raw(i)) }
        scratch.removeAll(keepingCapacity: true)
        var k = f.start
        while k < f.end {
            let c = base[k]
            scratch.append(c)
            k += (c == 34 && k + 1 < f.end && base[k + 1] == 34) ? 2 : 1
        }
        return scratch.withUnsafeBufferPointer(body)
    }

    /// The field as a String (slow path: headers, messages).
    func string(_ i: Int) -> String {
        var s = [UInt8]()
        return withBytes(i, scratch: &s) { String(decoding: $0, as: UTF8.self) }
    }
}

/// A problem with one row, raised by a sink: `offset` is where in the block it is.
struct RowIssue: Error {
    var offset: Int
    var message: String
    var hint: String?
}

/// Receives the records of one chunk of a file. Loaders implement it for edges and
/// accounts; generic use keeps the per-record call free of existentials.
protocol RecordSink {
    mutating func record(_ r: RecordView) throws(RowIssue)
    /// Called when the chunk's scan ends, while its bytes are still valid (sinks that
    /// batch work finish it here).
    mutating func flush()
    /// An optional fast path for plain lines of a file with a one-byte separator: takes
    /// up to `limit` records from `p[from...]`, each a single line that starts before
    /// `stopAt` and ends with `\n` before `to`, and returns the offset after the last
    /// one and how many it took. It stops at the first line it cannot take whole
    /// (quotes, `\r`, bytes ≥ 0x80, a comment or blank line, a field it would reject),
    /// which the general scanner then reads and, when bad, reports. The default takes none.
    mutating func fastRecords(_ p: UnsafePointer<UInt8>, from: Int, to: Int, stopAt: Int,
                              separator: UInt8, limit: Int) -> (next: Int, records: Int)
}

extension RecordSink {
    mutating func flush() {}
    mutating func fastRecords(_ p: UnsafePointer<UInt8>, from: Int, to: Int, stopAt: Int,
                              separator: UInt8, limit: Int) -> (next: Int, records: Int) { (from, 0) }
}
