#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import QQData
import QQSyntax
import QQSemantic

/// Join and membership keys as flat arrays: integers (ints, dates, bools, and floats
/// by their bit pattern) or UTF-8 strings. Both sides of a join are brought to one
/// representation first: numbers meeting text become text (SPEC §7), an int meeting a
/// float becomes a float. Nulls never match.
package enum KeyColumn {
    case ints([Int64], valid: Bitmap?)
    case strings(StringStore, valid: Bitmap?)

    /// The two key columns in one representation.
    package static func pair(_ a: Column, _ b: Column, asText: Bool) -> (KeyColumn, KeyColumn) {
        if asText || a.type == .string || b.type == .string { return (text(a), text(b)) }
        let floats = a.type == .float || b.type == .float
        return (numbers(a, floats: floats), numbers(b, floats: floats))
    }

    private static func numbers(_ c: Column, floats: Bool) -> KeyColumn {
        guard floats else {
            if case .null(let n) = c.storage { return .ints([Int64](repeating: 0, count: n), valid: Bitmap(count: n, value: false)) }
            return .ints(c.int64s, valid: c.valid)
        }
        // Floats by bit pattern: -0 is 0, and NaN never matches (it is made null).
        let d = c.doubles
        var valid = c.valid
        var bits = [Int64](repeating: 0, count: d.count)
        for i in 0..<d.count {
            let x = d[i]
            if x.isNaN {
                if valid == nil { valid = Bitmap(count: d.count, value: true) }
                valid![i] = false
            } else {
                bits[i] = Int64(bitPattern: (x == 0 ? 0 : x).bitPattern)
            }
        }
        if case .null(let n) = c.storage { valid = Bitmap(count: n, value: false) }
        return .ints(bits, valid: valid)
    }

    /// The column as text: numbers as they print (`123`), strings as they are.
    private static func text(_ c: Column) -> KeyColumn {
        switch c.storage {
        case .string(let s): return .strings(s, valid: c.valid)
        case .int(let a):
            var s = StringStore()
            s.bytes.reserveCapacity(a.count * 8)
            s.offsets.reserveCapacity(a.count + 1)
            for x in a { s.append(String(x)) }
            return .strings(s, valid: c.valid)
        case .null(let n):
            return .strings(StringStore(bytes: [], offsets: [Int](repeating: 0, count: n + 1)), valid: Bitmap(count: n, value: false))
        default:
            var s = StringStore()
            for i in 0..<c.count { if c.isNull(i) { s.appendEmpty() } else { s.append(c[i].description) } }
            return .strings(s, valid: c.valid)
        }
    }

    package var count: Int {
        switch self {
        case .ints(let a, _): return a.count
        case .strings(let s, _): return s.count
        }
    }
}

