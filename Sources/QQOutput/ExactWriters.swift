import QQData

/// The exact formats (csv, tsv, json, jsonl, line, markdown): every row, every value in
/// full. Rows are encoded in blocks of 4096 by `CellBlock`, then laid out row by
/// row; after each block `afterBlock` may flush the output (streaming export) or
/// leave it to grow (`render`).
///
/// - json: `[`, one object per line indented by two spaces, `]`; keys in column order.
/// - jsonl: one compact object per line.
/// - markdown: GitHub table, padded so the source reads as a table; numeric
///   columns right-aligned (`---:`) and written as the terminal shows them
///   (`CellFormatter`: `308`, `12,345`, `0.00419720`), since markdown is for reading
///   (slides, handouts); csv and json keep the exact values.
enum ExactWriter {
    static let blockRows = 4096

    static func write(_ t: Table, _ format: OutputFormat, into out: inout ByteBuffer,
                      afterBlock: (inout ByteBuffer) throws(Diagnostic) -> Void) throws(Diagnostic) {
        switch format {
        case .markdown: try markdown(t, &out, afterBlock)
        case .table: out.append(BoxTable.render(t, options: RenderOptions(format: .table)))
        default:
            header(t.names, format, into: &out)
            try rows(t, format, offset: 0, into: &out, afterBlock: afterBlock)
            footer(format, rowCount: t.rowCount, columns: t.names.count, into: &out)
        }
    }

    /// Whether `format` can be written a block of rows at a time (`header`, `rows`
    /// per block, `footer`): every exact format but markdown, which sizes its columns.
    static func streams(_ format: OutputFormat) -> Bool {
        switch format {
        case .csv, .tsv, .json, .jsonl, .line: return true
        case .markdown, .table: return false
        }
    }

    /// What comes before the rows: the csv/tsv header line, json's `[`.
    static func header(_ names: [String], _ format: OutputFormat, into out: inout ByteBuffer) {
        switch format {
        case .csv, .tsv:
            guard !names.isEmpty else { return }
            let sep: UInt8 = format == .csv ? UInt8(ascii: ",") : 9
            for (c, name) in names.enumerated() {
                if c > 0 { out.append(sep) }
                CellBlock.text(name, format == .csv ? .csv : .tsv, into: &out)
            }
            out.append(10)
        case .json: out.append("[")
        default: break
        }
    }

    /// The rows of `t`, which are rows `offset…` of the whole result.
    static func rows(_ t: Table, _ format: OutputFormat, offset: Int, into out: inout ByteBuffer,
                     afterBlock: (inout ByteBuffer) throws(Diagnostic) -> Void) throws(Diagnostic) {
        switch format {
        case .csv: try delimited(t, UInt8(ascii: ","), .csv, &out, afterBlock)
        case .tsv: try delimited(t, 9, .tsv, &out, afterBlock)
        case .json, .jsonl: try json(t, lines: format == .jsonl, offset: offset, &out, afterBlock)
        case .line: try lines(t, offset: offset, &out, afterBlock)
        case .markdown, .table: break
        }
    }

    /// What comes after the rows: json's `]`.
    static func footer(_ format: OutputFormat, rowCount: Int, columns: Int, into out: inout ByteBuffer) {
        if format == .json { out.append(rowCount == 0 ? "]\n" : "\n]\n") }
    }

    private static func blocks(_ t: Table) -> StrideTo<Int> { stride(from: 0, to: t.rowCount, by: blockRows) }

    private static func delimited(_ t: Table, _ sep: UInt8, _ syntax: CellSyntax, _ out: inout ByteBuffer,
                                  _ afterBlock: (inout ByteBuffer) throws(Diagnostic) -> Void) throws(Diagnostic) {
        guard !t.columns.isEmpty else { return }
        var block = CellBlock()
        for start in blocks(t) {
            block.encode(t, rows: start..<min(start + blockRows, t.rowCount), syntax: syntax)
            block.bytes.bytes.withUnsafeBufferPointer { cells in
                for k in 0..<block.rowCount {
                    for c in 0..<t.columns.count {
                        if c > 0 { out.append(sep) }
                        out.append(bytes: UnsafeBufferPointer(rebasing: cells[block.range(c, k)]))
                    }
                    out.append(10)
                }
            }
            try afterBlock(&out)
        }
    }

    private static func json(_ t: Table, lines: Bool, offset: Int, _ out: inout ByteBuffer,
                             _ afterBlock: (inout ByteBuffer) throws(Diagnostic) -> Void) throws(Diagnostic) {
        let keys: [[UInt8]] = t.names.enumerated().map { c, name in
            var b = ByteBuffer()
            if c > 0 { b.append(lines ? "," : ", ") }
            CellBlock.text(name, .json, into: &b)
            b.append(lines ? ":" : ": ")
            return b.bytes
        }
        var block = CellBlock()
        for start in blocks(t) {
            block.encode(t, rows: start..<min(start + blockRows, t.rowCount), syntax: .json)
            block.bytes.bytes.withUnsafeBufferPointer { cells in
                for k in 0..<block.rowCount {
                    if !lines { out.append(offset + start + k == 0 ? "\n  " : ",\n  ") }
                    out.append(UInt8(ascii: "{"))
                    for c in 0..<t.columns.count {
                        out.append(bytes: keys[c])
                        out.append(bytes: UnsafeBufferPointer(rebasing: cells[block.range(c, k)]))
                    }
                    out.append(UInt8(ascii: "}"))
                    if lines { out.append(10) }
                }
            }
            try afterBlock(&out)
        }
    }

