import QQData

/// Edges read from one file, endpoints as account ids.
struct EdgeList: Sendable {
    var src: [UInt32] = []
    var dst: [UInt32] = []
    /// Present for interaction layers (1 where the file has no weight).
    var weights: [Double]?
    /// Each row's time (`EdgeEvents.untimed` where empty), when the file has a time column.
    var times: [Int64]?
    /// Each row's layer (an index into `labelNames`), for `load layers`.
    var labels: [UInt32]?
    var labelNames: [String] = []
}

/// Reads an edge list (CSV, TSV or whitespace pairs) into ids of `handles`, adding the
/// handles it has not seen in order of first appearance (source before target).
///
/// Each chunk looks handles up in the index as it was before the block (read-only,
/// shared by both cores) and numbers unknown ones in a chunk-local table; merging the
/// chunks in file order then appends the new handles, which gives the same ids as a
/// single sequential pass.
enum EdgeReader {
    /// `weighted`: every row gets a weight (1 without a weight column); `keepWeights`:
    /// weights are read only when the file has a weight column (the follow layer, SPEC §9).
    static func read(path: String, handles: inout HandleIndex, weighted: Bool, keepWeights: Bool = false,
                     columns: EdgeColumns? = nil,
                     options: LoadOptions, label: String) throws(Diagnostic) -> (EdgeList, [Diagnostic]) {
        let reader = try DelimitedReader(path: path, lenient: options.lenient)
        let firstLine = reader.lineBase + 1
        if reader.isAtEnd {
            throw Diagnostic(.io, "empty file: expected an edge list (source and target on each line)",
                             position: FilePosition(file: path, line: firstLine, column: 1))
        }
        let peeked = reader.peek(6)
        var layout = try EdgeLayout.detect(peeked, path: path, line: firstLine)
        try layout.resolve(peeked.first?.map(\.text) ?? [], columns: columns, path: path, line: firstLine)
        if layout.hasHeader {
            _ = try reader.readHeader()
            if reader.isAtEnd {
                throw Diagnostic(.io, "header only: expected edges after the header line",
                                 position: FilePosition(file: path, line: reader.lineBase + 1, column: 1))
            }
        }
        let weighted = weighted || (keepWeights && layout.weight != nil)
        var consumer = EdgeConsumer(index: handles, layout: layout, weighted: weighted)
        if let lines = reader.estimatedLines {
            // Room for every row up front (5 % spare), so the lists never copy themselves
            // while growing; pages never written are never made resident.
            let rows = lines + lines / 20
            consumer.rowsPerByte = Double(lines) / Double(max(reader.source.fileSize, 1))
            consumer.list.src.reserveCapacity(rows)
            consumer.list.dst.reserveCapacity(rows)
            if weighted { consumer.list.weights!.reserveCapacity(rows) }
        }
        handles = HandleIndex(capacity: 0)
        options.progress.begin(label, total: reader.source.fileSize)
        defer { options.progress.end() }
        try reader.run(&consumer, progress: options.progress)
        handles = consumer.index
        if consumer.timeKinds.count > 1 {
            throw Diagnostic(.io, "the time column mixes ISO text and Unix seconds",
                             position: FilePosition(file: path, line: consumer.mixedLine, column: 1),
                             hint: "a time column holds one kind of value")
        }
        var warnings: [Diagnostic] = []
        if let w = reader.skippedWarning { warnings.append(w) }
        return (consumer.list, warnings)
    }
}

/// Merges chunk results: new handles get global ids, tagged ids are rewritten.
struct EdgeConsumer: ChunkConsumer {
    var index: HandleIndex
    let layout: EdgeLayout
    let weighted: Bool
    var list = EdgeList()

    init(index: HandleIndex, layout: EdgeLayout, weighted: Bool) {
        self.index = index; self.layout = layout; self.weighted = weighted
        if weighted { list.weights = [] }
        if layout.time != nil { list.times = [] }
        if layout.label != nil { list.labels = [] }
    }

    /// Kinds of time values seen so far (1 ISO text, 2 Unix seconds), and the first
    /// line of the chunk that brought a second kind.
    var timeKinds: Set<UInt8> = []
    var mixedLine = 0
    private var labelIndex: [String: UInt32] = [:]

