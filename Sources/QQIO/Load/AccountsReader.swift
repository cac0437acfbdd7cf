import QQData

/// Accounts read from a file: handles in row order, and the other columns typed.
struct AccountsData: Sendable {
    var index: HandleIndex
    var names: [String]
    var columns: [Column]
}

/// Reads an accounts file (SPEC §2): a header; the key column found by name (`handle`,
/// `id`, `username`, `screen_name`, `user_id`) or the first one becomes `handle`; the
/// other columns get inferred types. A handle repeated is an error at its second row.
enum AccountsReader {
    static let keyNames = ["handle", "id", "username", "screen_name", "user_id"]

    static func read(path: String, options: LoadOptions) throws(Diagnostic) -> (AccountsData, [Diagnostic]) {
        let reader = try DelimitedReader(path: path, lenient: options.lenient)
        if reader.isAtEnd {
            throw Diagnostic(.io, "empty file: expected a header line naming the account columns",
                             position: FilePosition(file: path, line: reader.lineBase + 1, column: 1))
        }
        let headerLine = reader.lineBase + 1
        let header = try reader.readHeader()
        var names = header.map { $0.text.trimmingSpaces }
        if names.allSatisfy({ $0.isEmpty }) {
            throw Diagnostic(.io, "no usable columns: expected column names in the header line",
                             position: FilePosition(file: path, line: headerLine, column: 1))
        }
        for i in names.indices where names[i].isEmpty { names[i] = "column\(i + 1)" }
        let lower = names.map { $0.lowercased() }
        let key = keyNames.lazy.compactMap { lower.firstIndex(of: $0) }.first ?? 0
        var seen: [String: Int] = [:]
        for (i, n) in names.enumerated() where i != key {
            if n == "handle" || seen[n] != nil {
                throw Diagnostic(.io, "duplicate column name '\(n)'", position: FilePosition(file: path, line: headerLine, column: 1),
                                 hint: "rename one of the columns")
            }
            seen[n] = i
        }
        if reader.isAtEnd {
            throw Diagnostic(.io, "header only: expected account rows after the header line",
                             position: FilePosition(file: path, line: reader.lineBase + 1, column: 1))
        }
        var consumer = AccountsConsumer(path: path, fieldCount: names.count, key: key, lenient: options.lenient)
        options.progress.begin("reading \(basename(path))", total: reader.source.fileSize)
        defer { options.progress.end() }
        try reader.run(&consumer, progress: options.progress)
        let fileQuotes = consumer.quotedFields == consumer.nonNullFields && consumer.nonNullFields > 0
        var columns: [Column] = []
        var columnNames: [String] = []
        for (slot, i) in names.indices.filter({ $0 != key }).enumerated() {
            // Typing a column of millions of cells takes a while: Ctrl-C between columns.
            try Cancellation.check()
            columnNames.append(names[i])
            var c = RawColumn.finish(consumer.chunks.map { $0[slot] }, fileQuotesEverything: fileQuotes)
            if TimeColumnName.matches(names[i]), let t = TimeColumnName.unixColumn(c) { c = t }
            columns.append(c)
        }
        var warnings: [Diagnostic] = []
        let skipped = reader.skipped + consumer.duplicates.count
        if skipped > 0 {
            let all = (reader.issues + consumer.duplicates).sorted { ($0.position?.line ?? 0) < ($1.position?.line ?? 0) }
            let first = Array(all.prefix(RecordScanner.issuesKept))
            warnings.append(Diagnostic(.io, "skipped \(skipped) bad row\(skipped == 1 ? "" : "s") in '\(path)'",
                                       position: first.first?.position,
                                       notes: first.map { d in "\(d.position.map { "\($0.file):\($0.line):\($0.column)" } ?? path): \(d.message)" },
                                       severity: .warning))
        }
        return (AccountsData(index: consumer.index, names: columnNames, columns: columns), warnings)
    }
}

func basename(_ path: String) -> String {
    var p = Substring(path)
    while p.count > 1 && p.hasSuffix("/") { p.removeLast() }
    if let slash = p.lastIndex(of: "/") { return String(p[p.index(after: slash)...]) }
    return String(p)
}

