import QQData

/// Appends snapshot items to an `OutputFile`, keeping the payload's length and checksum.
struct SnapshotWriter {
    let out: OutputFile
    private(set) var length = 0
    private(set) var checksum = SnapshotChecksum()
    private static let zeros = [UInt8](repeating: 0, count: 8)

    init(out: OutputFile) { self.out = out }

    private mutating func raw(_ p: UnsafeRawBufferPointer) {
        let whole = p.count & ~7
        if whole > 0 { checksum.add(UnsafeRawBufferPointer(rebasing: p[0..<whole])) }
        out.appendRaw(p)
        length += p.count
        let pad = (8 - p.count % 8) % 8
        if p.count % 8 != 0 {
            // The last partial word is checksummed together with its zero padding.
            var last = [UInt8](repeating: 0, count: 8)
            for k in 0..<(p.count - whole) { last[k] = p[whole + k] }
            last.withUnsafeBytes { checksum.add($0) }
            SnapshotWriter.zeros.withUnsafeBytes { out.appendRaw(UnsafeRawBufferPointer(rebasing: $0[0..<pad])) }
            length += pad
        }
    }

    mutating func u64(_ v: UInt64) {
        var le = v.littleEndian
        withUnsafeBytes(of: &le) { raw($0) }
    }

    mutating func array<T>(_ a: [T]) {
        u64(UInt64(a.count))
        a.withUnsafeBytes { raw($0) }
    }

    mutating func string(_ s: String) { array(Array(s.utf8)) }

    mutating func column(_ c: Column) {
        let t: SnapshotFormat.ColumnType
        switch c.storage {
        case .null: t = .null
        case .int: t = .int
        case .float: t = .float
        case .bool: t = .bool
        case .date: t = .date
        case .string: t = .string
        case .datetime: t = .datetime
        case .duration: t = .duration
        }
        u64(t.rawValue)
        u64(c.valid.map { UInt64($0.count) } ?? UInt64.max)
        if let v = c.valid { array(v.words) }
        switch c.storage {
        case .null(let n): u64(UInt64(n))
        case .int(let a): array(a)
        case .float(let a): array(a)
        case .bool(let a): array(a.map { $0 ? UInt8(1) : 0 })
        case .date(let a): array(a)
        case .datetime(let a), .duration(let a): array(a)
        case .string(let s): array(s.bytes); array(s.offsets)
        }
    }

    mutating func csr(_ g: CSR, weighted: Bool) {
        array(g.offsets)
        array(g.targets)
        if weighted { array(g.weights ?? []) }
    }
}

/// Reads snapshot items straight into array storage, checking bounds as it goes.
struct SnapshotReader {
    let source: ByteSource
    let path: String
    private(set) var length = 0
    private(set) var checksum = SnapshotChecksum()

    init(source: ByteSource, path: String) { self.source = source; self.path = path }

    func corrupt(_ why: String) -> Diagnostic {
        Diagnostic(.io, "'\(path)' is a damaged snapshot: \(why)", hint: "save the dataset again")
    }

    /// `count` bytes from the file outside the payload (the header); nil at a short file.
    func rawBytes(_ count: Int) throws(Diagnostic) -> [UInt8]? {
        var failure: Diagnostic? = nil
        var complete = true
        let a = [UInt8](unsafeUninitializedCapacity: count) { buf, n in
            do throws(Diagnostic) {
                complete = try source.readExactly(into: buf.baseAddress!, count: count)
            } catch { failure = error }
            n = count
        }
        if let failure { throw failure }
        return complete ? a : nil
    }

    /// Fills `p` from the file; a short file is a damaged snapshot.
    private mutating func fill(_ p: UnsafeMutableRawBufferPointer) throws(Diagnostic) {
        if p.count == 0 { return }
        if !(try source.readExactly(into: p.baseAddress!, count: p.count)) { throw corrupt("it ends early (truncated?)") }
        length += p.count
    }

    /// Reads `p.count` bytes plus padding to 8, checksumming as the writer did.
    private mutating func padded(_ p: UnsafeMutableRawBufferPointer) throws(Diagnostic) {
        try fill(p)
        let whole = p.count & ~7
        if whole > 0 { checksum.add(UnsafeRawBufferPointer(rebasing: p[0..<whole])) }
        let rest = p.count - whole
        if rest != 0 {
            let last = UnsafeMutableRawBufferPointer.allocate(byteCount: 8, alignment: 8)
            defer { last.deallocate() }
            last.initializeMemory(as: UInt8.self, repeating: 0)
            for k in 0..<rest { last[k] = p[whole + k] }
            try fill(UnsafeMutableRawBufferPointer(rebasing: last[rest..<8]))
            checksum.add(UnsafeRawBufferPointer(last))
        }
    }

