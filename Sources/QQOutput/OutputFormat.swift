/// How results are written (SPEC §6 `--format`, `.format`, `set format`).
public enum OutputFormat: String, Sendable, CaseIterable {
    case table, csv, tsv, json, jsonl, markdown
    /// One `column = value` per line, a blank line between rows (DuckDB's `.mode line`):
    /// wide rows on a narrow terminal.
    case line

    /// Accepts the names of SPEC §6 and `md` for markdown.
    public init?(name: String) {
        if name == "md" { self = .markdown; return }
        self.init(rawValue: name)
    }
}

/// What the renderer needs to know about where output goes.
public struct RenderOptions: Sendable {
    public var format: OutputFormat
    /// Terminal width in columns (tables are fitted to it); 0 or less: no fitting,
    /// every column at full width (output that is not a terminal).
    public var width: Int
    /// Rows shown before the `… N more rows` footer (table format only); 0 = every row.
    public var maxRows: Int
    /// ANSI colour allowed.
    public var color: Bool

    public init(format: OutputFormat = .table, width: Int = 100, maxRows: Int = 40, color: Bool = false) {
        self.format = format; self.width = width; self.maxRows = maxRows; self.color = color
    }
}
