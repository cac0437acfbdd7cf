import QQData

/// How the exact formats spell a cell (SPEC §6): null is an empty field in csv,
/// tsv and markdown and `null` in json; floats are their shortest round-trip text
/// (json writes NaN and infinities as null, which JSON cannot hold); dates are ISO.
enum CellSyntax {
    /// RFC 4180: quoted when the text holds `,` `"` CR or LF, or is empty (so `""`
    /// is an empty string and an empty field is null); `"` doubled inside quotes.
    case csv
    /// No quoting: `\` tab LF CR inside text written `\\` `\t` `\n` `\r`
    /// (the PostgreSQL/ClickHouse convention).
    case tsv
    /// String literals with `"` `\` and control characters escaped.
    case json
    /// `|` written `\|`, line breaks `<br>`, other control characters as visible escapes.
    case markdown
}

/// Encodes a block of rows one column at a time into one flat byte buffer: the
/// switch on the column's storage happens once per block, the inner loops read
/// flat arrays through unsafe buffers, and no per-cell object is made. Writers
/// then copy the cells out row by row.
///
/// Layout: the cells of column c, rows `block`, follow each other in `bytes`;
/// cell (c, k) ends at `ends[c * block.count + k]` and starts where the previous
/// cell in this order ended.
struct CellBlock {
    var bytes = ByteBuffer(capacity: 1 << 17)
    var ends: [Int] = []
    private(set) var rowCount = 0

    mutating func encode(_ t: Table, rows block: Range<Int>, syntax: CellSyntax) {
        bytes.bytes.removeAll(keepingCapacity: true)
        ends.removeAll(keepingCapacity: true)
        rowCount = block.count
        var present = [Bool](repeating: true, count: block.count)
        for col in t.columns {
            for k in present.indices { present[k] = !col.isNull(block.lowerBound + k) }
            encode(col, block, present, syntax)
        }
    }

    /// Byte range of cell (column `c`, row `k` of the block).
    @inline(__always) func range(_ c: Int, _ k: Int) -> Range<Int> {
        let i = c * rowCount + k
        return (i == 0 ? 0 : ends[i - 1])..<ends[i]
    }

    private mutating func encode(_ col: Column, _ block: Range<Int>, _ present: [Bool], _ syntax: CellSyntax) {
        let null = syntax == .json ? "null" : ""
        switch col.storage {
        case .int(let a):
            a.withUnsafeBufferPointer { p in
                for (k, r) in block.enumerated() {
                    if present[k] { bytes.append(int: p[r]) } else { bytes.append(null) }
                    ends.append(bytes.bytes.count)
                }
            }
        case .float(let a):
            a.withUnsafeBufferPointer { p in
                for (k, r) in block.enumerated() {
                    let v = p[r]
                    if present[k] && (v.isFinite || syntax != .json) { bytes.append(float: v) } else { bytes.append(null) }
                    ends.append(bytes.bytes.count)
                }
            }
        case .bool(let a):
            a.withUnsafeBufferPointer { p in
                for (k, r) in block.enumerated() {
                    bytes.append(present[k] ? (p[r] ? "true" : "false") : null)
                    ends.append(bytes.bytes.count)
                }
            }
        case .date(let a):
            a.withUnsafeBufferPointer { p in
                for (k, r) in block.enumerated() {
                    if !present[k] { bytes.append(null) } else if syntax == .json {
                        bytes.append(34); bytes.append(date: p[r]); bytes.append(34)
                    } else { bytes.append(date: p[r]) }
                    ends.append(bytes.bytes.count)
                }
            }
        case .string(let s):
            s.bytes.withUnsafeBufferPointer { p in
                s.offsets.withUnsafeBufferPointer { o in
                    for (k, r) in block.enumerated() {
                        if present[k] {
                            CellBlock.text(UnsafeBufferPointer(rebasing: p[o[r]..<o[r + 1]]), syntax, into: &bytes)
                        } else { bytes.append(null) }
                        ends.append(bytes.bytes.count)
                    }
                }
            }
        case .datetime(let a), .duration(let a):
            let isTime = col.type == .datetime
            for (k, r) in block.enumerated() {
                if !present[k] { bytes.append(null) } else {
                    let t = isTime ? DateTime.format(a[r]) : DateTime.formatDuration(a[r])
                    if syntax == .json { bytes.append(34); bytes.append(t); bytes.append(34) } else { bytes.append(t) }
                }
                ends.append(bytes.bytes.count)
            }
        case .null:
            for _ in block { bytes.append(null); ends.append(bytes.bytes.count) }
        }
    }

    static func text(_ s: String, _ syntax: CellSyntax, into b: inout ByteBuffer) {
        var copy = s
        copy.withUTF8 { text($0, syntax, into: &b) }
    }

    static func text(_ u: UnsafeBufferPointer<UInt8>, _ syntax: CellSyntax, into b: inout ByteBuffer) {
        switch syntax {
        case .csv:
            guard u.isEmpty || u.contains(where: { $0 == 44 || $0 == 34 || $0 == 10 || $0 == 13 }) else {
                b.append(bytes: u); return
            }
            b.append(34)
            for ch in u { if ch == 34 { b.append(34) }; b.append(ch) }
            b.append(34)
        case .tsv:
            for ch in u {
                switch ch {
                case 92: b.append("\\\\")
                case 9: b.append("\\t")
                case 10: b.append("\\n")
                case 13: b.append("\\r")
                default: b.append(ch)
                }
            }
        case .json:
            b.append(34)
            for ch in u {
                switch ch {
                case 34: b.append("\\\"")
                case 92: b.append("\\\\")
                case 10: b.append("\\n")
                case 13: b.append("\\r")
                case 9: b.append("\\t")
                case 8: b.append("\\b")
                case 12: b.append("\\f")
                case 0..<0x20: b.append("\\u00"); b.append(hex[Int(ch >> 4)]); b.append(hex[Int(ch & 15)])
                default: b.append(ch)
                }
            }
            b.append(34)
        case .markdown:
            if !u.contains(where: { $0 < 0x20 || $0 == 0x7C || $0 == 0x7F || $0 == 0xC2 }) { b.append(bytes: u); return }
            b.append(MarkdownWriter.cell(String(decoding: u, as: UTF8.self)))
        }
    }

    private static let hex: [UInt8] = Array("0123456789abcdef".utf8)
}
