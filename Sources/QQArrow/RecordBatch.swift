import QQData

// RecordBatch (Message.fbs): length 0, nodes 1 (struct FieldNode { length, null_count:
// int64 }), buffers 2 (struct Buffer { offset, length: int64 }, offsets into the
// message body), compression 3. Buffers per column, in schema order
// (https://arrow.apache.org/docs/format/Columnar.html#buffer-listing-for-each-layout):
//   null: none · fixed width and bool: validity, values · utf8: validity, offsets, bytes.
// A validity buffer may be empty when the column has no nulls; bit i set = row i valid.

struct RecordBatchDecoder {
    let bytes: [UInt8]
    let body: Range<Int>
    let fields: [ArrowField]

    private struct Node { var length: Int; var nulls: Int }

    func fail(_ what: String) -> Diagnostic { Diagnostic(.io, "arrow: malformed record batch (\(what))") }

    func decode(_ t: FlatTable) throws(Diagnostic) -> Table {
        if try t.field(3) != nil { throw Diagnostic(.io, "arrow: compressed record batches are not supported") }
        let length = try t.i64(0)
        guard length >= 0, length <= Int64(Int32.max) else { throw fail("row count \(length)") }
        let rows = Int(length)
        let meta = t.buf
        var nodes: [Node] = []
        if let (start, n) = try t.vector(1, elementSize: 16) {
            for k in 0..<n {
                let len = try meta.i64(start + 16 * k), nulls = try meta.i64(start + 16 * k + 8)
                guard len == length, nulls >= 0, nulls <= len else { throw fail("field node \(k)") }
                nodes.append(Node(length: Int(len), nulls: Int(nulls)))
            }
        }
        var buffers: [Range<Int>] = []
        if let (start, n) = try t.vector(2, elementSize: 16) {
            for k in 0..<n {
                let off = try meta.i64(start + 16 * k), len = try meta.i64(start + 16 * k + 8)
                guard off >= 0, len >= 0, off <= Int64(body.count), len <= Int64(body.count) - off
                else { throw fail("buffer \(k) outside the body") }
                buffers.append((body.lowerBound + Int(off))..<(body.lowerBound + Int(off + len)))
            }
        }
        guard nodes.count == fields.count else { throw fail("\(nodes.count) field nodes for \(fields.count) columns") }
        var next = 0
        func take(_ k: Int) throws(Diagnostic) -> [Range<Int>] {
            guard buffers.count - next >= k else { throw fail("too few buffers") }
            defer { next += k }
            return Array(buffers[next..<(next + k)])
        }
        var columns: [Column] = []
        for (f, node) in zip(fields, nodes) {
            switch f.type {
            case .null:
                columns.append(Column(.null(rows)))
            case .utf8, .largeUtf8:
                let b = try take(3)
                columns.append(try strings(f, node, validity: b[0], offsets: b[1], data: b[2]))
            default:
                let b = try take(2)
                columns.append(try fixed(f, node, validity: b[0], values: b[1]))
            }
        }
        return Table(names: fields.map(\.name), columns: columns).withRowCount(rows)
    }

    private func validity(_ f: ArrowField, _ node: Node, _ r: Range<Int>) throws(Diagnostic) -> Bitmap? {
        if node.nulls == 0 { return nil }
        guard r.count >= (node.length + 7) / 8 else { throw fail("validity of '\(f.name)' too short") }
        var bits = Bitmap(count: node.length, value: true)
        var nulls = 0
        for i in 0..<node.length where bytes[r.lowerBound + i >> 3] & (1 << UInt8(i & 7)) == 0 {
            bits[i] = false; nulls += 1
        }
        guard nulls == node.nulls else { throw fail("null count of '\(f.name)'") }
        return bits
    }

    private func load<T: FixedWidthInteger>(_ at: Int, as: T.Type) -> T {
        bytes.withUnsafeBytes { T(littleEndian: $0.loadUnaligned(fromByteOffset: at, as: T.self)) }
    }