    /// Appends a chunk's times and layer names (renumbered to the file's).
    mutating func absorbExtras(_ sink: EdgeSink, lineBase: Int) {
        if layout.time != nil {
            list.times!.append(contentsOf: sink.times)
            if sink.timeKind != 0 {
                if !timeKinds.isEmpty && !timeKinds.contains(sink.timeKind) && mixedLine == 0 { mixedLine = lineBase + 1 }
                timeKinds.insert(sink.timeKind)
            }
        }
        if layout.label != nil {
            var remap: [UInt32] = []
            for name in sink.labelNames {
                if let id = labelIndex[name] { remap.append(id) } else {
                    let id = UInt32(list.labelNames.count)
                    labelIndex[name] = id; list.labelNames.append(name); remap.append(id)
                }
            }
            list.labels!.append(contentsOf: sink.labels.map { remap[Int($0)] })
        }
    }

    /// New handles per byte in the blocks read so far (a guess before the first), to
    /// size each chunk's table of new handles so that it does not grow by rehashing.
    var freshPerByte = 1.0 / 32

    /// Rows per byte of the file (from its first MiB; 0 when unknown), to size the
    /// chunks' id lists.
    var rowsPerByte = 0.0
    /// Id lists of absorbed chunks, kept for the next ones: reusing their memory spares
    /// the kernel zeroing fresh pages for every block.
    let pool = IdListPool()

    func makeSink(bytes: Int) -> EdgeSink {
        let expected = Int(freshPerByte * Double(bytes) * 1.25) + 64
        var sink = EdgeSink(known: index, layout: layout, weighted: weighted, bytes: bytes, freshCapacity: min(expected, 1 << 22))
        let rows = Int(Double(bytes) * rowsPerByte * 1.05) + 16
        sink.src = pool.take(capacity: rows)
        sink.dst = pool.take(capacity: rows)
        return sink
    }

    mutating func absorb(_ sinks: inout [EdgeSink], lineBases: [Int]) throws(Diagnostic) {
        // Drop the sinks' references to the index first, so that growing it does not copy it.
        for k in sinks.indices { sinks[k].known = HandleIndex(capacity: 0) }
        let freshCount = sinks.reduce(0) { $0 + $1.fresh.count }
        let bytes = sinks.reduce(0) { $0 + $1.bytes }
        if bytes > 0 { freshPerByte = Double(freshCount) / Double(bytes) }
        index.reserveCapacity(index.count + freshCount)
        for k in sinks.indices {
            let fresh = sinks[k].fresh, freshHashes = sinks[k].freshHashes
            var remap = [UInt32](repeating: 0, count: fresh.count)
            fresh.handles.bytes.withUnsafeBufferPointer { hb in
                for j in 0..<fresh.count {
                    remap[j] = index.insert(utf8: UnsafeBufferPointer(rebasing: hb[fresh.handles.range(j)]), hash: freshHashes[j]).id
                }
            }
            if fresh.count == 0 {
                // Every handle was known: the ids are final.
                list.src.append(contentsOf: sinks[k].src)
                list.dst.append(contentsOf: sinks[k].dst)
            } else {
                EdgeConsumer.appendFixed(sinks[k].src, to: &list.src, remap: remap)
                EdgeConsumer.appendFixed(sinks[k].dst, to: &list.dst, remap: remap)
            }
            if weighted { list.weights!.append(contentsOf: sinks[k].weights) }
            absorbExtras(sinks[k], lineBase: lineBases[k])
            var used = [UInt32]()
            swap(&used, &sinks[k].src); pool.put(used)
            used = []
            swap(&used, &sinks[k].dst); pool.put(used)
        }
    }

    /// Appends `ids` to `list` with chunk-local ids (tagged) rewritten through `remap`.
    static func appendFixed(_ ids: [UInt32], to list: inout [UInt32], remap: [UInt32]) {
        let start = list.count
        grow(&list, by: ids.count)
        list.append(contentsOf: repeatElement(0, count: ids.count))
        let tag = EdgeSink.tag
        ids.withUnsafeBufferPointer { s in
            remap.withUnsafeBufferPointer { rm in
                list.withUnsafeMutableBufferPointer { out in
                    for i in 0..<s.count {
                        let x = s[i]
                        out[start + i] = x & tag != 0 ? rm[Int(x & ~tag)] : x
                    }
                }
            }
        }
    }
}

/// Id lists handed from absorbed chunks to new ones (see `EdgeConsumer.pool`).
final class IdListPool {
    private var lists: [[UInt32]] = []

    /// An empty list with room for at least `capacity` ids.
    func take(capacity: Int) -> [UInt32] {
        var a = lists.popLast() ?? []
        a.removeAll(keepingCapacity: true)
        if a.capacity < capacity { a.reserveCapacity(capacity) }
        return a
    }