    mutating func u64() throws(Diagnostic) -> UInt64 {
        let p = UnsafeMutableRawBufferPointer.allocate(byteCount: 8, alignment: 8)
        defer { p.deallocate() }
        try padded(p)
        return UInt64(littleEndian: p.load(as: UInt64.self))
    }

    mutating func array<T>() throws(Diagnostic) -> [T] {
        let count = Int(try u64())
        let bytes = count.multipliedReportingOverflow(by: MemoryLayout<T>.stride)
        guard !bytes.overflow, bytes.partialValue <= max(source.fileSize, 1) * (source.isGzip ? 1024 : 1) else {
            throw corrupt("an array claims \(count) elements")
        }
        var failure: Diagnostic? = nil
        let a = [T](unsafeUninitializedCapacity: count) { buf, n in
            do throws(Diagnostic) {
                try padded(UnsafeMutableRawBufferPointer(buf))
                n = count
            } catch {
                failure = error
                n = 0
            }
        }
        if let failure { throw failure }
        return a
    }

    mutating func string() throws(Diagnostic) -> String {
        let b: [UInt8] = try array()
        return String(decoding: b, as: UTF8.self)
    }

    mutating func column(rows n: Int) throws(Diagnostic) -> Column {
        guard let t = SnapshotFormat.ColumnType(rawValue: try u64()) else { throw corrupt("unknown column type") }
        let bits = try u64()
        var valid: Bitmap? = nil
        if bits != UInt64.max {
            let words: [UInt64] = try array()
            guard Int(bits) == n, words.count == (n + 63) / 64 else { throw corrupt("bad validity mask") }
            var b = Bitmap(count: n, value: false)
            for i in 0..<n where (words[i >> 6] >> UInt64(i & 63)) & 1 == 1 { b[i] = true }
            valid = b
        }
        let c: Column
        switch t {
        case .null: c = Column(.null(Int(try u64())))
        case .int: c = Column(.int(try array()), valid: valid)
        case .float: c = Column(.float(try array()), valid: valid)
        case .bool: let a: [UInt8] = try array(); c = Column(.bool(a.map { $0 != 0 }), valid: valid)
        case .date: c = Column(.date(try array()), valid: valid)
        case .datetime: c = Column(.datetime(try array()), valid: valid)
        case .duration: c = Column(.duration(try array()), valid: valid)
        case .string:
            let bytes: [UInt8] = try array()
            let offsets: [Int] = try array()
            guard offsets.count == n + 1, offsets.first == 0, offsets.last == bytes.count else { throw corrupt("bad string column") }
            c = Column(.string(StringStore(bytes: bytes, offsets: offsets)), valid: valid)
        }
        guard c.count == n else { throw corrupt("a column has \(c.count) rows, expected \(n)") }
        return c
    }

    mutating func csr(nodes n: Int, weighted: Bool) throws(Diagnostic) -> CSR {
        let offsets: [Int] = try array()
        let targets: [UInt32] = try array()
        let weights: [Double]? = weighted ? try array() : nil
        guard offsets.count == n + 1, offsets.first == 0, offsets.last == targets.count,
              weights == nil || weights!.count == targets.count else { throw corrupt("bad graph arrays") }
        let ok = offsets.withUnsafeBufferPointer { o in
            targets.withUnsafeBufferPointer { t in
                for v in 0..<n where o[v] > o[v + 1] { return false }
                let limit = UInt32(truncatingIfNeeded: n)
                for x in t where x >= limit { return false }
                return true
            }
        }
        guard ok else { throw corrupt("an edge points outside the accounts") }
        return CSR(offsets: offsets, targets: targets, weights: weights)
    }
}

/// Time arrays of a layer (SPEC §8), after its CSRs.
extension SnapshotWriter {
    mutating func times(_ l: Layer) {
        if let t = l.times {
            u64(1); array(t)
        } else if let e = l.events {
            u64(2); array(e.src); array(e.dst); array(e.times); array(e.weights)
        } else {
            u64(0)
        }
    }
}

extension SnapshotReader {
    mutating func times(into l: inout Layer, nodes n: Int) throws(Diagnostic) {
        switch try u64() {
        case 0: break
        case 1:
            let t: [Int64] = try array()
            guard t.count == l.out.edgeCount else { throw corrupt("layer '\(l.name)' has \(t.count) times for \(l.out.edgeCount) edges") }
            l.times = t
        case 2:
            let src: [UInt32] = try array(), dst: [UInt32] = try array()
            let times: [Int64] = try array(), weights: [Double] = try array()
            let limit = UInt32(truncatingIfNeeded: n)
            guard src.count == dst.count, src.count == times.count, src.count == weights.count,
                  !src.contains(where: { $0 >= limit }), !dst.contains(where: { $0 >= limit }) else {
                throw corrupt("bad events in layer '\(l.name)'")
            }
            l.events = EdgeEvents(src: src, dst: dst, times: times, weights: weights)
        default: throw corrupt("unknown time arrays in layer '\(l.name)'")
        }
    }
}
