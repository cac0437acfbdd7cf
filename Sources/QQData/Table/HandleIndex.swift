#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Handle → account id, as an open-addressing hash table over the handles' UTF-8
/// bytes (no `String` per lookup on the loader's byte path).
///
/// Invariant: `handles[id]` is the handle of account `id`; each used slot holds a
/// 24-bit hash tag, the handle's length (capped at 255), `id + 1` (0 = empty) and the
/// handle's first eight bytes, so a lookup of a handle of at most eight bytes touches
/// one cache line and never the handle store; the table is at most half full.
public struct HandleIndex: Sendable {
    public private(set) var handles: StringStore
    private var slots: [Slot]
    private var mask: Int

    /// `meta` = tag (24 bits) · length (8 bits) · id + 1 (32 bits); `word` = the first 8 bytes.
    struct Slot: Sendable {
        var meta: UInt64
        var word: UInt64
    }

    @inline(__always) private static func key(_ h: UInt64, _ count: Int) -> UInt64 {
        (h >> 40) << 8 | UInt64(min(count, 255))
    }

    /// The first eight bytes, zero-padded, little-endian.
    @inline(__always) static func firstWord(_ p: UnsafeBufferPointer<UInt8>) -> UInt64 {
        guard let base = p.baseAddress else { return 0 }
        if p.count >= 8 { return UnsafeRawPointer(base).loadUnaligned(as: UInt64.self) }
        return shortWord(base, p.count)
    }

    /// The `n < 8` bytes at `base`, zero-padded, little-endian, without reading past
    /// them: two overlapping loads of 4 (or 2) bytes, whose shared bytes agree.
    @inline(__always) static func shortWord(_ base: UnsafePointer<UInt8>, _ n: Int) -> UInt64 {
        let raw = UnsafeRawPointer(base)
        if n >= 4 {
            let lo = UInt64(raw.loadUnaligned(as: UInt32.self))
            let hi = UInt64(raw.loadUnaligned(fromByteOffset: n - 4, as: UInt32.self))
            return lo | hi << UInt64(8 * (n - 4))
        }
        if n >= 2 {
            let lo = UInt64(raw.loadUnaligned(as: UInt16.self))
            let hi = UInt64(raw.loadUnaligned(fromByteOffset: n - 2, as: UInt16.self))
            return lo | hi << UInt64(8 * (n - 2))
        }
        return n == 1 ? UInt64(base[0]) : 0
    }

    public init(capacity: Int = 16) {
        handles = StringStore()
        let size = HandleIndex.tableSize(for: capacity)
        slots = HandleIndex.emptySlots(size)
        mask = size - 1
    }

    /// A zeroed table, on huge pages when large.
    private static func emptySlots(_ size: Int) -> [Slot] {
        [Slot](unsafeUninitializedCapacity: size) { b, n in
            HugePages.advise(UnsafeMutableRawPointer(b.baseAddress), size * MemoryLayout<Slot>.stride)
            b.initialize(repeating: Slot(meta: 0, word: 0))
            n = size
        }
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

    /// Identifies the hash function and slot layout; a saved `table` is only valid
    /// for the same version.
    public static let tableVersion: UInt64 = 1

    /// The hash table as raw words (meta, first bytes) per slot, for snapshots.
    public var table: [UInt64] {
        slots.withUnsafeBufferPointer { sp in
            UnsafeRawBufferPointer(sp).withMemoryRebound(to: UInt64.self) { Array($0) }
        }
    }

    /// Rebuilds an index from `handles` and a `table` saved from an index of the same
    /// handles and `tableVersion`; nil when the table cannot be right (wrong size or
    /// count), so the caller can fall back to `init(uniqueHandles:)`.
    public init?(handles store: StringStore, table: [UInt64]) {
        let size = table.count / 2
        guard table.count % 2 == 0, size >= 16, size & (size - 1) == 0, store.count * 2 <= size else { return nil }
        var used = 0
        var slots = [Slot](repeating: Slot(meta: 0, word: 0), count: size)
        for i in 0..<size {
            let meta = table[2 * i]
            if meta != 0 {
                guard Int(meta & 0xFFFF_FFFF) <= store.count else { return nil }
                used += 1
            }
            slots[i] = Slot(meta: meta, word: table[2 * i + 1])
        }
        guard used == store.count else { return nil }
        self.handles = store
        self.slots = slots
        self.mask = size - 1
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
            h = mix(h ^ shortWord(base + i, n - i) ^ 0xE703_7ED1_A0B4_28DB)
        }
        return mix(h)
    }