    func put(_ a: [UInt32]) { if lists.count < 8 { lists.append(a) } }
}

/// Resolves the endpoints of each row of one chunk. Endpoints are queued (pointers
/// into the block, which stays valid for the chunk) and looked up 128 rows at a time
/// with `HandleIndex.ids`, so that the hash table's cache misses overlap; the queue is
/// then resolved in row order, so new handles keep their order of appearance.
struct EdgeSink: RecordSink {
    /// Marks a chunk-local id (a handle first seen in this chunk).
    static let tag: UInt32 = 0x8000_0000
    static let batch = 256
    var known: HandleIndex
    var fresh = HandleIndex()
    /// `hash(bytes:)` of each fresh handle, so merging does not hash them again.
    var freshHashes: [UInt64] = []
    var src: [UInt32] = []
    var dst: [UInt32] = []
    var weights: [Double] = []
    var times: [Int64] = []
    /// 0 before the first time, then 1 for ISO text or 2 for Unix seconds.
    var timeKind: UInt8 = 0
    var labels: [UInt32] = []
    var labelNames: [String] = []
    private var labelIndex: [String: UInt32] = [:]
    let layout: EdgeLayout
    let weighted: Bool
    private var scratch: [UInt8] = []
    private var starts: [UnsafePointer<UInt8>]
    private var lengths = [Int](repeating: 0, count: EdgeSink.batch)
    private var hashes = [UInt64](repeating: 0, count: EdgeSink.batch)
    private var found = [UInt32](repeating: 0, count: EdgeSink.batch)
    private var queued = 0
    /// `same[k]`: queued source `k` has the bytes of the row before it (its id is reused).
    private var same = [Bool](repeating: false, count: EdgeSink.batch)
    private var packedStarts: [UnsafePointer<UInt8>]
    private var packedLengths = [Int](repeating: 0, count: EdgeSink.batch)
    private var packedHashes = [UInt64](repeating: 0, count: EdgeSink.batch)
    /// The last resolved source, valid while the chunk's bytes are.
    private var lastSource: (start: UnsafePointer<UInt8>, count: Int, id: UInt32)? = nil

    /// Bytes of the chunk (for the next chunk's estimate of new handles).
    let bytes: Int

    init(known: HandleIndex, layout: EdgeLayout, weighted: Bool, bytes: Int = 0, freshCapacity: Int = 16) {
        self.known = known; self.layout = layout; self.weighted = weighted; self.bytes = bytes
        fresh = HandleIndex(capacity: freshCapacity)
        starts = [UnsafePointer<UInt8>](repeating: UnsafePointer(bitPattern: 1)!, count: EdgeSink.batch)
        packedStarts = starts
    }

    mutating func record(_ r: RecordView) throws(RowIssue) {
        if r.count != layout.fieldCount { throw EdgeSink.ragged(r, expected: layout.fieldCount) }
        let sf = r.fields[layout.src], df = r.fields[layout.dst]
        if sf.start == sf.end { throw RowIssue(offset: sf.start, message: "expected a handle, found an empty field") }
        if df.start == df.end { throw RowIssue(offset: df.start, message: "expected a handle, found an empty field") }
        // Everything that can reject the row is checked before anything is appended.
        let rowTime: Int64? = try layout.time.map { (tc) throws(RowIssue) in try time(r, tc) }
        var rowLabel: String? = nil
        if let lc = layout.label {
            let name = r.string(lc).trimmingSpaces.lowercased()
            guard !name.isEmpty else { throw RowIssue(offset: r.fields[lc].start, message: "expected a layer name, found an empty field") }
            rowLabel = name
        }
        var rowWeight = 1.0
        if weighted {
            var w = 1.0
            if let wc = layout.weight, !r.isNull(wc) {
                guard let v = FieldParsing.double(r.raw(wc)) else {
                    throw RowIssue(offset: r.fields[wc].start, message: "expected a number for the weight, found '\(r.string(wc))'")
                }
                guard v >= 0 && v.isFinite else {
                    throw RowIssue(offset: r.fields[wc].start, message: "expected a non-negative finite weight, found '\(r.string(wc))'")
                }
                w = v
            }
            rowWeight = w
        }
        if weighted { weights.append(rowWeight) }
        if let t = rowTime { times.append(t) }
        if let name = rowLabel {
            if let id = labelIndex[name] { labels.append(id) } else {
                let id = UInt32(labelNames.count)
                labelIndex[name] = id; labelNames.append(name); labels.append(id)
            }
        }
        if sf.escaped || df.escaped {
            // Rare: the text differs from the bytes in the block; resolve it now, in order.
            flush()
            src.append(resolveNow(r, layout.src))
            dst.append(resolveNow(r, layout.dst))
            return
        }
        enqueue(r.base + sf.start, sf.count, repeatable: true)
        enqueue(r.base + df.start, df.count, repeatable: false)
        if queued == EdgeSink.batch { flush() }
    }

