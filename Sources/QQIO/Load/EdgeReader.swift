import QQData

/// Edges read from one file, endpoints as account ids.
struct EdgeList: Sendable {
    var src: [UInt32] = []
    var dst: [UInt32] = []
    /// Present for interaction layers (1 where the file has no weight).
    var weights: [Double]?
}

/// Reads an edge list (CSV, TSV or whitespace pairs) into ids of `handles`, adding the
/// handles it has not seen in order of first appearance (source before target).
///
/// Each chunk looks handles up in the index as it was before the block (read-only,
/// shared by both cores) and numbers unknown ones in a chunk-local table; merging the
/// chunks in file order then appends the new handles, which gives the same ids as a
/// single sequential pass.
enum EdgeReader {
    static func read(path: String, handles: inout HandleIndex, weighted: Bool,
                     options: LoadOptions, label: String) throws(Diagnostic) -> (EdgeList, [Diagnostic]) {
        let reader = try DelimitedReader(path: path, lenient: options.lenient)
        let firstLine = reader.lineBase + 1
        if reader.isAtEnd {
            throw Diagnostic(.io, "empty file: expected an edge list (source and target on each line)",
                             position: FilePosition(file: path, line: firstLine, column: 1))
        }
        let layout = try EdgeLayout.detect(reader.peek(6), path: path, line: firstLine)
        if layout.hasHeader {
            _ = try reader.readHeader()
            if reader.isAtEnd {
                throw Diagnostic(.io, "header only: expected edges after the header line",
                                 position: FilePosition(file: path, line: reader.lineBase + 1, column: 1))
            }
        }
        var consumer = EdgeConsumer(index: handles, layout: layout, weighted: weighted)
        handles = HandleIndex(capacity: 0)
        options.progress.begin(label, total: reader.source.fileSize)
        defer { options.progress.end() }
        try reader.run(&consumer, progress: options.progress)
        handles = consumer.index
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
    }

    func makeSink() -> EdgeSink { EdgeSink(known: index, layout: layout, weighted: weighted) }

    mutating func absorb(_ sinks: inout [EdgeSink], lineBases: [Int]) throws(Diagnostic) {
        // Drop the sinks' references to the index first, so that growing it does not copy it.
        for k in sinks.indices { sinks[k].known = HandleIndex(capacity: 0) }
        for k in sinks.indices {
            let fresh = sinks[k].fresh
            var remap = [UInt32](repeating: 0, count: fresh.count)
            fresh.handles.bytes.withUnsafeBufferPointer { hb in
                for j in 0..<fresh.count {
                    remap[j] = index.insert(utf8: UnsafeBufferPointer(rebasing: hb[fresh.handles.range(j)])).id
                }
            }
            let tag = EdgeSink.tag
            if fresh.count == 0 {
                // Every handle was known: the ids are final.
                list.src.append(contentsOf: sinks[k].src)
                list.dst.append(contentsOf: sinks[k].dst)
            } else { remap.withUnsafeBufferPointer { rm in
                @inline(__always) func fix(_ x: UInt32) -> UInt32 { x & tag != 0 ? rm[Int(x & ~tag)] : x }
                sinks[k].src.withUnsafeBufferPointer { s in
                    grow(&list.src, by: s.count)
                    for x in s { list.src.append(fix(x)) }
                }
                sinks[k].dst.withUnsafeBufferPointer { d in
                    grow(&list.dst, by: d.count)
                    for x in d { list.dst.append(fix(x)) }
                }
            } }
            if weighted { list.weights!.append(contentsOf: sinks[k].weights) }
        }
    }
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
    var src: [UInt32] = []
    var dst: [UInt32] = []
    var weights: [Double] = []
    let layout: EdgeLayout
    let weighted: Bool
    private var scratch: [UInt8] = []
    private var starts: [UnsafePointer<UInt8>]
    private var lengths = [Int](repeating: 0, count: EdgeSink.batch)
    private var hashes = [UInt64](repeating: 0, count: EdgeSink.batch)
    private var found = [UInt32](repeating: 0, count: EdgeSink.batch)
    private var queued = 0

    init(known: HandleIndex, layout: EdgeLayout, weighted: Bool) {
        self.known = known; self.layout = layout; self.weighted = weighted
        starts = [UnsafePointer<UInt8>](repeating: UnsafePointer(bitPattern: 1)!, count: EdgeSink.batch)
    }

    mutating func record(_ r: RecordView) throws(RowIssue) {
        if r.count != layout.fieldCount { throw EdgeSink.ragged(r, expected: layout.fieldCount) }
        let sf = r.fields[layout.src], df = r.fields[layout.dst]
        if sf.start == sf.end { throw RowIssue(offset: sf.start, message: "expected a handle, found an empty field") }
        if df.start == df.end { throw RowIssue(offset: df.start, message: "expected a handle, found an empty field") }
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
            weights.append(w)
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

    /// Queues one endpoint; a source equal to the previous row's reuses its hash.
    @inline(__always) private mutating func enqueue(_ p: UnsafePointer<UInt8>, _ n: Int, repeatable: Bool) {
        let k = queued
        if repeatable && k >= 2 && lengths[k - 2] == n && memcmpEqual(starts[k - 2], p, n) {
            hashes[k] = hashes[k - 2]
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
        starts.withUnsafeBufferPointer { s in
            lengths.withUnsafeBufferPointer { l in
                hashes.withUnsafeBufferPointer { h in
                    found.withUnsafeMutableBufferPointer { f in
                        known.ids(count: n, starts: s.baseAddress!, lengths: l.baseAddress!, hashes: h.baseAddress!, into: f.baseAddress!)
                    }
                }
            }
        }
        for k in 0..<n {
            var id = found[k]
            if id == UInt32.max {
                id = fresh.insert(utf8: UnsafeBufferPointer(start: starts[k], count: lengths[k]), hash: hashes[k]).id | EdgeSink.tag
            }
            if k & 1 == 0 { src.append(id) } else { dst.append(id) }
        }
        queued = 0
    }

    private mutating func resolveNow(_ r: RecordView, _ c: Int) -> UInt32 {
        r.withBytes(c, scratch: &scratch) { b -> UInt32 in
            let h = HandleIndex.hash(bytes: b)
            if let id = known.id(utf8: b, hash: h) { return id }
            return fresh.insert(utf8: b, hash: h).id | EdgeSink.tag
        }
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
