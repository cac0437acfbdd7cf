#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import QQData

/// Consumes the chunks of a delimited file: makes one sink per chunk, then absorbs
/// the finished sinks in file order (so ids and rows keep the order of the file).
protocol ChunkConsumer {
    associatedtype Sink: RecordSink
    /// A sink for a chunk of about `bytes` bytes.
    func makeSink(bytes: Int) -> Sink
    /// `sinks` in file order; `lineBases[k]` is the 0-based file line of chunk k's start.
    mutating func absorb(_ sinks: inout [Sink], lineBases: [Int]) throws(Diagnostic)
}

/// Reads a CSV/TSV/whitespace file block by block (64 MiB at most in memory), and
/// scans each large block as two chunks on two cores. The second chunk starts after
/// the first line end past the middle; if the first chunk's last record runs past that
/// point (a quoted field spanning lines), the second chunk is scanned again from where
/// the first really ended, so the speculation never changes the result.
final class DelimitedReader {
    let path: String
    let source: ByteSource
    private(set) var dialect: Dialect
    let lenient: Bool
    private var buffer: UnsafeMutablePointer<UInt8>
    private var capacity: Int
    private var filled = 0
    private var start = 0
    private var eof = false
    /// Line ends before `start` (so `start` is on line `lineBase + 1`).
    private(set) var lineBase = 0
    private(set) var skipped = 0
    private(set) var issues: [Diagnostic] = []
    static let blockSize = 1 << 26
    static let parallelMinimum = 1 << 20

    init(path: String, lenient: Bool, dialect: Dialect? = nil) throws(Diagnostic) {
        self.path = path
        self.lenient = lenient
        source = try ByteSource(path: path)
        capacity = source.isGzip ? DelimitedReader.blockSize : max(4096, min(DelimitedReader.blockSize, source.fileSize + 16))
        buffer = .allocate(capacity: capacity)
        self.dialect = .csv
        try fill()
        if filled - start >= 3 && buffer[0] == 0xEF && buffer[1] == 0xBB && buffer[2] == 0xBF { start = 3 }
        self.dialect = dialect ?? Dialect.sniff(UnsafeBufferPointer(start: buffer + start, count: min(filled - start, 1 << 16)), path: path)
        skipLeadingComments()
    }

    deinit { buffer.deallocate() }

    /// True when nothing but blank lines and comments is left.
    var isAtEnd: Bool { start >= filled && eof }

    func position(line: Int, column: Int) -> FilePosition { FilePosition(file: path, line: line, column: column) }

    /// How much `fill` reads: it starts at 4 MiB and doubles up to the buffer's size, so
    /// that the handles of the first rows are indexed (and shared by both cores) early;
    /// until a handle is in the index each core numbers it on its own, which costs more.
    private var fillTarget = 1 << 22

    /// Moves unread bytes to the front and reads until the buffer holds `fillTarget`
    /// bytes (or is full) or the data ends.
    private func fill() throws(Diagnostic) {
        if start > 0 {
            let rest = filled - start
            if rest > 0 { memmove(buffer, buffer + start, rest) }
            filled = rest; start = 0
        }
        let goal = min(capacity, max(fillTarget, filled + 1))
        fillTarget = min(fillTarget * 2, capacity)
        while !eof && filled < goal {
            let n = try source.read(into: buffer + filled, count: goal - filled)
            if n == 0 { eof = true } else { filled += n }
        }
    }

    /// Skips blank lines and `#` comment lines before the first record.
    private func skipLeadingComments() {
        while start < filled {
            let c = buffer[start]
            if c == 10 || c == 13 || c == 35 || (c == 37 && dialect.separator != Dialect.csv.separator) {
                var j = start
                while j < filled && buffer[j] != 10 && buffer[j] != 13 { j += 1 }
                if j < filled && buffer[j] == 13 && j + 1 < filled && buffer[j + 1] == 10 { j += 1 }
                start = min(j + 1, filled)
                lineBase += 1
            } else { return }
        }
    }

    /// About how many lines the file holds: line ends in the first MiB of what is
    /// buffered, scaled by the file's size; nil for gzip input or a file already ended.
    var estimatedLines: Int? {
        guard !source.isGzip, source.fileSize > 0, filled > start else { return nil }
        let end = min(filled, start + (1 << 20))
        var lines = 0
        for k in start..<end where buffer[k] == 10 { lines += 1 }
        guard lines > 0 else { return nil }
        return Int(Double(source.fileSize) * Double(lines) / Double(end - start)) + 1
    }

    /// The next few records as text, without consuming them (header and type sniffing).
    func peek(_ count: Int) -> [[PeekField]] {
        var sink = CollectSink(limit: count)
        var scanner = RecordScanner(dialect: dialect, lenient: true)
        // Scan a prefix long enough for `count` lines.
        var end = start, lines = 0
        while end < filled && lines < count * 4 + 4 {
            if buffer[end] == 10 { lines += 1 }
            end += 1
        }
        _ = scanner.scan(buffer, from: start, to: end, atEOF: end == filled && eof, sink: &sink)
        return sink.rows
    }

