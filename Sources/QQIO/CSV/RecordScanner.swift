import QQData

/// A problem found while scanning, placed in the chunk: `line` counts line ends from
/// the chunk's start (0 = its first line), `column` is 1-based in characters.
struct LocatedIssue: Sendable {
    var line: Int
    var column: Int
    var message: String
    var hint: String?
}

/// What scanning one chunk produced.
struct ChunkScan: Sendable {
    /// Offset just past the last record consumed.
    var end = 0
    /// Line ends consumed (embedded newlines of quoted fields included).
    var lines = 0
    /// The chunk ended in the middle of a record (more bytes are needed).
    var incomplete = false
    /// The first bad row, when not lenient (scanning stops there).
    var fatal: LocatedIssue?
    /// Bad rows skipped (lenient), and the first few of them.
    var skipped = 0
    var issues: [LocatedIssue] = []
    var records = 0
}

/// The byte-level record scanner: RFC 4180 quoting (a quote opens a quoted field only
/// at its start; `""` inside is one quote; quoted fields may span lines), `\n`, `\r\n`
/// and lone `\r` line ends, blank lines skipped, UTF-8 checked per record only when a
/// byte ≥ 0x80 was seen. Fields are byte ranges: no `String` is made per field.
struct RecordScanner {
    let dialect: Dialect
    let lenient: Bool
    static let maxFieldBytes = 1 << 16
    static let maxFields = 1 << 16
    static let issuesKept = 5
    /// Fields of the current record: `spans[0..<spanCount]` (the array only grows).
    private var spans: [FieldSpan] = []
    private var spanCount = 0
    /// The last record had a line end inside a quoted field.
    private var multiline = false

    init(dialect: Dialect, lenient: Bool) {
        self.dialect = dialect; self.lenient = lenient
        spans.reserveCapacity(16)
    }

    private enum Outcome {
        case complete(next: Int)
        case blank(next: Int)
        case incomplete
        case bad(offset: Int, message: String, hint: String?)
    }

    /// Scans records starting in `[from, stopAt)` and lying in `[from, to)`; `atEOF`
    /// says whether `to` is the end of the data (else a record cut by `to` is left for
    /// the next block).
    mutating func scan<S: RecordSink>(_ p: UnsafePointer<UInt8>, from: Int, to: Int, stopAt: Int = .max,
                                      atEOF: Bool, sink: inout S) -> ChunkScan {
        var r = ChunkScan()
        var i = from
        var line = 0
        var lineStart = from
        var fastSeparator: UInt8? = nil
        if case .byte(let sep) = dialect.separator { fastSeparator = sep }
        while i < to && i < stopAt {
            if let sep = fastSeparator {
                let (next, taken) = sink.fastRecords(p, from: i, to: to, stopAt: stopAt, separator: sep, limit: 4096)
                if taken > 0 {
                    r.records += taken; line += taken; lineStart = next; i = next
                    if Cancellation.isRequested { break }
                    continue
                }
            }
            if r.records & 4095 == 0 && Cancellation.isRequested { break }
            let outcome: Outcome
            let first = p[i]
            if first == 35 || first == 37, dialect.commentsAnywhere {
                outcome = skipLine(p, i, to, atEOF)
            } else if case .byte(let sep) = dialect.separator {
                outcome = delimited(p, i, to, atEOF, sep)
            } else {
                outcome = whitespace(p, i, to, atEOF)
            }
            switch outcome {
            case .incomplete:
                r.incomplete = true
                r.end = i; r.lines = line
                sink.flush()
                return r
            case .blank(let next):
                (line, lineStart) = RecordScanner.advanceLines(p, i, next, line, lineStart)
                i = next
            case .complete(let next):
                var issue: RowIssue? = nil
                if let bad = RecordScanner.firstInvalidUTF8(p, i, next) {
                    issue = RowIssue(offset: bad, message: "expected UTF-8 text, found byte 0x\(hex(p[bad]))",
                                     hint: "save the file as UTF-8")
                } else {
                    r.records += 1
                    let n = spanCount
                    spans.withUnsafeBufferPointer { fb in
                        let fields = UnsafeBufferPointer(rebasing: fb[0..<n])
                        do throws(RowIssue) { try sink.record(RecordView(base: p, fields: fields, line: line)) } catch { issue = error }
                    }
                }
                if let issue {
                    let located = RecordScanner.locate(p, lineStart, line, issue.offset, issue.message, issue.hint)
                    if !lenient { r.fatal = located; r.end = i; r.lines = line; sink.flush(); return r }
                    r.skipped += 1
                    if r.issues.count < RecordScanner.issuesKept { r.issues.append(located) }
                }
                if multiline {
                    (line, lineStart) = RecordScanner.advanceLines(p, i, next, line, lineStart)
                } else if next > i && (p[next - 1] == 10 || p[next - 1] == 13) {
                    line += 1; lineStart = next
                }
                i = next
            case .bad(let offset, let message, let hint):
                let located = RecordScanner.locate(p, lineStart, line, offset, message, hint)
                if !lenient { r.fatal = located; r.end = i; r.lines = line; sink.flush(); return r }
                r.skipped += 1
                if r.issues.count < RecordScanner.issuesKept { r.issues.append(located) }
                // Resynchronise at the line after the problem.
                var j = offset
                while j < to && p[j] != 10 && p[j] != 13 { j += 1 }
                if j < to { j += (p[j] == 13 && j + 1 < to && p[j + 1] == 10) ? 2 : 1 }
                (line, lineStart) = RecordScanner.advanceLines(p, i, j, line, lineStart)
                i = j
            }
        }
        r.end = i; r.lines = line
        sink.flush()
        return r
    }