    /// Plain lines: exactly the layout's fields, none quoted or empty, ASCII, `\n` line
    /// ends, a weight (when read) that parses as a non-negative finite number. Anything
    /// else is left to `record`, through the general scanner, which reports it.
    mutating func fastRecords(_ p: UnsafePointer<UInt8>, from: Int, to: Int, stopAt: Int,
                              separator sep: UInt8, limit: Int) -> (next: Int, records: Int) {
        // Rows with a time or a layer name take the general path.
        if layout.time != nil || layout.label != nil { return (from, 0) }
        let raw = UnsafeRawPointer(p)
        let sepMask = 0x0101_0101_0101_0101 &* UInt64(sep)
        let fieldCount = layout.fieldCount, srcField = layout.src, dstField = layout.dst
        let weightField = weighted ? (layout.weight ?? -1) : -1
        var i = from
        var taken = 0
        lines: while taken < limit && i < stopAt && i < to {
            let first = p[i]
            if first == 10 || first == 35 || first == 37 { break }
            var field = 0, fieldStart = i
            var srcStart = 0, srcEnd = 0, dstStart = 0, dstEnd = 0, wStart = 0, wEnd = 0
            var j = i
            while true {
                // The next separator, line feed, quote, carriage return or non-ASCII byte.
                var hit = -1
                while j + 8 <= to {
                    let w = raw.loadUnaligned(fromByteOffset: j, as: UInt64.self)
                    let m = RecordScanner.zeroBytes(w ^ sepMask) | RecordScanner.zeroBytes(w ^ 0x0A0A_0A0A_0A0A_0A0A)
                        | RecordScanner.zeroBytes(w ^ 0x2222_2222_2222_2222) | RecordScanner.zeroBytes(w ^ 0x0D0D_0D0D_0D0D_0D0D)
                        | (w & 0x8080_8080_8080_8080)
                    if m != 0 { hit = j + m.trailingZeroBitCount >> 3; break }
                    j += 8
                    if j - fieldStart > 4096 { break lines }
                }
                if hit < 0 {
                    while j < to {
                        let c = p[j]
                        if c == sep || c == 10 || c == 34 || c == 13 || c >= 0x80 { hit = j; break }
                        j += 1
                    }
                    if hit < 0 { break lines }  // the line runs past `to`
                }
                let c = p[hit]
                guard c == sep || c == 10, hit > fieldStart, hit - fieldStart <= 4096 else { break lines }
                if field == srcField { srcStart = fieldStart; srcEnd = hit }
                if field == dstField { dstStart = fieldStart; dstEnd = hit }
                if field == weightField { wStart = fieldStart; wEnd = hit }
                field += 1
                if c == 10 { j = hit + 1; break }
                if field >= fieldCount { break lines }
                j = hit + 1; fieldStart = j
            }
            guard field == fieldCount else { break }
            if weighted {
                var w = 1.0
                if weightField >= 0 {
                    guard let v = FieldParsing.double(UnsafeBufferPointer(start: p + wStart, count: wEnd - wStart)),
                          v >= 0 && v.isFinite else { break }
                    w = v
                }
                weights.append(w)
            }
            enqueue(p + srcStart, srcEnd - srcStart, repeatable: true)
            enqueue(p + dstStart, dstEnd - dstStart, repeatable: false)
            if queued == EdgeSink.batch { flush() }
            taken += 1
            i = j
        }
        return (i, taken)
    }

    /// Queues one endpoint; a source equal to the previous row's reuses its hash.
    @inline(__always) private mutating func enqueue(_ p: UnsafePointer<UInt8>, _ n: Int, repeatable: Bool) {
        let k = queued
        var repeated = false
        if repeatable {
            if k >= 2 {
                repeated = lengths[k - 2] == n && memcmpEqual(starts[k - 2], p, n)
            } else if let last = lastSource {
                repeated = last.count == n && memcmpEqual(last.start, p, n)
            }
        }
        same[k] = repeated
        if repeated {
            hashes[k] = k >= 2 ? hashes[k - 2] : 0
        } else {
            hashes[k] = HandleIndex.hash(bytes: UnsafeBufferPointer(start: p, count: n))
        }
        starts[k] = p; lengths[k] = n
        queued = k + 1
    }

