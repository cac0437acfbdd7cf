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