/// Collects the raw columns of every chunk and numbers the handles in file order.
struct AccountsConsumer: ChunkConsumer {
    let path: String
    let fieldCount: Int
    let key: Int
    let lenient: Bool
    var index = HandleIndex()
    var chunks: [[RawColumn]] = []
    var quotedFields = 0
    var nonNullFields = 0
    var duplicates: [Diagnostic] = []

    init(path: String, fieldCount: Int, key: Int, lenient: Bool) {
        self.path = path; self.fieldCount = fieldCount; self.key = key; self.lenient = lenient
    }

    func makeSink(bytes: Int) -> AccountsSink { AccountsSink(fieldCount: fieldCount, key: key) }

    mutating func absorb(_ sinks: inout [AccountsSink], lineBases: [Int]) throws(Diagnostic) {
        for (k, sink) in sinks.enumerated() {
            var keep: [Bool]? = nil
            let keys = sink.keys
            index.reserveCapacity(index.count + keys.count)
            keys.bytes.withUnsafeBufferPointer { kb in
                for j in 0..<keys.count {
                    let (id, inserted) = index.insert(utf8: UnsafeBufferPointer(rebasing: kb[keys.range(j)]), hash: sink.hashes[j])
                    if inserted { continue }
                    if keep == nil { keep = [Bool](repeating: true, count: keys.count) }
                    keep![j] = false
                    duplicates.append(Diagnostic(
                        .io, "duplicate handle '\(keys[j])': expected each account once",
                        position: FilePosition(file: path, line: lineBases[k] + Int(sink.lines[j]) + 1, column: Int(sink.keyColumns[j])),
                        hint: "'\(keys[j])' is account #\(id + 1) of this file"))
                }
            }
            if let keep {
                if !lenient { throw duplicates[0] }
                chunks.append(sink.cells.map { $0.filtered(keep) })
            } else {
                chunks.append(sink.cells)
            }
            quotedFields += sink.quoted
            nonNullFields += sink.nonNull
        }
    }
}

/// Splits each row of one chunk into its key and raw column cells.
struct AccountsSink: RecordSink {
    let fieldCount: Int
    let key: Int
    var keys = StringStore()
    var hashes: [UInt64] = []
    var lines: [UInt32] = []
    var keyColumns: [UInt32] = []
    var cells: [RawColumn]
    var quoted = 0
    var nonNull = 0
    private var scratch: [UInt8] = []

    init(fieldCount: Int, key: Int) {
        self.fieldCount = fieldCount; self.key = key
        cells = [RawColumn](repeating: RawColumn(), count: fieldCount - 1)
    }

    mutating func record(_ r: RecordView) throws(RowIssue) {
        if r.count != fieldCount { throw EdgeSink.ragged(r, expected: fieldCount) }
        let kf = r.fields[key]
        if kf.start == kf.end {
            throw RowIssue(offset: kf.start, message: "expected a handle, found an empty field")
        }
        r.withBytes(key, scratch: &scratch) { b in
            keys.appendBytes(b)
            hashes.append(HandleIndex.hash(bytes: b))
        }
        lines.append(UInt32(truncatingIfNeeded: r.line))
        var col = 1
        if key > 0 {
            let f0 = r.fields[0]
            var k = f0.quoted ? f0.start - 1 : f0.start
            let end = kf.quoted ? kf.start - 1 : kf.start
            while k < end { if r.base[k] & 0xC0 != 0x80 { col += 1 }; k += 1 }
        }
        keyColumns.append(UInt32(truncatingIfNeeded: col))
        nonNull += 1
        if kf.quoted { quoted += 1 }
        var slot = 0
        for c in 0..<fieldCount where c != key {
            if r.isNull(c) {
                cells[slot].appendNull()
            } else {
                nonNull += 1
                let q = r.fields[c].quoted
                if q { quoted += 1 }
                r.withBytes(c, scratch: &scratch) { b in cells[slot].append(b, quoted: q) }
            }
            slot += 1
        }
    }
}