    private func fixed(_ f: ArrowField, _ node: Node, validity vr: Range<Int>, values r: Range<Int>) throws(Diagnostic) -> Column {
        let valid = try validity(f, node, vr)
        let n = node.length
        func need(_ width: Int) throws(Diagnostic) {
            guard r.count / width >= n else { throw fail("values of '\(f.name)' too short") }
        }
        let base = r.lowerBound
        switch f.type {
        case .bool:
            guard r.count >= (n + 7) / 8 else { throw fail("values of '\(f.name)' too short") }
            return Column(.bool((0..<n).map { bytes[base + $0 >> 3] & (1 << UInt8($0 & 7)) != 0 }), valid: valid)
        case .int(let bits, let signed):
            let w = bits / 8
            try need(w)
            var out = [Int64](repeating: 0, count: n)
            for i in 0..<n {
                let at = base + i * w
                switch (bits, signed) {
                case (8, true): out[i] = Int64(Int8(bitPattern: bytes[at]))
                case (8, false): out[i] = Int64(bytes[at])
                case (16, true): out[i] = Int64(load(at, as: Int16.self))
                case (16, false): out[i] = Int64(load(at, as: UInt16.self))
                case (32, true): out[i] = Int64(load(at, as: Int32.self))
                case (32, false): out[i] = Int64(load(at, as: UInt32.self))
                case (_, true): out[i] = load(at, as: Int64.self)
                default:
                    let u = load(at, as: UInt64.self)
                    guard u <= UInt64(Int64.max) || valid?[i] == false else { throw fail("uint64 value of '\(f.name)' too large") }
                    out[i] = Int64(truncatingIfNeeded: u)
                }
            }
            return Column(.int(out), valid: valid)
        case .float(let bits):
            try need(bits / 8)
            let out: [Double] = bits == 32
                ? (0..<n).map { Double(Float(bitPattern: load(base + 4 * $0, as: UInt32.self))) }
                : (0..<n).map { Double(bitPattern: load(base + 8 * $0, as: UInt64.self)) }
            return Column(.float(out), valid: valid)
        case .date32:
            try need(4)
            return Column(.date((0..<n).map { load(base + 4 * $0, as: Int32.self) }), valid: valid)
        case .date64:
            try need(8)
            var out = [Int32](repeating: 0, count: n)
            for i in 0..<n {
                let ms = load(base + 8 * i, as: Int64.self)
                let days = floorDiv(ms, 86_400_000)
                guard let d = Int32(exactly: days) else { throw fail("date of '\(f.name)' out of range") }
                out[i] = d
            }
            return Column(.date(out), valid: valid)
        case .timestamp(let unitsPerSecond, _):
            try need(8)
            var out = [Int64](repeating: 0, count: n)
            for i in 0..<n {
                let v = load(base + 8 * i, as: Int64.self)
                switch unitsPerSecond {
                case 1_000_000: out[i] = v
                case 1_000_000_000: out[i] = floorDiv(v, 1000)
                default:
                    let (m, o) = v.multipliedReportingOverflow(by: 1_000_000 / unitsPerSecond)
                    guard !o else { throw fail("timestamp of '\(f.name)' out of range") }
                    out[i] = m
                }
            }
            return Column(.int(out), valid: valid)
        case .decimal(_, let scale):
            try need(16)
            var scaleFactor = 1.0
            for _ in 0..<min(max(scale, 0), 76) { scaleFactor *= 10 }
            let out: [Double] = (0..<n).map {
                var lo = load(base + 16 * $0, as: UInt64.self), hi = UInt64(bitPattern: load(base + 16 * $0 + 8, as: Int64.self))
                let negative = hi >> 63 == 1
                if negative {
                    // The magnitude of a two's complement 128-bit value: invert and add one.
                    lo = ~lo &+ 1
                    hi = ~hi &+ (lo == 0 ? 1 : 0)
                }
                let magnitude = Double(hi) * 18_446_744_073_709_551_616.0 + Double(lo)
                return (negative ? -magnitude : magnitude) / scaleFactor
            }
            return Column(.float(out), valid: valid)
        case .null, .utf8, .largeUtf8:
            throw fail("layout of '\(f.name)'")
        }
    }

    private func strings(_ f: ArrowField, _ node: Node, validity vr: Range<Int>, offsets or: Range<Int>, data dr: Range<Int>) throws(Diagnostic) -> Column {
        let valid = try validity(f, node, vr)
        let n = node.length
        let w = f.type == .largeUtf8 ? 8 : 4
        guard or.count / w >= n + 1 || (n == 0) else { throw fail("offsets of '\(f.name)' too short") }
        var store = StringStore()
        store.offsets.reserveCapacity(n + 1)
        func offset(_ i: Int) -> Int64 {
            w == 8 ? load(or.lowerBound + 8 * i, as: Int64.self) : Int64(load(or.lowerBound + 4 * i, as: Int32.self))
        }
        if n == 0 { return Column(.string(store), valid: valid) }
        var previous = offset(0)
        guard previous >= 0, previous <= Int64(dr.count) else { throw fail("offsets of '\(f.name)'") }
        for i in 0..<n {
            let end = offset(i + 1)
            guard end >= previous, end <= Int64(dr.count) else { throw fail("offsets of '\(f.name)'") }
            if valid?[i] == false { store.appendEmpty(); previous = end; continue }
            let slice = bytes[(dr.lowerBound + Int(previous))..<(dr.lowerBound + Int(end))]
            guard UTF8Check.isValid(slice) else { throw Diagnostic(.io, "arrow: column '\(f.name)' holds text that is not UTF-8") }
            store.append(utf8: slice)
            previous = end
        }
        return Column(.string(store), valid: valid)
    }
}

/// Division rounding toward negative infinity (ticks before 1970 belong to the earlier day).
@inline(__always) func floorDiv(_ a: Int64, _ b: Int64) -> Int64 {
    let q = a / b
    return a % b < 0 ? q - 1 : q
}

extension Table {
    /// The same table; a table without columns keeps `rows` as its row count.
    func withRowCount(_ rows: Int) -> Table { columns.isEmpty ? Table(rowCount: rows) : self }
}

/// UTF-8 validation (RFC 3629: no overlongs, no surrogates, nothing above U+10FFFF).
enum UTF8Check {
    static func isValid(_ s: ArraySlice<UInt8>) -> Bool {
        var i = s.startIndex
        let end = s.endIndex
        while i < end {
            let b = s[i]
            if b < 0x80 { i += 1; continue }
            let n: Int, lo: UInt8, hi: UInt8
            switch b {
            case 0xC2...0xDF: n = 1; lo = 0x80; hi = 0xBF
            case 0xE0: n = 2; lo = 0xA0; hi = 0xBF
            case 0xE1...0xEC, 0xEE, 0xEF: n = 2; lo = 0x80; hi = 0xBF
            case 0xED: n = 2; lo = 0x80; hi = 0x9F
            case 0xF0: n = 3; lo = 0x90; hi = 0xBF
            case 0xF1...0xF3: n = 3; lo = 0x80; hi = 0xBF
            case 0xF4: n = 3; lo = 0x80; hi = 0x8F
            default: return false
            }
            guard end - i > n, s[i + 1] >= lo, s[i + 1] <= hi else { return false }
            for k in 2..<(n + 1) where s[i + k] & 0xC0 != 0x80 { return false }
            i += n + 1
        }
        return true
    }
}
