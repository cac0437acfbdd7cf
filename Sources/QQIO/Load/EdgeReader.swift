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
            remap.withUnsafeBufferPointer { rm in
                @inline(__always) func fix(_ x: UInt32) -> UInt32 { x & tag != 0 ? rm[Int(x & ~tag)] : x }
                sinks[k].src.withUnsafeBufferPointer { s in
                    list.src.reserveCapacity(list.src.count + s.count)
                    for x in s { list.src.append(fix(x)) }
                }
                sinks[k].dst.withUnsafeBufferPointer { d in
                    list.dst.reserveCapacity(list.dst.count + d.count)
                    for x in d { list.dst.append(fix(x)) }
                }
            }
            if weighted { list.weights!.append(contentsOf: sinks[k].weights) }
        }
    }
}

/// Resolves the endpoints of each row of one chunk.
struct EdgeSink: RecordSink {
    /// Marks a chunk-local id (a handle first seen in this chunk).
    static let tag: UInt32 = 0x8000_0000
    var known: HandleIndex
    var fresh = HandleIndex()
    var src: [UInt32] = []
    var dst: [UInt32] = []
    var weights: [Double] = []
    let layout: EdgeLayout
    let weighted: Bool
    private var scratch: [UInt8] = []
    /// The previous row's source (edge lists are often grouped by source).
    private var lastStart: UnsafePointer<UInt8>? = nil
    private var lastCount = 0
    private var lastID: UInt32 = 0

    init(known: HandleIndex, layout: EdgeLayout, weighted: Bool) {
        self.known = known; self.layout = layout; self.weighted = weighted
    }

    mutating func record(_ r: RecordView) throws(RowIssue) {
        if r.count != layout.fieldCount { throw EdgeSink.ragged(r, expected: layout.fieldCount) }
        let s = try resolve(r, layout.src, cache: true)
        let d = try resolve(r, layout.dst, cache: false)
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
        src.append(s); dst.append(d)
    }

    @inline(__always) private mutating func resolve(_ r: RecordView, _ c: Int, cache: Bool) throws(RowIssue) -> UInt32 {
        let f = r.fields[c]
        if f.start == f.end {
            throw RowIssue(offset: f.start, message: "expected a handle, found an empty field")
        }
        if cache, !f.escaped, let ls = lastStart, lastCount == f.count, memcmpEqual(ls, r.base + f.start, f.count) {
            return lastID
        }
        let id = r.withBytes(c, scratch: &scratch) { b -> UInt32 in
            let h = HandleIndex.hash(bytes: b)
            if let id = known.id(utf8: b, hash: h) { return id }
            return fresh.insert(utf8: b, hash: h).id | EdgeSink.tag
        }
        if cache && !f.escaped { lastStart = r.base + f.start; lastCount = f.count; lastID = id }
        return id
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

@inline(__always) func memcmpEqual(_ a: UnsafePointer<UInt8>, _ b: UnsafePointer<UInt8>, _ n: Int) -> Bool {
    var k = 0
    while k < n { if a[k] != b[k] { return false }; k += 1 }
    return true
}
