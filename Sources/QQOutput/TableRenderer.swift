import QQData

/// Turns a result table into text in any `OutputFormat` (SPEC §6). Headless: it
/// returns text or bytes, and the shell or `export` writes them.
///
/// - `table`: box drawing fitted to `options.width`, numbers right-aligned with
///   thousands separators, `… N more rows` past `options.maxRows` (0 = no limit);
/// - `csv`, `tsv`: header line of column names, null = empty field, booleans
///   `true`/`false`, dates ISO, floats in shortest round-trip text;
/// - `json` (an array of objects), `jsonl` (one object per line), `markdown`.
///
/// Every format except `table` writes every row and exact values, and every
/// result ends with a newline (an empty string for csv/tsv/markdown of a table
/// without columns).
public enum TableRenderer {
    /// The whole table as text in `options.format`.
    public static func render(_ t: Table, options: RenderOptions) -> String {
        switch options.format {
        case .table: return BoxTable.render(t, options: options)
        case .markdown: return MarkdownWriter.render(t)
        default: return String(decoding: renderUTF8(t, options: options), as: UTF8.self)
        }
    }

    /// The table as UTF-8 bytes (what `export` writes to a file).
    public static func renderUTF8(_ t: Table, options: RenderOptions) -> [UInt8] {
        switch options.format {
        case .table, .markdown: return Array(render(t, options: options).utf8)
        default:
            var b = ByteBuffer()
            exact(t, options.format, into: &b)
            return b.bytes
        }
    }

    /// Streams the table in chunks of about 64 KiB to `emit`, polling
    /// `Cancellation.check()` between chunks, so a million-row export never holds
    /// the whole text and Ctrl-C stops it.
    ///
    /// - Complexity: O(rows × columns), memory O(chunk) for csv/tsv/json/jsonl.
    public static func write(_ t: Table, options: RenderOptions,
                             emit: ([UInt8]) throws(Diagnostic) -> Void) throws(Diagnostic) {
        switch options.format {
        case .table, .markdown:
            try emit(Array(render(t, options: options).utf8))
        default:
            var buffer = ByteBuffer(capacity: chunkSize + 4096)
            try exactStreaming(t, options.format, buffer: &buffer, emit: emit)
            if !buffer.bytes.isEmpty { try emit(buffer.bytes) }
        }
    }

    static let chunkSize = 1 << 16

    private static func exact(_ t: Table, _ format: OutputFormat, into b: inout ByteBuffer) {
        switch format {
        case .csv: rows(DelimitedFormat(separator: UInt8(ascii: ",")), t, into: &b)
        case .tsv: rows(DelimitedFormat(separator: 9), t, into: &b)
        case .json: rows(JSONFormat(names: t.names, lines: false), t, into: &b)
        case .jsonl: rows(JSONFormat(names: t.names, lines: true), t, into: &b)
        case .table, .markdown: b.append(render(t, options: RenderOptions(format: format)))
        }
    }

    private static func rows<F: ExactRowFormat>(_ f: F, _ t: Table, into b: inout ByteBuffer) {
        f.begin(t, into: &b)
        for r in 0..<t.rowCount { f.row(t, r, first: r == 0, into: &b) }
        f.end(t, rows: t.rowCount, into: &b)
    }

    private static func exactStreaming(_ t: Table, _ format: OutputFormat, buffer b: inout ByteBuffer,
                                       emit: ([UInt8]) throws(Diagnostic) -> Void) throws(Diagnostic) {
        switch format {
        case .csv: try streamRows(DelimitedFormat(separator: UInt8(ascii: ",")), t, &b, emit)
        case .tsv: try streamRows(DelimitedFormat(separator: 9), t, &b, emit)
        case .json: try streamRows(JSONFormat(names: t.names, lines: false), t, &b, emit)
        case .jsonl: try streamRows(JSONFormat(names: t.names, lines: true), t, &b, emit)
        case .table, .markdown: b.append(render(t, options: RenderOptions(format: format)))
        }
    }

    private static func streamRows<F: ExactRowFormat>(_ f: F, _ t: Table, _ b: inout ByteBuffer,
                                                      _ emit: ([UInt8]) throws(Diagnostic) -> Void) throws(Diagnostic) {
        f.begin(t, into: &b)
        for r in 0..<t.rowCount {
            f.row(t, r, first: r == 0, into: &b)
            if b.bytes.count >= chunkSize {
                try Cancellation.check()
                try emit(b.bytes)
                b.bytes.removeAll(keepingCapacity: true)
            }
        }
        f.end(t, rows: t.rowCount, into: &b)
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