    /// Looks up the queued endpoints and appends their ids in row order.
    mutating func flush() {
        let n = queued
        guard n > 0 else { return }
        // Look up every endpoint but the repeated sources, packed to the front.
        var m = 0
        for k in 0..<n where !same[k] {
            packedStarts[m] = starts[k]; packedLengths[m] = lengths[k]; packedHashes[m] = hashes[k]
            m += 1
        }
        packedStarts.withUnsafeBufferPointer { s in
            packedLengths.withUnsafeBufferPointer { l in
                packedHashes.withUnsafeBufferPointer { h in
                    found.withUnsafeMutableBufferPointer { f in
                        known.ids(count: m, starts: s.baseAddress!, lengths: l.baseAddress!, hashes: h.baseAddress!, into: f.baseAddress!)
                    }
                }
            }
        }
        var j = 0
        for k in 0..<n {
            if same[k] {
                // The row before had this source: same id (resolved just before, or in the last batch).
                let id = k >= 2 ? src[src.count - 1] : lastSource!.id
                src.append(id)
                continue
            }
            var id = found[j]
            j += 1
            if id == UInt32.max {
                let (local, inserted) = fresh.insert(utf8: UnsafeBufferPointer(start: starts[k], count: lengths[k]), hash: hashes[k])
                if inserted { freshHashes.append(hashes[k]) }
                id = local | EdgeSink.tag
            }
            if k & 1 == 0 { src.append(id) } else { dst.append(id) }
        }
        lastSource = (starts[n - 2], lengths[n - 2], src[src.count - 1])
        queued = 0
    }

    private mutating func resolveNow(_ r: RecordView, _ c: Int) -> UInt32 {
        r.withBytes(c, scratch: &scratch) { b -> UInt32 in
            let h = HandleIndex.hash(bytes: b)
            if let id = known.id(utf8: b, hash: h) { return id }
            let (local, inserted) = fresh.insert(utf8: b, hash: h)
            if inserted { freshHashes.append(h) }
            return local | EdgeSink.tag
        }
    }

    /// A row's time: ISO 8601 text or integer Unix seconds (milliseconds above 1e11),
    /// one kind per file; an empty field is a row without time.
    private mutating func time(_ r: RecordView, _ c: Int) throws(RowIssue) -> Int64 {
        if r.isNull(c) { return EdgeEvents.untimed }
        let raw = r.raw(c)
        let kind: UInt8
        let t: Int64
        if let i = FieldParsing.int(raw) {
            guard let u = DateTime.fromUnix(i) else {
                throw RowIssue(offset: r.fields[c].start, message: "Unix time \(i) is out of range")
            }
            kind = 2; t = u
        } else if let u = DateTime.parse(raw, dateOnly: true) {
            kind = 1; t = u
        } else {
            throw RowIssue(offset: r.fields[c].start, message: "expected a time (ISO 8601 or Unix seconds), found '\(r.string(c))'")
        }
        if timeKind != 0 && timeKind != kind {
            throw RowIssue(offset: r.fields[c].start,
                           message: "expected \(timeKind == 1 ? "ISO 8601 text" : "Unix seconds") like the rows before, found '\(r.string(c))'",
                           hint: "a time column holds one kind of value")
        }
        timeKind = kind
        return t
    }

    /// "expected N fields, found M", placed at the first extra field or the line's end.
    static func ragged(_ r: RecordView, expected: Int) -> RowIssue {
        let at: Int
        if r.count > expected {
            let f = r.fields[expected]
            at = f.quoted ? f.start - 1 : f.start
        } else {
            let f = r.fields[r.count - 1]
            at = f.quoted ? f.end + 1 : f.end
        }
        return RowIssue(offset: at, message: "expected \(expected) field\(expected == 1 ? "" : "s"), found \(r.count)",
                        hint: r.count > expected ? "a field containing the separator must be quoted" : nil)
    }
}

/// Reserves room for `extra` more elements, at least doubling, so appends stay amortised O(1).
func grow<T>(_ a: inout [T], by extra: Int) {
    let need = a.count + extra
    if need > a.capacity { a.reserveCapacity(max(need, a.capacity * 2)) }
}

@inline(__always) func memcmpEqual(_ a: UnsafePointer<UInt8>, _ b: UnsafePointer<UInt8>, _ n: Int) -> Bool {
    var k = 0
    while k < n { if a[k] != b[k] { return false }; k += 1 }
    return true
}
