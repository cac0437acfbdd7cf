/// Handle → account id, as an open-addressing hash table over the handles' UTF-8
/// bytes (no `String` per lookup on the loader's byte path).
///
/// Invariant: `handles[id]` is the handle of account `id`; `slots` holds `id + 1`
/// (0 = empty) and is at most half full.
public struct HandleIndex: Sendable {
    public private(set) var handles: StringStore
    private var slots: [UInt32]
    private var mask: Int

    public init(capacity: Int = 16) {
        handles = StringStore()
        var size = 16
        while size < capacity * 2 { size <<= 1 }
        slots = [UInt32](repeating: 0, count: size)
        mask = size - 1
    }

    /// Indexes every handle of `store`; returns nil with the first repeated row when two rows are equal.
    public init(uniqueHandles store: StringStore) throws(DuplicateHandle) {
        self.init(capacity: store.count)
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

    /// FNV-1a, 64-bit.
    @inline(__always) static func hash(_ p: UnsafeBufferPointer<UInt8>) -> Int {
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        for b in p { h = (h ^ UInt64(b)) &* 0x100_0000_01b3 }
        return Int(truncatingIfNeeded: h ^ (h >> 29))
    }

    @inline(__always) private func equal(_ id: Int, _ p: UnsafeBufferPointer<UInt8>) -> Bool {
        let r = handles.range(id)
        guard r.count == p.count else { return false }
        return handles.bytes.withUnsafeBufferPointer { hb in
            var k = 0
            while k < p.count { if hb[r.lowerBound + k] != p[k] { return false }; k += 1 }
            return true
        }
    }

    public func id(utf8 p: UnsafeBufferPointer<UInt8>) -> UInt32? {
        var i = HandleIndex.hash(p) & mask
        while true {
            let s = slots[i]
            if s == 0 { return nil }
            if equal(Int(s - 1), p) { return s - 1 }
            i = (i + 1) & mask
        }
    }

    public func id(of handle: String) -> UInt32? {
        var h = handle
        return h.withUTF8 { id(utf8: $0) }
    }

    /// Inserts `p` as the next id unless present; returns its id and whether it was new.
    @discardableResult
    public mutating func insert(utf8 p: UnsafeBufferPointer<UInt8>) -> (id: UInt32, inserted: Bool) {
        var i = HandleIndex.hash(p) & mask
        while true {
            let s = slots[i]
            if s == 0 { break }
            if equal(Int(s - 1), p) { return (s - 1, false) }
            i = (i + 1) & mask
        }
        let id = UInt32(handles.count)
        handles.append(utf8: p)
        slots[i] = id + 1
        if handles.count * 2 > slots.count { grow() }
        return (id, true)
    }

    @discardableResult
    public mutating func insert(_ handle: String) -> (id: UInt32, inserted: Bool) {
        var h = handle
        return h.withUTF8 { insert(utf8: $0) }
    }

    private mutating func grow() {
        let size = slots.count * 2
        var ns = [UInt32](repeating: 0, count: size)
        let m = size - 1
        handles.bytes.withUnsafeBufferPointer { hb in
            for id in 0..<handles.count {
                let r = handles.range(id)
                var i = HandleIndex.hash(UnsafeBufferPointer(rebasing: hb[r])) & m
                while ns[i] != 0 { i = (i + 1) & m }
                ns[i] = UInt32(id + 1)
            }
        }
        slots = ns; mask = m
    }
}
