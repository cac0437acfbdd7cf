import QQData

/// `read "file"` (SPEC §7): a plain table from a CSV/TSV file (or `.jsonl`), gzip or
/// not. Columns are typed as `load accounts` types them (int, float, bool, date,
/// string; empty fields null) but keep their names: no key column, no renaming, no
/// handles. Errors name `file:line:column`.
public enum TableReader {
    public static func read(path: String, options: LoadOptions = LoadOptions()) throws(Diagnostic) -> Table {
        guard AtomicFile.exists(path) else { throw Diagnostic(.io, "cannot open '\(path)': no such file") }
        let lower = path.lowercased()
        if lower.hasSuffix(".jsonl") || lower.hasSuffix(".ndjson") || lower.hasSuffix(".jsonl.gz") || lower.hasSuffix(".ndjson.gz") {
            return try JSONLReader.read(path: path)
        }
        let reader = try DelimitedReader(path: path, lenient: options.lenient)
        if reader.isAtEnd {
            throw Diagnostic(.io, "empty file: expected a header line naming the columns",
                             position: FilePosition(file: path, line: reader.lineBase + 1, column: 1))
        }
        let headerLine = reader.lineBase + 1
        var names = try reader.readHeader().map { $0.text.trimmingSpaces }
        for i in names.indices where names[i].isEmpty { names[i] = "column\(i + 1)" }
        var seen = Set<String>()
        for n in names where !seen.insert(n).inserted {
            throw Diagnostic(.io, "duplicate column name '\(n)'", position: FilePosition(file: path, line: headerLine, column: 1),
                             hint: "rename one of the columns")
        }
        var consumer = TableConsumer(fieldCount: names.count)
        options.progress.begin("reading \(basename(path))", total: reader.source.fileSize)
        defer { options.progress.end() }
        try reader.run(&consumer, progress: options.progress)
        let fileQuotes = consumer.quotedFields == consumer.nonNullFields && consumer.nonNullFields > 0
        var columns: [Column] = []
        for slot in names.indices {
            try Cancellation.check()
            columns.append(RawColumn.finish(consumer.chunks.map { $0[slot] }, fileQuotesEverything: fileQuotes))
        }
        if columns.isEmpty { return Table(rowCount: 0) }
        return Table(names: names, columns: columns)
    }
}

/// Collects every chunk's raw columns in file order.
struct TableConsumer: ChunkConsumer {
    let fieldCount: Int
    var chunks: [[RawColumn]] = []
    var quotedFields = 0
    var nonNullFields = 0

    func makeSink(bytes: Int) -> TableSink { TableSink(fieldCount: fieldCount) }

    mutating func absorb(_ sinks: inout [TableSink], lineBases: [Int]) throws(Diagnostic) {
        for s in sinks {
            chunks.append(s.cells)
            quotedFields += s.quoted
            nonNullFields += s.nonNull
        }
    }
}

/// Splits each row of one chunk into raw column cells.
struct TableSink: RecordSink {
    let fieldCount: Int
    var cells: [RawColumn]
    var quoted = 0
    var nonNull = 0
    private var scratch: [UInt8] = []

    init(fieldCount: Int) {
        self.fieldCount = fieldCount
        cells = [RawColumn](repeating: RawColumn(), count: fieldCount)
    }

    mutating func record(_ r: RecordView) throws(RowIssue) {
        if r.count != fieldCount { throw EdgeSink.ragged(r, expected: fieldCount) }
        for c in 0..<fieldCount {
            if r.isNull(c) { cells[c].appendNull(); continue }
            nonNull += 1
            let q = r.fields[c].quoted
            if q { quoted += 1 }
            r.withBytes(c, scratch: &scratch) { b in cells[c].append(b, quoted: q) }
        }
    }
}