    @inline(__always) private static func mix(_ x: UInt64) -> UInt64 {
        let m = x.multipliedFullWidth(by: 0xE703_7ED1_A0B4_28DB)
        return m.high ^ m.low
    }

    /// The id of the handle with these bytes and this `hash(bytes:)`.
    @inline(__always) public func id(utf8 p: UnsafeBufferPointer<UInt8>, hash h: UInt64) -> UInt32? {
        let k = HandleIndex.key(h, p.count)
        let w = HandleIndex.firstWord(p)
        return slots.withUnsafeBufferPointer { sp -> UInt32? in
            var i = Int(truncatingIfNeeded: h) & mask
            while true {
                let s = sp[i]
                if s.meta == 0 { return nil }
                if s.meta >> 32 == k && s.word == w {
                    let id = Int(s.meta & 0xFFFF_FFFF) - 1
                    if p.count <= 8 || tailEqual(id, p) { return UInt32(id) }
                }
                i = (i + 1) & mask
            }
        }
    }

    /// Looks up `count` handles at once: `starts[k]`, `lengths[k]` are the bytes and
    /// `hashes[k]` their `hash(bytes:)`; writes each id, or `UInt32.max` when absent,
    /// to `out[k]`. The first probes of all keys are loaded in one tight loop so that
    /// their cache misses overlap, which is what makes bulk lookups fast.
    public func ids(count: Int, starts: UnsafePointer<UnsafePointer<UInt8>>, lengths: UnsafePointer<Int>,
                    hashes: UnsafePointer<UInt64>, into out: UnsafeMutablePointer<UInt32>) {
        let m = mask
        slots.withUnsafeBufferPointer { sp in
            withUnsafeTemporaryAllocation(of: Slot.self, capacity: count) { first in
                for k in 0..<count { first[k] = sp[Int(truncatingIfNeeded: hashes[k]) & m] }
                for k in 0..<count {
                    let p = UnsafeBufferPointer(start: starts[k], count: lengths[k])
                    let h = hashes[k]
                    let key = HandleIndex.key(h, p.count), w = HandleIndex.firstWord(p)
                    var i = Int(truncatingIfNeeded: h) & m
                    var s = first[k]
                    var found = UInt32.max
                    while s.meta != 0 {
                        if s.meta >> 32 == key && s.word == w {
                            let id = Int(s.meta & 0xFFFF_FFFF) - 1
                            if p.count <= 8 || tailEqual(id, p) { found = UInt32(id); break }
                        }
                        i = (i + 1) & m
                        s = sp[i]
                    }
                    out[k] = found
                }
            }
        }
    }

