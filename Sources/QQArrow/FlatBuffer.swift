import QQData

// A bounds-checked reader of the FlatBuffers wire format, enough for Arrow's IPC
// message headers (Message.fbs, Schema.fbs). Every offset read from the bytes is
// checked against the buffer before it is followed: the bytes come from the network.
//
// Format (https://flatbuffers.dev/internals/): a table starts with an int32 offset
// back to its vtable (vtable = table - soffset); the vtable holds uint16 sizes of
// itself and of the table, then one uint16 offset per field (0 = absent). Strings,
// vectors and sub-tables are reached through uint32 offsets relative to where the
// offset is stored; a vector or string starts with its uint32 element count.

/// Bytes of one flatbuffer, with checked little-endian reads.
struct FlatBytes {
    let bytes: [UInt8]
    /// How deep nested tables may go (Arrow fields nest; a hostile file could loop).
    static let maxDepth = 64

    func fail(_ what: String) -> Diagnostic { Diagnostic(.io, "arrow: malformed message header (\(what))") }

    func u8(_ at: Int) throws(Diagnostic) -> UInt8 {
        guard at >= 0, at < bytes.count else { throw fail("offset \(at) out of range") }
        return bytes[at]
    }

    func u16(_ at: Int) throws(Diagnostic) -> UInt16 {
        guard at >= 0, at <= bytes.count - 2 else { throw fail("offset \(at) out of range") }
        return UInt16(bytes[at]) | UInt16(bytes[at + 1]) << 8
    }

    func u32(_ at: Int) throws(Diagnostic) -> UInt32 {
        guard at >= 0, at <= bytes.count - 4 else { throw fail("offset \(at) out of range") }
        var v: UInt32 = 0
        for k in 0..<4 { v |= UInt32(bytes[at + k]) << (8 * UInt32(k)) }
        return v
    }

    func i64(_ at: Int) throws(Diagnostic) -> Int64 {
        guard at >= 0, at <= bytes.count - 8 else { throw fail("offset \(at) out of range") }
        var v: UInt64 = 0
        for k in 0..<8 { v |= UInt64(bytes[at + k]) << (8 * UInt64(k)) }
        return Int64(bitPattern: v)
    }

    /// The position an offset stored at `at` points to.
    func indirect(_ at: Int) throws(Diagnostic) -> Int {
        let target = at + Int(try u32(at))
        guard target < bytes.count else { throw fail("reference past the end") }
        return target
    }

    /// The root table.
    func root() throws(Diagnostic) -> FlatTable { try table(at: try indirect(0)) }

    func table(at pos: Int) throws(Diagnostic) -> FlatTable {
        let soffset = Int(Int32(bitPattern: try u32(pos)))
        let vtable = pos - soffset
        let vsize = Int(try u16(vtable))
        guard vsize >= 4, vsize % 2 == 0, vtable + vsize <= bytes.count else { throw fail("bad vtable") }
        let tsize = Int(try u16(vtable + 2))
        guard tsize >= 4, pos + tsize <= bytes.count else { throw fail("bad table size") }
        return FlatTable(buf: self, pos: pos, vtable: vtable, fieldCount: (vsize - 4) / 2, size: tsize)
    }
}

/// One table of a flatbuffer.
struct FlatTable {
    let buf: FlatBytes
    let pos: Int
    let vtable: Int
    let fieldCount: Int
    let size: Int

    /// Absolute position of field `slot`, nil when absent.
    func field(_ slot: Int) throws(Diagnostic) -> Int? {
        guard slot < fieldCount else { return nil }
        let off = Int(try buf.u16(vtable + 4 + 2 * slot))
        if off == 0 { return nil }
        guard off < size else { throw buf.fail("field outside its table") }
        return pos + off
    }

    func u8(_ slot: Int, default d: UInt8 = 0) throws(Diagnostic) -> UInt8 {
        guard let p = try field(slot) else { return d }
        return try buf.u8(p)
    }

    func i16(_ slot: Int, default d: Int16 = 0) throws(Diagnostic) -> Int16 {
        guard let p = try field(slot) else { return d }
        return Int16(bitPattern: try buf.u16(p))
    }

    func i32(_ slot: Int, default d: Int32 = 0) throws(Diagnostic) -> Int32 {
        guard let p = try field(slot) else { return d }
        return Int32(bitPattern: try buf.u32(p))
    }

    func i64(_ slot: Int, default d: Int64 = 0) throws(Diagnostic) -> Int64 {
        guard let p = try field(slot) else { return d }
        return try buf.i64(p)
    }

    func bool(_ slot: Int, default d: Bool = false) throws(Diagnostic) -> Bool {
        guard let p = try field(slot) else { return d }
        return try buf.u8(p) != 0
    }

    func table(_ slot: Int) throws(Diagnostic) -> FlatTable? {
        guard let p = try field(slot) else { return nil }
        return try buf.table(at: try buf.indirect(p))
    }

    func string(_ slot: Int) throws(Diagnostic) -> String? {
        guard let (start, n) = try vector(slot, elementSize: 1) else { return nil }
        return String(decoding: buf.bytes[start..<(start + n)], as: UTF8.self)
    }

    /// A vector's first element position and element count, checked to fit.
    func vector(_ slot: Int, elementSize: Int) throws(Diagnostic) -> (Int, Int)? {
        guard let p = try field(slot) else { return nil }
        let v = try buf.indirect(p)
        let n = Int(try buf.u32(v))
        let start = v + 4
        guard n <= (buf.bytes.count - start) / elementSize else { throw buf.fail("vector past the end") }
        return (start, n)
    }

    /// The tables of a vector of tables.
    func tables(_ slot: Int) throws(Diagnostic) -> [FlatTable] {
        guard let (start, n) = try vector(slot, elementSize: 4) else { return [] }
        var out: [FlatTable] = []
        out.reserveCapacity(n)
        for k in 0..<n { out.append(try buf.table(at: try buf.indirect(start + 4 * k))) }
        return out
    }
}
