import QQData

/// One exact row format (csv, tsv, json, jsonl): every value written in full, as
/// SPEC §6 asks of non-table formats. Writers append UTF-8 straight into a byte
/// buffer, one switch per cell on the column's storage, no per-row objects.
protocol ExactRowFormat {
    /// Text before the first row (csv/tsv header line, json `[`).
    func begin(_ t: Table, into b: inout ByteBuffer)
    /// One row, with its line ending. `first` is true for the first row.
    func row(_ t: Table, _ r: Int, first: Bool, into b: inout ByteBuffer)
    /// Text after the last row (json `]`).
    func end(_ t: Table, rows: Int, into b: inout ByteBuffer)
}

/// csv (RFC 4180) and tsv. In csv a field is quoted when it holds `,`, `"`, a
/// line break, or is an empty string — so an empty string (`""`) and null (an
/// empty field) stay apart. tsv cannot quote, so `\`, tab, LF and CR inside text
/// are escaped as `\\`, `\t`, `\n`, `\r` (the PostgreSQL/ClickHouse convention).
struct DelimitedFormat: ExactRowFormat {
    let separator: UInt8
    var isCSV: Bool { separator == UInt8(ascii: ",") }

    func begin(_ t: Table, into b: inout ByteBuffer) {
        guard !t.names.isEmpty else { return }
        for (c, name) in t.names.enumerated() {
            if c > 0 { b.append(separator) }
            text(name, into: &b)
        }
        b.append(10)
    }

    func row(_ t: Table, _ r: Int, first: Bool, into b: inout ByteBuffer) {
        guard !t.columns.isEmpty else { return }
        for c in 0..<t.columns.count {
            if c > 0 { b.append(separator) }
            let col = t.columns[c]
            if col.isNull(r) { continue }
            switch col.storage {
            case .int(let a): b.append(int: a[r])
            case .float(let a): b.append(float: a[r])
            case .bool(let a): b.append(a[r] ? "true" : "false")
            case .date(let a): b.append(date: a[r])
            case .string(let s): text(s, r, into: &b)
            case .null: break
            }
        }
        b.append(10)
    }

    func end(_ t: Table, rows: Int, into b: inout ByteBuffer) {}

    private func text(_ s: StringStore, _ r: Int, into b: inout ByteBuffer) {
        s.bytes.withUnsafeBufferPointer { p in text(UnsafeBufferPointer(rebasing: p[s.range(r)]), into: &b) }
    }

    private func text(_ s: String, into b: inout ByteBuffer) {
        var copy = s
        copy.withUTF8 { text($0, into: &b) }
    }

    private func text(_ u: UnsafeBufferPointer<UInt8>, into b: inout ByteBuffer) {
        if isCSV {
            let needsQuotes = u.isEmpty || u.contains { $0 == 44 || $0 == 34 || $0 == 10 || $0 == 13 }
            if !needsQuotes { b.append(bytes: u); return }
            b.append(34)
            for ch in u {
                if ch == 34 { b.append(34) }
                b.append(ch)
            }
            b.append(34)
        } else {
            for ch in u {
                switch ch {
                case 92: b.append(92); b.append(92)
                case 9: b.append(92); b.append(UInt8(ascii: "t"))
                case 10: b.append(92); b.append(UInt8(ascii: "n"))
                case 13: b.append(92); b.append(UInt8(ascii: "r"))
                default: b.append(ch)
                }
            }
        }
    }
}

/// json (one array of objects, one object per line) and jsonl (one compact object
/// per line). Keys are the column names in order; ints are written in full,
/// floats as their shortest round-trip text, NaN and infinities (which JSON
/// cannot hold) as null, dates as ISO strings.
struct JSONFormat: ExactRowFormat {
    let lines: Bool
    let keys: [[UInt8]]

    init(names: [String], lines: Bool) {
        self.lines = lines
        keys = names.map { name in
            var b = ByteBuffer()
            JSONFormat.string(name, into: &b)
            b.append(lines ? ":" : ": ")
            return b.bytes
        }
    }

    func begin(_ t: Table, into b: inout ByteBuffer) {
        if !lines { b.append("[") }
    }

    func row(_ t: Table, _ r: Int, first: Bool, into b: inout ByteBuffer) {
        if !lines { b.append(first ? "\n  " : ",\n  ") }
        b.append(UInt8(ascii: "{"))
        for c in 0..<t.columns.count {
            if c > 0 { b.append(lines ? "," : ", ") }
            b.append(bytes: keys[c])
            let col = t.columns[c]
            if col.isNull(r) { b.append("null"); continue }
            switch col.storage {
            case .int(let a): b.append(int: a[r])
            case .float(let a): if a[r].isFinite { b.append(float: a[r]) } else { b.append("null") }
            case .bool(let a): b.append(a[r] ? "true" : "false")
            case .date(let a): b.append(34); b.append(date: a[r]); b.append(34)
            case .string(let s):
                s.bytes.withUnsafeBufferPointer { p in
                    JSONFormat.string(UnsafeBufferPointer(rebasing: p[s.range(r)]), into: &b)
                }
            case .null: b.append("null")
            }
        }
        b.append(UInt8(ascii: "}"))
        if lines { b.append(10) }
    }

    func end(_ t: Table, rows: Int, into b: inout ByteBuffer) {
        if !lines { b.append(rows == 0 ? "]\n" : "\n]\n") }
    }

    static func string(_ s: String, into b: inout ByteBuffer) {
        var copy = s
        copy.withUTF8 { string($0, into: &b) }
    }

    /// A JSON string literal: `"` and `\` escaped, control characters as `\n`, `\t`, … or `\u00XX`.
    static func string(_ u: UnsafeBufferPointer<UInt8>, into b: inout ByteBuffer) {
        b.append(34)
        for ch in u {
            switch ch {
            case 34: b.append(92); b.append(34)
            case 92: b.append(92); b.append(92)
            case 10: b.append(92); b.append(UInt8(ascii: "n"))
            case 13: b.append(92); b.append(UInt8(ascii: "r"))
            case 9: b.append(92); b.append(UInt8(ascii: "t"))
            case 8: b.append(92); b.append(UInt8(ascii: "b"))
            case 12: b.append(92); b.append(UInt8(ascii: "f"))
            case 0..<0x20:
                let hex: [UInt8] = Array("0123456789abcdef".utf8)
                b.append("\\u00"); b.append(hex[Int(ch >> 4)]); b.append(hex[Int(ch & 15)])
            default: b.append(ch)
            }
        }
        b.append(34)
    }
}