    /// Skips a comment line.
    private func skipLine(_ p: UnsafePointer<UInt8>, _ from: Int, _ to: Int, _ atEOF: Bool) -> Outcome {
        var j = from
        while j < to && p[j] != 10 && p[j] != 13 { j += 1 }
        return RecordScanner.terminate(p, j, to, atEOF).map { .blank(next: $0) } ?? .incomplete
    }

    /// After the last field: consumes the line end at `j`; nil when more bytes are needed.
    @inline(__always) private static func terminate(_ p: UnsafePointer<UInt8>, _ j: Int, _ to: Int, _ atEOF: Bool) -> Int? {
        if j >= to { return atEOF ? to : nil }
        if p[j] == 13 {
            if j + 1 < to { return p[j + 1] == 10 ? j + 2 : j + 1 }
            return atEOF ? j + 1 : nil
        }
        return j + 1
    }

    private mutating func delimited(_ p: UnsafePointer<UInt8>, _ from: Int, _ to: Int, _ atEOF: Bool, _ sep: UInt8) -> Outcome {
        spanCount = 0
        multiline = false
        let sepMask = 0x0101_0101_0101_0101 &* UInt64(sep)
        let raw = UnsafeRawPointer(p)
        var i = from
        while true {
            if i < to && p[i] == 34 {
                // Quoted field: runs to the next quote not doubled.
                let open = i
                var j = i + 1
                var escaped = false
                while true {
                    while j < to && p[j] != 34 {
                        if p[j] == 10 || p[j] == 13 { multiline = true }
                        j += 1
                    }
                    if j - open > RecordScanner.maxFieldBytes {
                        return .bad(offset: open, message: "field too long: expected at most \(RecordScanner.maxFieldBytes) bytes in one field",
                                    hint: "the quote opened here may never be closed")
                    }
                    if j >= to {
                        if !atEOF { return .incomplete }
                        return .bad(offset: open, message: "unterminated quoted field: expected '\"' to close the quote opened here, found the end of the file",
                                    hint: nil)
                    }
                    if j + 1 < to && p[j + 1] == 34 { escaped = true; j += 2; continue }
                    if j + 1 >= to && !atEOF { return .incomplete }
                    break
                }
                push(FieldSpan(start: open + 1, end: j, quoted: true, escaped: escaped))
                i = j + 1
                if i < to && p[i] != sep && p[i] != 10 && p[i] != 13 {
                    return .bad(offset: i, message: "expected '\(RecordScanner.show(sep))' or the end of the line after a closing quote, found '\(RecordScanner.show(p[i]))'",
                                hint: "a quote inside a quoted field is written twice: \"\"")
                }
            } else {
                var j = i
                // Eight bytes at a time: the first byte equal to the separator, \n or \r.
                while j + 8 <= to {
                    let w = raw.loadUnaligned(fromByteOffset: j, as: UInt64.self)
                    let hit = RecordScanner.zeroBytes(w ^ sepMask) | RecordScanner.zeroBytes(w ^ 0x0A0A_0A0A_0A0A_0A0A)
                        | RecordScanner.zeroBytes(w ^ 0x0D0D_0D0D_0D0D_0D0D)
                    if hit != 0 { j += hit.trailingZeroBitCount >> 3; break }
                    j += 8
                    if j - i > RecordScanner.maxFieldBytes { break }
                }
                while j < to {
                    let c = p[j]
                    if c == sep || c == 10 || c == 13 { break }
                    j += 1
                }
                if j - i > RecordScanner.maxFieldBytes {
                    return .bad(offset: i, message: "field too long: expected at most \(RecordScanner.maxFieldBytes) bytes in one field, found \(j - i)",
                                hint: nil)
                }
                if j >= to && !atEOF { return .incomplete }
                push(FieldSpan(start: i, end: j, quoted: false, escaped: false))
                i = j
            }
            if spanCount > RecordScanner.maxFields {
                return .bad(offset: i, message: "too many fields: expected at most \(RecordScanner.maxFields)", hint: nil)
            }
            if i < to && p[i] == sep { i += 1; continue }
            guard let next = RecordScanner.terminate(p, i, to, atEOF) else { return .incomplete }
            if spanCount == 1 && spans[0].start == spans[0].end && !spans[0].quoted { return .blank(next: next) }
            return .complete(next: next)
        }
    }

