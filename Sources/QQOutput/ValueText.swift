import QQData

/// How a single value prints (SPEC §6): "a value prints as its text alone on one
/// line in every format" — what `count`, `print` and a bound value show.
public enum ValueText {
    /// The value's exact text alone, with no quotes or decoration: ints in full
    /// digits, floats as the shortest text that reads back to the same Double
    /// (`0.1`, `2.0`, `1e-06`, `nan`, `inf`), booleans `true`/`false`, dates ISO
    /// `2024-01-31`, strings as they are, and null as `null` (so a missing answer
    /// is visible, unlike an empty line). The caller adds the newline.
    public static func plain(_ v: Value) -> String {
        switch v {
        case .null: return "null"
        default: return v.description
        }
    }

    /// The value as a table cell shows it (the one display formatter of the box
    /// table): ints grouped by thousands, floats to about six significant digits
    /// (`7.5`, not `7.500000000000001`), dates ISO, null empty.
    public static func display(_ v: Value) -> String {
        switch v {
        case .null: return ""
        case .int(let i): return NumberText.grouped(i)
        case .float(let d): return CellFormatter.floats([d], rows: 1, nulls: [false], nullText: "")[0]
        default: return v.description
        }
    }

    /// The text of a non-null value in csv/tsv/markdown fields (null is the empty field there).
    static func field(_ v: Value) -> String {
        v.isNull ? "" : v.description
    }
}

/// A growable UTF-8 byte buffer: exact writers append to one flat array instead
/// of building a `String` per cell.
struct ByteBuffer {
    var bytes: [UInt8] = []

    init(capacity: Int = 0) { bytes.reserveCapacity(capacity) }

    @inline(__always) mutating func append(_ b: UInt8) { bytes.append(b) }

    @inline(__always) mutating func append(_ s: String) { bytes.append(contentsOf: s.utf8) }

    mutating func append<C: Collection>(bytes b: C) where C.Element == UInt8 { bytes.append(contentsOf: b) }

    /// Decimal digits of `i`, without allocating a String.
    mutating func append(int i: Int64) {
        if i == 0 { bytes.append(48); return }
        if i < 0 { bytes.append(UInt8(ascii: "-")) }
        var m = i.magnitude
        var tmp: (UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8,
                  UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8) =
            (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)
        var n = 0
        withUnsafeMutableBytes(of: &tmp) { p in
            while m > 0 { p[n] = UInt8(m % 10) + 48; m /= 10; n += 1 }
            for k in stride(from: n - 1, through: 0, by: -1) { bytes.append(p[k]) }
        }
    }

    /// Shortest round-trip text of a Double (`Value.formatFloat`).
    mutating func append(float d: Double) { append(Value.formatFloat(d)) }

    /// ISO date of days since 1970-01-01.
    mutating func append(date d: Int32) {
        let c = CivilDate(daysSinceEpoch: d)
        guard c.year >= 0 && c.year <= 9999 else { append(c.iso); return }
        bytes.append(48 + UInt8(c.year / 1000)); bytes.append(48 + UInt8(c.year / 100 % 10))
        bytes.append(48 + UInt8(c.year / 10 % 10)); bytes.append(48 + UInt8(c.year % 10))
        bytes.append(UInt8(ascii: "-"))
        bytes.append(48 + UInt8(c.month / 10)); bytes.append(48 + UInt8(c.month % 10))
        bytes.append(UInt8(ascii: "-"))
        bytes.append(48 + UInt8(c.day / 10)); bytes.append(48 + UInt8(c.day % 10))
    }

    var string: String { String(decoding: bytes, as: UTF8.self) }
}
