#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Handle → account id, as an open-addressing hash table over the handles' UTF-8
/// bytes (no `String` per lookup on the loader's byte path).
///
/// Invariant: `handles[id]` is the handle of account `id`; each used slot holds
/// `(hash >> 32) << 32 | (id + 1)` (0 = empty), so most mismatches are rejected on the
/// 32-bit tag without touching the handle bytes; the table is at most half full.
public struct HandleIndex: Sendable {
    public private(set) var handles: StringStore
    private var slots: [UInt64]
    private var mask: Int

    public init(capacity: Int = 16) {
        handles = StringStore()
        let size = HandleIndex.tableSize(for: capacity)
        slots = [UInt64](repeating: 0, count: size)
        mask = size - 1
    }

    /// Indexes every handle of `store`; returns nil with the first repeated row when two rows are equal.
    public init(uniqueHandles store: StringStore) throws(DuplicateHandle) {
        self.init(capacity: store.count)
        handles.bytes.reserveCapacity(store.bytes.count)
        handles.offsets.reserveCapacity(store.count + 1)
        for i in 0..<store.count {
            let r = store.range(i)
            let dup = store.bytes.withUnsafeBufferPointer { p in
                insert(utf8: UnsafeBufferPointer(rebasing: p[r])).inserted == false
            }
            if dup { throw DuplicateHandle(row: i, handle: store[i]) }
        }
    }

    public struct DuplicateHandle: Error, Sendable {
        public var row: Int
        public var handle: String
    }

    public var count: Int { handles.count }

    /// Grows the table so that `n` handles fit without rehashing.
    public mutating func reserveCapacity(_ n: Int) {
        let size = HandleIndex.tableSize(for: n)
        if size > slots.count { rehash(size: size) }
    }

    private static func tableSize(for capacity: Int) -> Int {
        var size = 16
        while size < capacity * 2 { size <<= 1 }
        return size
    }

    /// A 64-bit hash of the bytes, eight at a time (wyhash-style multiply-mix).
    @inline(__always) public static func hash(bytes p: UnsafeBufferPointer<UInt8>) -> UInt64 {
        let n = p.count
        var h: UInt64 = 0x9E37_79B9_7F4A_7C15 ^ (UInt64(truncatingIfNeeded: n) &* 0xA076_1D64_78BD_642F)
        guard let base = p.baseAddress else { return mix(h) }
        let raw = UnsafeRawPointer(base)
        var i = 0
        while i + 8 <= n {
            let w = raw.loadUnaligned(fromByteOffset: i, as: UInt64.self)
            h = mix(h ^ w)
            i += 8
        }
        if i < n {
            var w: UInt64 = 0
            var shift: UInt64 = 0
            while i < n { w |= UInt64(base[i]) << shift; shift += 8; i += 1 }
            h = mix(h ^ w ^ 0xE703_7ED1_A0B4_28DB)
        }
        return mix(h)
    }

    @inline(__always) private static func mix(_ x: UInt64) -> UInt64 {
        let m = x.multipliedFullWidth(by: 0xE703_7ED1_A0B4_28DB)
        return m.high ^ m.low
    }

    @inline(__always) private static func equal(_ hb: UnsafePointer<UInt8>, _ offsets: UnsafePointer<Int>,
                                                _ id: Int, _ p: UnsafeBufferPointer<UInt8>) -> Bool {
        let lo = offsets[id], hi = offsets[id + 1]
        guard hi - lo == p.count else { return false }
        if p.count == 0 { return true }
        return memcmp(hb + lo, p.baseAddress!, p.count) == 0
    }

    /// The id of the handle with these bytes and this `hash(bytes:)`.
    @inline(__always) public func id(utf8 p: UnsafeBufferPointer<UInt8>, hash h: UInt64) -> UInt32? {
        let tag = h & 0xFFFF_FFFF_0000_0000
        return slots.withUnsafeBufferPointer { sp -> UInt32? in
            handles.bytes.withUnsafeBufferPointer { hb -> UInt32? in
                handles.offsets.withUnsafeBufferPointer { ob -> UInt32? in
                    var i = Int(truncatingIfNeeded: h) & mask
                    while true {
                        let s = sp[i]
                        if s == 0 { return nil }
                        if s & 0xFFFF_FFFF_0000_0000 == tag {
                            let id = Int(s & 0xFFFF_FFFF) - 1
                            if HandleIndex.equal(hb.baseAddress ?? UnsafePointer(bitPattern: 1)!, ob.baseAddress!, id, p) {
                                return UInt32(id)
                            }
                        }
                        i = (i + 1) & mask
                    }
                }
            }
        }
    }

    public func id(utf8 p: UnsafeBufferPointer<UInt8>) -> UInt32? {
        id(utf8: p, hash: HandleIndex.hash(bytes: p))
    }

    public func id(of handle: String) -> UInt32? {
        var h = handle
        return h.withUTF8 { id(utf8: $0) }
    }

    /// Inserts `p` (whose `hash(bytes:)` is `h`) as the next id unless present;
    /// returns its id and whether it was new.
    @discardableResult
    public mutating func insert(utf8 p: UnsafeBufferPointer<UInt8>, hash h: UInt64) -> (id: UInt32, inserted: Bool) {
        if let found = id(utf8: p, hash: h) { return (found, false) }
        let id = UInt32(handles.count)
        handles.append(utf8: p)
        if handles.count * 2 > slots.count { rehash(size: slots.count * 2) } else { place(id: Int(id), hash: h) }
        return (id, true)
    }

    @discardableResult
    public mutating func insert(utf8 p: UnsafeBufferPointer<UInt8>) -> (id: UInt32, inserted: Bool) {
        insert(utf8: p, hash: HandleIndex.hash(bytes: p))
    }

    @discardableResult
    public mutating func insert(_ handle: String) -> (id: UInt32, inserted: Bool) {
        var h = handle
        return h.withUTF8 { insert(utf8: $0) }
    }

    /// Puts `id` into the first free slot of its probe sequence (the caller knows it is absent).
    private mutating func place(id: Int, hash h: UInt64) {
        let m = mask
        slots.withUnsafeMutableBufferPointer { sp in
            var i = Int(truncatingIfNeeded: h) & m
            while sp[i] != 0 { i = (i + 1) & m }
            sp[i] = (h & 0xFFFF_FFFF_0000_0000) | UInt64(id + 1)
        }
    }

    private mutating func rehash(size: Int) {
        slots = [UInt64](repeating: 0, count: size)
        mask = size - 1
        let n = handles.count
        let store = handles
        store.bytes.withUnsafeBufferPointer { hb in
            for id in 0..<n {
                let r = store.range(id)
                place(id: id, hash: HandleIndex.hash(bytes: UnsafeBufferPointer(rebasing: hb[r])))
            }
        }
    }
}