/// A hash table over one key column (the build side), open addressing with linear
/// probing. A slot is one 64-bit word: the hash's high 32 bits over the row + 1 of the
/// first row of one key (0: empty), so a probe usually costs one cache line; `next`
/// chains the later rows of the same key in row order. No per-row objects: two flat
/// arrays and the key column itself.
/// - Complexity: build O(n) expected; each probe O(1) expected plus the rows it yields.
package struct KeyTable {
    private let keys: KeyColumn
    private var slots: [UInt64]
    /// Row + 1 of the next row with the same key, 0 at the end of a chain.
    private(set) var next: [UInt32]
    private let mask: Int

    @inline(__always) static func tag(_ h: UInt64) -> UInt64 { h & 0xFFFF_FFFF_0000_0000 }
    @inline(__always) static func row(_ slot: UInt64) -> Int { Int(truncatingIfNeeded: slot & 0xFFFF_FFFF) - 1 }

    /// Indexes every non-null row of `keys`; with `chains` false, only one row per key
    /// is kept (membership needs no more).
    package init(_ keys: KeyColumn, chains: Bool) throws(Diagnostic) {
        self.keys = keys
        let n = keys.count
        var size = 16
        while size < n * 2 { size <<= 1 }
        let mask = size - 1
        self.mask = mask
        var slots = [UInt64](repeating: 0, count: size)
        var next = [UInt32](repeating: 0, count: chains ? n : 0)
        // Rows go in from last to first, each becoming the head of its chain, so a
        // chain lists its rows in ascending order.
        slots.withUnsafeMutableBufferPointer { sl in
            next.withUnsafeMutableBufferPointer { nx in
                @inline(__always) func place(_ r: Int, _ i: Int, _ h: UInt64) {
                    if sl[i] != 0 {
                        if chains { nx[r] = UInt32(truncatingIfNeeded: sl[i] & 0xFFFF_FFFF) }
                        sl[i] = (sl[i] & 0xFFFF_FFFF_0000_0000) | UInt64(r + 1)
                    } else {
                        sl[i] = KeyTable.tag(h) | UInt64(r + 1)
                    }
                }
                switch keys {
                case .ints(let a, let valid):
                    a.withUnsafeBufferPointer { k in
                        for r in stride(from: n - 1, through: 0, by: -1) {
                            if let v = valid, !v.bit(r) { continue }
                            let h = KeyTable.hash(k[r]), t = KeyTable.tag(h)
                            var i = Int(truncatingIfNeeded: h) & mask
                            while sl[i] != 0 {
                                if sl[i] & 0xFFFF_FFFF_0000_0000 == t && k[KeyTable.row(sl[i])] == k[r] { break }
                                i = (i + 1) & mask
                            }
                            place(r, i, h)
                        }
                    }
                case .strings(let s, let valid):
                    s.bytes.withUnsafeBufferPointer { b in
                        s.offsets.withUnsafeBufferPointer { o in
                            for r in stride(from: n - 1, through: 0, by: -1) {
                                if let v = valid, !v.bit(r) { continue }
                                let key = UnsafeBufferPointer(rebasing: b[o[r]..<o[r + 1]])
                                let h = HandleIndex.hash(bytes: key), t = KeyTable.tag(h)
                                var i = Int(truncatingIfNeeded: h) & mask
                                while sl[i] != 0 {
                                    if sl[i] & 0xFFFF_FFFF_0000_0000 == t {
                                        let q = KeyTable.row(sl[i])
                                        if KeyTable.equal(key, UnsafeBufferPointer(rebasing: b[o[q]..<o[q + 1]])) { break }
                                    }
                                    i = (i + 1) & mask
                                }
                                place(r, i, h)
                            }
                        }
                    }
                }
            }
        }
        self.slots = slots
        self.next = next
        try Cancellation.check()
    }

    @inline(__always) static func hash(_ x: Int64) -> UInt64 {
        let m = UInt64(bitPattern: x).multipliedFullWidth(by: 0x9E37_79B9_7F4A_7C15)
        return m.high ^ m.low
    }

    @inline(__always) static func equal(_ a: UnsafeBufferPointer<UInt8>, _ b: UnsafeBufferPointer<UInt8>) -> Bool {
        guard a.count == b.count else { return false }
        if a.count == 0 { return true }
        return memcmp(a.baseAddress!, b.baseAddress!, a.count) == 0
    }

    /// For every row of `probe`: the first matching build row + 1, or 0 (null keys never match).
    /// `probe` must be in the same representation as the build keys (`KeyColumn.pair`).
    /// Large probes run on both cores, each over half of the rows (the table is only read).
    package func firstMatches(_ probe: KeyColumn) throws(Diagnostic) -> [UInt32] {
        let n = probe.count
        let mask = self.mask
        let parts = n >= 200_000 ? QQData.Parallel.workers : 1
        let chunk = (n + parts - 1) / max(parts, 1)
        var out = [UInt32](repeating: 0, count: n)
        try slots.withUnsafeBufferPointer { (sl) throws(Diagnostic) in
            try out.withUnsafeMutableBufferPointer { (res) throws(Diagnostic) in
                switch (probe, keys) {
                case (.ints(let a, let valid), .ints(let built, _)):
                    a.withUnsafeBufferPointer { k in
                        built.withUnsafeBufferPointer { bk in
                            QQData.Parallel.onEach(parts) { part in
                                for r in (part * chunk)..<min(n, (part + 1) * chunk) {
                                    if let v = valid, !v.bit(r) { continue }
                                    let h = KeyTable.hash(k[r]), t = KeyTable.tag(h)
                                    var i = Int(truncatingIfNeeded: h) & mask
                                    while sl[i] != 0 {
                                        if sl[i] & 0xFFFF_FFFF_0000_0000 == t && bk[KeyTable.row(sl[i])] == k[r] {
                                            res[r] = UInt32(truncatingIfNeeded: sl[i] & 0xFFFF_FFFF); break
                                        }
                                        i = (i + 1) & mask
                                    }
                                }
                            }
                        }
                    }
                case (.strings(let s, let valid), .strings(let t, _)):
                    s.bytes.withUnsafeBufferPointer { b in
                        s.offsets.withUnsafeBufferPointer { o in
                            t.bytes.withUnsafeBufferPointer { tb in
                                t.offsets.withUnsafeBufferPointer { to in
                                    QQData.Parallel.onEach(parts) { part in
                                        for r in (part * chunk)..<min(n, (part + 1) * chunk) {
                                            if let v = valid, !v.bit(r) { continue }
                                            let key = UnsafeBufferPointer(rebasing: b[o[r]..<o[r + 1]])
                                            let h = HandleIndex.hash(bytes: key), tg = KeyTable.tag(h)
                                            var i = Int(truncatingIfNeeded: h) & mask
                                            while sl[i] != 0 {
                                                if sl[i] & 0xFFFF_FFFF_0000_0000 == tg {
                                                    let q = KeyTable.row(sl[i])
                                                    if KeyTable.equal(key, UnsafeBufferPointer(rebasing: tb[to[q]..<to[q + 1]])) {
                                                        res[r] = UInt32(truncatingIfNeeded: sl[i] & 0xFFFF_FFFF); break
                                                    }
                                                }
                                                i = (i + 1) & mask
                                            }
                                        }
                                    }
                                }
                            }
                        }
                    }
                default:
                    throw Diagnostic(.internal, "internal error: join keys of two representations")
                }
            }
        }
        try Cancellation.check()
        return out
    }
}