    /// Consumes one record (the header) and returns its fields.
    func readHeader() throws(Diagnostic) -> [PeekField] {
        var sink = CollectSink(limit: 1)
        var scanner = RecordScanner(dialect: dialect, lenient: false)
        var end = start
        while end < filled && buffer[end] != 10 && buffer[end] != 13 { end += 1 }
        var to = filled
        if end < filled { to = buffer[end] == 13 && end + 1 < filled && buffer[end + 1] == 10 ? end + 2 : end + 1 }
        // One byte past the line end, so that a lone CR can be told from CRLF; `stopAt`
        // keeps the scan to this one record.
        let limit = min(to + 1, filled)
        let r = scanner.scan(buffer, from: start, to: limit, stopAt: to, atEOF: limit == filled && eof, sink: &sink)
        if let f = r.fatal { throw Diagnostic(.io, f.message, position: position(line: lineBase + f.line + 1, column: f.column), hint: f.hint) }
        guard let header = sink.rows.first else {
            throw Diagnostic(.io, "expected a header line", position: position(line: lineBase + 1, column: 1))
        }
        start = r.end
        lineBase += r.lines
        skipBlankLines()
        return header
    }

    private func skipBlankLines() {
        while start < filled && (buffer[start] == 10 || buffer[start] == 13) {
            if buffer[start] == 10 || !(start + 1 < filled && buffer[start + 1] == 10) { lineBase += 1 }
            start += 1
        }
    }

    /// Scans every remaining record into sinks made by `consumer`, block by block.
    func run<C: ChunkConsumer>(_ consumer: inout C, progress: any ProgressSink) throws(Diagnostic) {
        var scanner = [RecordScanner](repeating: RecordScanner(dialect: dialect, lenient: lenient), count: 2)
        while true {
            let from = start, to = filled
            if from >= to && eof { break }
            var sinks: [C.Sink] = []
            var scans: [ChunkScan] = []
            var split = -1
            if to - from >= DelimitedReader.parallelMinimum {
                var s = from + (to - from) / 2
                while s < to && buffer[s] != 10 { s += 1 }
                if s + 1 < to { split = s + 1 }
            }
            if split > 0 {
                var pair = [consumer.makeSink(bytes: split - from), consumer.makeSink(bytes: to - split)]
                let base = buffer, atEOF = eof, sp = split
                let results = pair.withUnsafeMutableBufferPointer { sinkp in
                    scanner.withUnsafeMutableBufferPointer { scp in
                        let sinkBox = UncheckedSendable(sinkp.baseAddress!), scBox = UncheckedSendable(scp.baseAddress!)
                        return Parallel.map(2) { k in
                            k == 0
                                ? scBox.value[0].scan(base, from: from, to: to, stopAt: sp, atEOF: atEOF, sink: &sinkBox.value[0])
                                : scBox.value[1].scan(base, from: sp, to: to, atEOF: atEOF, sink: &sinkBox.value[1])
                        }
                    }
                }
                sinks.append(pair[0]); scans.append(results[0])
                if results[0].fatal == nil && !results[0].incomplete && results[0].end == split {
                    sinks.append(pair[1]); scans.append(results[1])
                } else if results[0].fatal == nil {
                    var again = consumer.makeSink(bytes: to - results[0].end)
                    scans.append(scanner[1].scan(buffer, from: results[0].end, to: to, atEOF: eof, sink: &again))
                    sinks.append(again)
                }
            } else {
                var sink = consumer.makeSink(bytes: to - from)
                scans.append(scanner[0].scan(buffer, from: from, to: to, atEOF: eof, sink: &sink))
                sinks.append(sink)
            }
            try Cancellation.check()
            var lineBases: [Int] = []
            var line = lineBase
            for s in scans {
                lineBases.append(line)
                for issue in s.issues where issues.count < RecordScanner.issuesKept {
                    issues.append(diagnostic(issue, lineBase: line))
                }
                skipped += s.skipped
                if let f = s.fatal { throw diagnostic(f, lineBase: line) }
                line += s.lines
            }
            try consumer.absorb(&sinks, lineBases: lineBases)
            let last = scans[scans.count - 1]
            start = last.end
            lineBase = line
            progress.update(source.consumed)
            if last.incomplete && start == from && filled == capacity {
                // One record is larger than the buffer: grow it.
                guard capacity < 1 << 30 else {
                    throw Diagnostic(.io, "a record longer than 1 GiB", position: position(line: lineBase + 1, column: 1))
                }
                let bigger = UnsafeMutablePointer<UInt8>.allocate(capacity: capacity * 2)
                bigger.update(from: buffer + start, count: filled - start)
                buffer.deallocate()
                buffer = bigger; capacity *= 2; filled -= start; start = 0
            }
            if eof && start >= filled { break }
            try fill()
        }
    }

    func diagnostic(_ issue: LocatedIssue, lineBase: Int) -> Diagnostic {
        Diagnostic(.io, issue.message, position: position(line: lineBase + issue.line + 1, column: issue.column), hint: issue.hint)
    }

    /// A warning that sums up the rows skipped in lenient mode, with the first few.
    var skippedWarning: Diagnostic? {
        guard skipped > 0 else { return nil }
        let notes = issues.map { d in "\(d.position.map { "\($0.file):\($0.line):\($0.column)" } ?? path): \(d.message)" }
        return Diagnostic(.io, "skipped \(skipped) bad row\(skipped == 1 ? "" : "s") in '\(path)'",
                          position: issues.first?.position, notes: notes, severity: .warning)
    }
}

/// A field seen by `peek`/`readHeader`: its text and whether it was null or quoted.
struct PeekField: Sendable {
    var text: String
    var isNull: Bool
    var quoted: Bool
}

/// Collects the first records as text.
struct CollectSink: RecordSink {
    var limit: Int
    var rows: [[PeekField]] = []
    mutating func record(_ r: RecordView) throws(RowIssue) {
        guard rows.count < limit else { return }
        rows.append((0..<r.count).map { PeekField(text: r.string($0), isNull: r.isNull($0), quoted: r.fields[$0].quoted) })
    }
}
