import QQData

/// Turns a result table into text in any `OutputFormat` (SPEC §6). Headless: it
/// returns text or bytes, and the shell or `export` writes them.
///
/// - `table`: box drawing fitted to `options.width`, numbers right-aligned with
///   thousands separators, `… N more rows` past `options.maxRows` (0 = no limit);
/// - `csv`, `tsv`: header line of column names, null = empty field, booleans
///   `true`/`false`, dates ISO, floats in shortest round-trip text;
/// - `json` (an array of objects), `jsonl` (one object per line), `markdown`;
/// - `line`: `column = value` per line, a blank line between rows.
///
/// Every format except `table` writes every row and exact values, and every
/// result ends with a newline (an empty string for csv/tsv/markdown of a table
/// without columns).
public enum TableRenderer {
    /// The whole table as text in `options.format`.
    public static func render(_ t: Table, options: RenderOptions) -> String {
        if options.format == .table { return BoxTable.render(t, options: options) }
        return String(decoding: renderUTF8(t, options: options), as: UTF8.self)
    }

    /// The table as UTF-8 bytes (what `export` writes to a file).
    public static func renderUTF8(_ t: Table, options: RenderOptions) -> [UInt8] {
        if options.format == .table { return Array(BoxTable.render(t, options: options).utf8) }
        var out = ByteBuffer()
        do {
            try ExactWriter.write(t, options.format, into: &out) { (_: inout ByteBuffer) throws(Diagnostic) in }
        } catch {
            preconditionFailure("a writer that never flushes cannot fail")
        }
        return out.bytes
    }

    /// Streams the table to `emit` in chunks of about 64 KiB, polling
    /// `Cancellation.check()` between chunks, so a million-row export never holds
    /// the whole text and Ctrl-C stops it. The chunks joined equal `render`'s text.
    ///
    /// - Complexity: O(rows × columns); memory O(chunk) for csv, tsv, json and jsonl,
    ///   while markdown reads the rows twice (widths, then text).
    public static func write(_ t: Table, options: RenderOptions,
                             emit: ([UInt8]) throws(Diagnostic) -> Void) throws(Diagnostic) {
        if options.format == .table { try emit(Array(BoxTable.render(t, options: options).utf8)); return }
        var out = ByteBuffer(capacity: chunkSize * 2)
        try ExactWriter.write(t, options.format, into: &out) { (b: inout ByteBuffer) throws(Diagnostic) in
            try Cancellation.check()
            if b.bytes.count >= chunkSize {
                try emit(b.bytes)
                b.bytes.removeAll(keepingCapacity: true)
            }
        }
        if !out.bytes.isEmpty { try emit(out.bytes) }
    }

    static let chunkSize = 1 << 16

    /// Prints a result that is produced a block of rows at a time (the printer of
    /// SPEC §6): csv, tsv, json, jsonl and line ask `rows` for one block after the
    /// other and hand each block's text to `emit` before the next is made, so the
    /// first row shows at once and memory stays O(block); the table format asks
    /// only for the rows it shows (`maxRows`), or for all of them when it shows
    /// every row; markdown sizes its columns over the whole table. Every loop polls
    /// `Cancellation.check()`, so Ctrl-C stops the output between blocks.
    public static func stream(_ rows: RowSource, options: RenderOptions,
                              emit: (String) throws(Diagnostic) -> Void) throws(Diagnostic) {
        switch options.format {
        case .table:
            let shown = options.maxRows > 0 ? min(options.maxRows, rows.count) : rows.count
            let t = try rows.block(0..<shown)
            try emit(try BoxTable.render(t, options: options, totalRows: rows.count, cancellable: true))
        case .markdown:
            let t = try rows.block(0..<rows.count)
            try write(t, options: options) { (b: [UInt8]) throws(Diagnostic) in try emit(String(decoding: b, as: UTF8.self)) }
        case .csv, .tsv, .json, .jsonl, .line:
            var out = ByteBuffer(capacity: chunkSize * 2)
            ExactWriter.header(rows.names, options.format, into: &out)
            var start = 0
            // A small first block: the first rows show before the rest is made.
            var size = 256
            while start < rows.count {
                try Cancellation.check()
                let range = start..<min(start + size, rows.count)
                let t = try rows.block(range)
                try ExactWriter.rows(t, options.format, offset: start, into: &out) { (_: inout ByteBuffer) throws(Diagnostic) in }
                if start == 0 || out.bytes.count >= chunkSize {
                    try emit(String(decoding: out.bytes, as: UTF8.self))
                    out.bytes.removeAll(keepingCapacity: true)
                }
                start = range.upperBound
                size = ExactWriter.blockRows
            }
            ExactWriter.footer(options.format, rowCount: rows.count, columns: rows.names.count, into: &out)
            if !out.bytes.isEmpty { try emit(String(decoding: out.bytes, as: UTF8.self)) }
        }
    }
}

/// A result the printer reads a block of rows at a time (`TableRenderer.stream`):
/// its column names, its row count, and the rows of a range as a table (made only
/// when asked for, so a 20-million-row result is never held whole).
public struct RowSource {
    public var names: [String]
    public var count: Int
    public var block: (Range<Int>) throws(Diagnostic) -> Table

    public init(names: [String], count: Int, block: @escaping (Range<Int>) throws(Diagnostic) -> Table) {
        self.names = names; self.count = count; self.block = block
    }

    /// A table already made.
    public init(_ t: Table) {
        self.init(names: t.names, count: t.rowCount) { r in
            r == 0..<t.rowCount ? t : t.gather(r.map { UInt32($0) })
        }
    }
}

/// The export format a file name asks for (SPEC §4 `export "file.csv"`).
public enum ExportFormat {
    /// By extension, case-insensitively: `.csv`, `.tsv`, `.json`, `.jsonl` (also
    /// `.ndjson`), `.md` (also `.markdown`); nil for anything else.
    public static func forPath(_ path: String) -> OutputFormat? {
        let name = path.split(separator: "/", omittingEmptySubsequences: false).last ?? ""
        guard let dot = name.lastIndex(of: "."), dot != name.startIndex else { return nil }
        switch name[name.index(after: dot)...].lowercased() {
        case "csv": return .csv
        case "tsv": return .tsv
        case "json": return .json
        case "jsonl", "ndjson": return .jsonl
        case "md", "markdown": return .markdown
        default: return nil
        }
    }

    /// The extensions `forPath` knows, for error messages and completion.
    public static let extensions = ["csv", "tsv", "json", "jsonl", "md"]
}