    /// DuckDB's `.mode line`: `name = value` per column, names right-aligned to the
    /// longest, values as in tsv (exact, one line each), a blank line between rows.
    private static func lines(_ t: Table, offset: Int, _ out: inout ByteBuffer,
                              _ afterBlock: (inout ByteBuffer) throws(Diagnostic) -> Void) throws(Diagnostic) {
        guard !t.columns.isEmpty else { return }
        let names = t.names.map(DisplayWidth.visible)
        let width = names.map(DisplayWidth.of).max() ?? 0
        let labels: [[UInt8]] = names.map { Array((String(repeating: " ", count: width - DisplayWidth.of($0)) + $0 + " = ").utf8) }
        var block = CellBlock()
        for start in blocks(t) {
            block.encode(t, rows: start..<min(start + blockRows, t.rowCount), syntax: .tsv)
            block.bytes.bytes.withUnsafeBufferPointer { cells in
                for k in 0..<block.rowCount {
                    if offset + start + k > 0 { out.append(10) }
                    for c in 0..<t.columns.count {
                        out.append(bytes: labels[c])
                        out.append(bytes: UnsafeBufferPointer(rebasing: cells[block.range(c, k)]))
                        out.append(10)
                    }
                }
            }
            try afterBlock(&out)
        }
    }

    private static func markdown(_ t: Table, _ out: inout ByteBuffer,
                                 _ afterBlock: (inout ByteBuffer) throws(Diagnostic) -> Void) throws(Diagnostic) {
        guard !t.columns.isEmpty else { return }
        let n = t.columns.count
        let header = t.names.map(MarkdownWriter.cell)
        let right = t.columns.map { $0.type.isNumeric }
        var widths = header.map { max(3, DisplayWidth.of($0)) }
        // Numbers as the terminal shows them, one decimal count per column.
        let shown: [[String]?] = zip(t.columns, t.names).map { col, name in
            guard col.type == .int || col.type == .float else { return nil }
            return CellFormatter.format(col, name: name, rows: t.rowCount, nullText: "").texts
        }
        var block = CellBlock()
        for start in blocks(t) {
            block.encode(t, rows: start..<min(start + blockRows, t.rowCount), syntax: .markdown)
            block.bytes.bytes.withUnsafeBufferPointer { cells in
                for c in 0..<n {
                    if let texts = shown[c] {
                        for k in 0..<block.rowCount { widths[c] = max(widths[c], texts[start + k].utf8.count) }
                        continue
                    }
                    for k in 0..<block.rowCount { widths[c] = max(widths[c], width(cells, block.range(c, k))) }
                }
            }
        }
        func padding(_ w: Int) { for _ in 0..<max(w, 0) { out.append(32) } }
        out.append("|")
        for c in 0..<n {
            out.append(" ")
            if right[c] { padding(widths[c] - DisplayWidth.of(header[c])) }
            out.append(header[c])
            if !right[c] { padding(widths[c] - DisplayWidth.of(header[c])) }
            out.append(" |")
        }
        out.append("\n|")
        for c in 0..<n {
            out.append(" " + String(repeating: "-", count: widths[c] - (right[c] ? 1 : 0)) + (right[c] ? ":" : "") + " |")
        }
        out.append(10)
        for start in blocks(t) {
            block.encode(t, rows: start..<min(start + blockRows, t.rowCount), syntax: .markdown)
            block.bytes.bytes.withUnsafeBufferPointer { cells in
                for k in 0..<block.rowCount {
                    out.append("|")
                    for c in 0..<n {
                        let r = block.range(c, k)
                        let text = shown[c]?[start + k]
                        let fill = widths[c] - (text.map { $0.utf8.count } ?? width(cells, r))
                        out.append(32)
                        if right[c] { padding(fill) }
                        if let text { out.append(text) } else { out.append(bytes: UnsafeBufferPointer(rebasing: cells[r])) }
                        if !right[c] { padding(fill) }
                        out.append(" |")
                    }
                    out.append(10)
                }
            }
            try afterBlock(&out)
        }
    }

    /// Display width of an encoded cell: its byte count when ASCII, else counted by `DisplayWidth`.
    private static func width(_ cells: UnsafeBufferPointer<UInt8>, _ r: Range<Int>) -> Int {
        var ascii = true
        for i in r where cells[i] >= 0x80 { ascii = false; break }
        if ascii { return r.count }
        return DisplayWidth.of(String(decoding: UnsafeBufferPointer(rebasing: cells[r]), as: UTF8.self))
    }
}
