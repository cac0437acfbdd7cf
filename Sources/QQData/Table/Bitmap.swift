/// A fixed-size bit set, used as a column's validity mask (bit set = value present).
///
/// - Complexity: `get`/`set` O(1); memory n/8 bytes.
public struct Bitmap: Sendable, Equatable {
    public private(set) var words: [UInt64]
    public private(set) var count: Int

    /// A bitmap of `count` bits, all set to `value`.
    public init(count: Int, value: Bool) {
        self.count = count
        let n = (count + 63) >> 6
        words = [UInt64](repeating: value ? ~0 : 0, count: n)
        if value, count & 63 != 0 { words[n - 1] = (1 << UInt64(count & 63)) - 1 }
    }

    /// A bitmap of `count` bits held in `words` (bit i of word i / 64); nil unless
    /// there are exactly enough words and the bits past `count` are clear.
    public init?(words: [UInt64], count: Int) {
        guard count >= 0, words.count == (count + 63) >> 6 else { return nil }
        if count & 63 != 0, words[words.count - 1] >> UInt64(count & 63) != 0 { return nil }
        self.words = words
        self.count = count
    }

    @inline(__always) public subscript(i: Int) -> Bool {
        get { (words[i >> 6] >> UInt64(i & 63)) & 1 == 1 }
        set {
            if newValue { words[i >> 6] |= 1 << UInt64(i & 63) } else { words[i >> 6] &= ~(1 << UInt64(i & 63)) }
        }
    }

    public mutating func append(_ v: Bool) {
        if count & 63 == 0 { words.append(0) }
        count += 1
        self[count - 1] = v
    }

    /// Number of set bits.
    public var popCount: Int { words.reduce(0) { $0 + $1.nonzeroBitCount } }
}
