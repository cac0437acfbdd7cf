/// Strings of a column kept in one UTF-8 byte buffer with an offset per row, so a
/// million handles are two arrays, not a million `String` objects.
///
/// Invariant: `offsets.count == count + 1`, `offsets[0] == 0`, offsets non-decreasing,
/// `offsets.last == bytes.count`; every slice is valid UTF-8.
public struct StringStore: Sendable, Equatable {
    public var bytes: [UInt8]
    public var offsets: [Int]

    public init() { bytes = []; offsets = [0] }

    public init(bytes: [UInt8], offsets: [Int]) {
        self.bytes = bytes; self.offsets = offsets
    }

    public init<S: Sequence>(_ strings: S) where S.Element == String {
        self.init()
        for s in strings { append(s) }
    }

    public var count: Int { offsets.count - 1 }

    public mutating func append(_ s: String) {
        bytes.append(contentsOf: s.utf8)
        offsets.append(bytes.count)
    }

    public mutating func append<C: Collection>(utf8 b: C) where C.Element == UInt8 {
        bytes.append(contentsOf: b)
        offsets.append(bytes.count)
    }

    /// Appends an empty string (the payload of a null cell).
    public mutating func appendEmpty() { offsets.append(bytes.count) }

    public subscript(i: Int) -> String {
        let lo = offsets[i], hi = offsets[i + 1]
        return bytes.withUnsafeBufferPointer { String(decoding: UnsafeBufferPointer(rebasing: $0[lo..<hi]), as: UTF8.self) }
    }

    /// Byte range of row `i` inside `bytes`.
    @inline(__always) public func range(_ i: Int) -> Range<Int> { offsets[i]..<offsets[i + 1] }

    /// Byte-wise comparison of two rows (UTF-8 byte order equals code point order).
    public func compare(_ i: Int, _ j: Int) -> Int {
        let a = range(i), b = range(j)
        return bytes.withUnsafeBufferPointer { p -> Int in
            let n = min(a.count, b.count)
            for k in 0..<n {
                let x = p[a.lowerBound + k], y = p[b.lowerBound + k]
                if x != y { return x < y ? -1 : 1 }
            }
            return a.count == b.count ? 0 : (a.count < b.count ? -1 : 1)
        }
    }

    /// Rows `rows`, in that order, as a new store.
    public func gather(_ rows: [UInt32]) -> StringStore {
        var out = StringStore()
        out.offsets.reserveCapacity(rows.count + 1)
        for r in rows { out.append(utf8: bytes[range(Int(r))]) }
        return out
    }
}