    /// Compares a handle longer than eight bytes with the stored one.
    private func tailEqual(_ id: Int, _ p: UnsafeBufferPointer<UInt8>) -> Bool {
        handles.bytes.withUnsafeBufferPointer { hb in
            let lo = handles.offsets[id], hi = handles.offsets[id + 1]
            return hi - lo == p.count && memcmp(hb.baseAddress! + lo, p.baseAddress!, p.count) == 0
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
        if handles.count * 2 > slots.count { rehash(size: slots.count * 2) } else { place(id: Int(id), bytes: p, hash: h) }
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
    private mutating func place(id: Int, bytes p: UnsafeBufferPointer<UInt8>, hash h: UInt64) {
        let m = mask
        let slot = Slot(meta: HandleIndex.key(h, p.count) << 32 | UInt64(id + 1), word: HandleIndex.firstWord(p))
        slots.withUnsafeMutableBufferPointer { sp in
            var i = Int(truncatingIfNeeded: h) & m
            while sp[i].meta != 0 { i = (i + 1) & m }
            sp[i] = slot
        }
    }

    private mutating func rehash(size: Int) {
        slots = HandleIndex.emptySlots(size)
        mask = size - 1
        let n = handles.count
        let store = handles
        store.bytes.withUnsafeBufferPointer { hb in
            for id in 0..<n {
                let b = UnsafeBufferPointer(rebasing: hb[store.range(id)])
                place(id: id, bytes: b, hash: HandleIndex.hash(bytes: b))
            }
        }
    }
}

extension HandleIndex {
    /// Why a saved table was refused by `init(handles:verifying:)`.
    public enum TableProblem: Error, Sendable {
        /// Not a power-of-two size of at least twice the handle count.
        case size
        /// Slot `slot` names account `id`, beyond the handles.
        case slot(slot: Int, id: Int)
        /// `used` slots are taken, one per handle expected.
        case count(used: Int)
        /// Looking up the handle of row `row` does not find `row`.
        case lookup(row: Int)
        /// Rows `row` and `first` hold the same handle.
        case duplicate(row: Int, first: Int)
    }

    /// An index over `store` from a saved `table` (`self.table` of an index of the same
    /// handles and `tableVersion`), trusting nothing in it: every used slot must name an
    /// account, exactly `store.count` slots are used, and looking up each handle must
    /// find its own row. Then each slot holds its handle's tag and bytes, so every
    /// lookup answers as an index built from `store` would (a table that resolves one
    /// handle to another account, or repeated handles, are refused). The lookups run on
    /// both cores, 1,024 at a time through `ids(count:…)`. `store` must be a valid
    /// `StringStore` (the caller checks offsets and UTF-8 first).
    public init(handles store: StringStore, verifying table: [UInt64]) throws(TableProblem) {
        let size = table.count / 2
        let n = store.count
        guard table.count % 2 == 0, size >= 16, size & (size - 1) == 0, n <= size / 2 else { throw .size }
        var used = 0
        var badSlot: (Int, Int)? = nil
        table.withUnsafeBufferPointer { t in
            for i in 0..<size {
                let meta = t[2 * i]
                if meta == 0 { continue }
                used += 1
                let id = Int(meta & 0xFFFF_FFFF)
                if id == 0 || id > n { badSlot = (i, id - 1); return }
            }
        }
        if let (slot, id) = badSlot { throw .slot(slot: slot, id: id) }
        guard used == n else { throw .count(used: used) }
        handles = store
        slots = [Slot](unsafeUninitializedCapacity: size) { b, count in
            HugePages.advise(UnsafeMutableRawPointer(b.baseAddress), size * MemoryLayout<Slot>.stride)
            table.withUnsafeBytes { UnsafeMutableRawBufferPointer(b).copyMemory(from: $0) }
            count = size
        }
        mask = size - 1
        let me = self
        let batch = 1024
        let width = n < 1 << 14 ? 1 : Parallel.workers
        let parts = Parallel.map(width) { part -> TableProblem? in
            let lo = n * part / width, hi = n * (part + 1) / width
            return store.bytes.withUnsafeBufferPointer { hb -> TableProblem? in
                let base = hb.baseAddress ?? UnsafePointer(bitPattern: 1)!
                var starts = [UnsafePointer<UInt8>](repeating: base, count: batch)
                var lengths = [Int](repeating: 0, count: batch)
                var hashes = [UInt64](repeating: 0, count: batch)
                var found = [UInt32](repeating: 0, count: batch)
                var first = lo
                while first < hi {
                    let k = min(batch, hi - first)
                    for j in 0..<k {
                        let r = store.range(first + j)
                        starts[j] = base + r.lowerBound
                        lengths[j] = r.count
                        hashes[j] = HandleIndex.hash(bytes: UnsafeBufferPointer(start: base + r.lowerBound, count: r.count))
                    }
                    found.withUnsafeMutableBufferPointer { f in
                        me.ids(count: k, starts: starts, lengths: lengths, hashes: hashes, into: f.baseAddress!)
                    }
                    for j in 0..<k where found[j] != UInt32(first + j) {
                        let row = first + j
                        if found[j] == UInt32.max { return .lookup(row: row) }
                        let other = Int(found[j])
                        let same = hb[store.range(other)].elementsEqual(hb[store.range(row)])
                        return same ? .duplicate(row: max(row, other), first: min(row, other)) : .lookup(row: row)
                    }
                    first += k
                }
                return nil
            }
        }
        for p in parts { if let p { throw p } }
    }
}
