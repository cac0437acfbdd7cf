#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import QQData

/// Parsers for one field's bytes, without making a `String`: the typed values of
/// SPEC §1 (`int`, `float`, `bool`, `date`). Each returns nil when the text is not
/// exactly a value of that type.
enum FieldParsing {
    /// `[+-]digits` fitting in Int64.
    @inline(__always) static func int(_ p: UnsafeBufferPointer<UInt8>) -> Int64? {
        let n = p.count
        if n == 0 { return nil }
        var i = 0
        var negative = false
        if p[0] == 45 || p[0] == 43 { negative = p[0] == 45; i = 1; if n == 1 { return nil } }
        var v: Int64 = 0
        while i < n {
            let d = p[i] &- 48
            if d > 9 { return nil }
            let (m, o1) = v.multipliedReportingOverflow(by: 10)
            let (a, o2) = negative ? m.subtractingReportingOverflow(Int64(d)) : m.addingReportingOverflow(Int64(d))
            if o1 || o2 { return nil }
            v = a
            i += 1
        }
        return v
    }

    private static let pow10: [Double] = (0...22).map { e in var x = 1.0; for _ in 0..<e { x *= 10 }; return x }

    /// A decimal or scientific number, or `inf`, `-inf`, `nan` (any case), as Swift prints them.
    /// Short plain decimals take an exact fast path (mantissa < 2^53, ≤ 22 fraction digits);
    /// everything else goes through `strtod`, which rounds correctly.
    static func double(_ p: UnsafeBufferPointer<UInt8>) -> Double? {
        let n = p.count
        if n == 0 || n > 400 { return nil }
        var i = 0
        var negative = false
        if p[0] == 45 || p[0] == 43 { negative = p[0] == 45; i = 1 }
        if i < n, p[i] | 0x20 == UInt8(ascii: "i") || p[i] | 0x20 == UInt8(ascii: "n") {
            return special(p, from: i, negative: negative)
        }
        var mantissa: UInt64 = 0
        var digits = 0, fraction = 0
        var simple = true
        var sawDigit = false
        while i < n, p[i] &- 48 <= 9 {
            sawDigit = true
            if digits < 19 { mantissa = mantissa * 10 + UInt64(p[i] - 48) } else { simple = false }
            if mantissa > 0 { digits += 1 }
            i += 1
        }
        if i < n && p[i] == 46 {
            i += 1
            while i < n, p[i] &- 48 <= 9 {
                sawDigit = true
                if digits < 19 { mantissa = mantissa * 10 + UInt64(p[i] - 48); fraction += 1 } else { simple = false }
                if mantissa > 0 { digits += 1 }
                i += 1
            }
        }
        if !sawDigit { return nil }
        if i < n && (p[i] | 0x20) == UInt8(ascii: "e") {
            simple = false
            i += 1
            if i < n && (p[i] == 45 || p[i] == 43) { i += 1 }
            var expDigits = 0
            while i < n, p[i] &- 48 <= 9 { i += 1; expDigits += 1 }
            if expDigits == 0 { return nil }
        }
        if i != n { return nil }
        if simple && mantissa < (1 << 53) && fraction <= 22 {
            let v = Double(mantissa) / pow10[fraction]
            return negative ? -v : v
        }
        return withUnsafeTemporaryAllocation(of: CChar.self, capacity: n + 1) { buf -> Double? in
            for k in 0..<n { buf[k] = CChar(bitPattern: p[k]) }
            buf[n] = 0
            return strtod(buf.baseAddress!, nil)
        }
    }

    private static func special(_ p: UnsafeBufferPointer<UInt8>, from i: Int, negative: Bool) -> Double? {
        let rest = p.count - i
        func lower(_ k: Int) -> UInt8 { p[i + k] | 0x20 }
        if rest == 3 && lower(0) == 110 && lower(1) == 97 && lower(2) == 110 { return .nan }
        if rest == 3 && lower(0) == 105 && lower(1) == 110 && lower(2) == 102 { return negative ? -.infinity : .infinity }
        if rest == 8 {
            let word = Array("infinity".utf8)
            for k in 0..<8 where lower(k) != word[k] { return nil }
            return negative ? -.infinity : .infinity
        }
        return nil
    }

    /// `true` / `false` in any case.
    @inline(__always) static func bool(_ p: UnsafeBufferPointer<UInt8>) -> Bool? {
        if p.count == 4 && p[0] | 0x20 == 116 && p[1] | 0x20 == 114 && p[2] | 0x20 == 117 && p[3] | 0x20 == 101 { return true }
        if p.count == 5 && p[0] | 0x20 == 102 && p[1] | 0x20 == 97 && p[2] | 0x20 == 108 && p[3] | 0x20 == 115
            && p[4] | 0x20 == 101 { return false }
        return nil
    }

    /// `YYYY-MM-DD` as days since 1970-01-01, for valid calendar dates only.
    @inline(__always) static func date(_ p: UnsafeBufferPointer<UInt8>) -> Int32? {
        guard p.count == 10, p[4] == 45, p[7] == 45 else { return nil }
        @inline(__always) func num(_ from: Int, _ len: Int) -> Int? {
            var v = 0
            for k in from..<(from + len) {
                let d = p[k] &- 48
                if d > 9 { return nil }
                v = v * 10 + Int(d)
            }
            return v
        }
        guard let y = num(0, 4), let m = num(5, 2), let d = num(8, 2) else { return nil }
        guard m >= 1 && m <= 12 && d >= 1 && d <= CivilDate.daysIn(month: m, year: y) else { return nil }
        return CivilDate(year: y, month: m, day: d).daysSinceEpoch
    }
}