    private mutating func whitespace(_ p: UnsafePointer<UInt8>, _ from: Int, _ to: Int, _ atEOF: Bool) -> Outcome {
        spanCount = 0
        var i = from
        while true {
            while i < to && (p[i] == 32 || p[i] == 9) { i += 1 }
            if i >= to || p[i] == 10 || p[i] == 13 { break }
            var j = i
            while j < to {
                let c = p[j]
                if c == 32 || c == 9 || c == 10 || c == 13 { break }
                j += 1
            }
            if j >= to && !atEOF { return .incomplete }
            if j - i > RecordScanner.maxFieldBytes {
                return .bad(offset: i, message: "field too long: expected at most \(RecordScanner.maxFieldBytes) bytes in one field, found \(j - i)", hint: nil)
            }
            push(FieldSpan(start: i, end: j, quoted: false, escaped: false))
            if spanCount > RecordScanner.maxFields {
                return .bad(offset: i, message: "too many fields: expected at most \(RecordScanner.maxFields)", hint: nil)
            }
            i = j
        }
        guard let next = RecordScanner.terminate(p, i, to, atEOF) else { return .incomplete }
        return (spanCount == 0) ? .blank(next: next) : .complete(next: next)
    }

    @inline(__always) private mutating func push(_ f: FieldSpan) {
        if spanCount < spans.count { spans[spanCount] = f } else { spans.append(f) }
        spanCount += 1
    }

    /// High bit set in each byte of `v` that is zero, exact up to the first zero byte
    /// (bits above it may be spurious, so only the lowest one is used).
    @inline(__always) static func zeroBytes(_ v: UInt64) -> UInt64 {
        (v &- 0x0101_0101_0101_0101) & ~v & 0x8080_8080_8080_8080
    }

    /// Line bookkeeping over `[from, to)`: counts line ends (`\n`, `\r\n`, lone `\r`).
    @inline(__always) static func advanceLines(_ p: UnsafePointer<UInt8>, _ from: Int, _ to: Int,
                                               _ line: Int, _ lineStart: Int) -> (Int, Int) {
        var line = line, lineStart = lineStart
        var k = from
        while k < to {
            let c = p[k]
            if c == 10 || (c == 13 && (k + 1 >= to || p[k + 1] != 10)) { line += 1; lineStart = k + 1 }
            k += 1
        }
        return (line, lineStart)
    }

    /// Line and column (characters, 1-based) of `offset`, from a known line start.
    static func locate(_ p: UnsafePointer<UInt8>, _ lineStart: Int, _ line: Int, _ offset: Int,
                       _ message: String, _ hint: String?) -> LocatedIssue {
        let (l, ls) = advanceLines(p, lineStart, offset, line, lineStart)
        var col = 1
        var k = ls
        while k < offset { if p[k] & 0xC0 != 0x80 { col += 1 }; k += 1 }
        return LocatedIssue(line: l, column: col, message: message, hint: hint)
    }

    static func show(_ b: UInt8) -> String {
        switch b {
        case 9: return "\\t"
        case 32..<127: return String(UnicodeScalar(b))
        default: return "0x" + hex(b)
        }
    }

    /// Offset of the first byte in `[from, to)` that breaks UTF-8, or nil. ASCII runs are
    /// skipped eight bytes at a time.
    static func firstInvalidUTF8(_ p: UnsafePointer<UInt8>, _ from: Int, _ to: Int) -> Int? {
        var i = from
        let raw = UnsafeRawPointer(p)
        while i + 8 <= to && raw.loadUnaligned(fromByteOffset: i, as: UInt64.self) & 0x8080_8080_8080_8080 == 0 { i += 8 }
        while i < to {
            let b = p[i]
            if b < 0x80 { i += 1; continue }
            let need: Int
            var lo: UInt8 = 0x80, hi: UInt8 = 0xBF
            switch b {
            case 0xC2...0xDF: need = 1
            case 0xE0: need = 2; lo = 0xA0
            case 0xE1...0xEC, 0xEE...0xEF: need = 2
            case 0xED: need = 2; hi = 0x9F
            case 0xF0: need = 3; lo = 0x90
            case 0xF1...0xF3: need = 3
            case 0xF4: need = 3; hi = 0x8F
            default: return i
            }
            if i + need >= to { return i }
            let c1 = p[i + 1]
            if c1 < lo || c1 > hi { return i }
            var k = 2
            while k <= need {
                if p[i + k] & 0xC0 != 0x80 { return i }
                k += 1
            }
            i += need + 1
        }
        return nil
    }
}

@inline(__always) func hex(_ b: UInt8) -> String {
    let d = Array("0123456789ABCDEF".utf8)
    return String(decoding: [d[Int(b >> 4)], d[Int(b & 15)]], as: UTF8.self)
}
