/// A finite Double as decimal digits, for formatting without Foundation or C varargs.
///
/// Encoding: `value = ±0.d₁d₂…dₙ × 10^exponent`, `digits` holding d₁…dₙ (0–9) with no
/// leading or trailing zeros; zero has no digits. The digits come from Swift's
/// shortest round-trip text, so rounding them is rounding what the user would see
/// printed, and every result is deterministic across platforms.
struct DecimalDigits: Equatable {
    var negative: Bool
    var digits: [UInt8]
    var exponent: Int

    var isZero: Bool { digits.isEmpty }

    /// Decomposes a finite `d` (callers handle NaN and infinities first).
    init(_ d: Double) {
        precondition(d.isFinite, "DecimalDigits needs a finite value")
        negative = d.sign == .minus
        var mantissa: [UInt8] = []
        var intDigits = 0
        var seenPoint = false
        var exp10 = 0
        var expSign = 1
        var inExp = false
        for c in d.magnitude.description.utf8 {
            switch c {
            case UInt8(ascii: "0")...UInt8(ascii: "9"):
                if inExp { exp10 = exp10 * 10 + Int(c - 48) } else {
                    mantissa.append(c - 48)
                    if !seenPoint { intDigits += 1 }
                }
            case UInt8(ascii: "."): seenPoint = true
            case UInt8(ascii: "e"), UInt8(ascii: "E"): inExp = true
            case UInt8(ascii: "-"): expSign = -1
            default: break
            }
        }
        var exponent = intDigits + expSign * exp10
        var start = 0
        while start < mantissa.count && mantissa[start] == 0 { start += 1; exponent -= 1 }
        var end = mantissa.count
        while end > start && mantissa[end - 1] == 0 { end -= 1 }
        digits = Array(mantissa[start..<end])
        self.exponent = digits.isEmpty ? 0 : exponent
        if digits.isEmpty { negative = false }
    }

    /// Keeps the first `keep` digits, rounding half away from zero.
    func keeping(_ keep: Int) -> DecimalDigits {
        if keep >= digits.count { return self }
        var r = self
        if keep < 0 { r.digits = []; r.exponent = 0; r.negative = false; return r }
        let roundUp = digits[keep] >= 5
        r.digits = Array(digits[0..<keep])
        if roundUp {
            var i = keep - 1
            while i >= 0 && r.digits[i] == 9 { r.digits[i] = 0; i -= 1 }
            if i >= 0 { r.digits[i] += 1 } else { r.digits.insert(1, at: 0); r.exponent += 1 }
        }
        while let last = r.digits.last, last == 0 { r.digits.removeLast() }
        if r.digits.isEmpty { r.exponent = 0; r.negative = false }
        return r
    }

    /// Rounded to `decimals` digits after the point.
    func rounded(decimals: Int) -> DecimalDigits { keeping(exponent + decimals) }

    /// Rounded to `significant` digits.
    func rounded(significant: Int) -> DecimalDigits { keeping(significant) }

    /// Digits needed after the point to write this value exactly.
    var fractionDigits: Int { max(0, digits.count - exponent) }

    @inline(__always) private func digit(_ i: Int) -> UInt8 {
        i >= 0 && i < digits.count ? digits[i] : 0
    }

    /// Fixed-point text with exactly `decimals` digits after the point (none and no
    /// point when 0), the integer part grouped by `,` in threes when `grouped`.
    func fixed(decimals: Int, grouped: Bool) -> String {
        let r = rounded(decimals: decimals)
        var out: [UInt8] = []
        if r.negative { out.append(UInt8(ascii: "-")) }
        let intCount = max(r.exponent, 1)
        for k in 0..<intCount {
            let pos = r.exponent - intCount + k
            out.append(48 + r.digit(pos))
            let left = intCount - 1 - k
            if grouped && left > 0 && left % 3 == 0 { out.append(UInt8(ascii: ",")) }
        }
        if decimals > 0 {
            out.append(UInt8(ascii: "."))
            for j in 0..<decimals { out.append(48 + r.digit(r.exponent + j)) }
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// Scientific text `d.ddde±x` with `decimals` mantissa digits after the point,
    /// e.g. `1.25e-6`, `3e+15`.
    func scientific(decimals: Int) -> String {
        let r = rounded(significant: decimals + 1)
        if r.isZero { return "0" }
        var out = r.negative ? "-" : ""
        out += String(r.digit(0))
        if decimals > 0 {
            out += "."
            for j in 1...decimals { out += String(r.digit(j)) }
        }
        let e = r.exponent - 1
        out += e < 0 ? "e-\(-e)" : "e+\(e)"
        return out
    }
}

/// Number text shared by tables, chart axes and progress lines.
public enum NumberText {
    /// `1234567` → `1,234,567`.
    public static func grouped(_ i: Int64) -> String {
        let s = String(i.magnitude)
        var out = i < 0 ? "-" : ""
        for (k, ch) in s.enumerated() {
            if k > 0 && (s.count - k) % 3 == 0 { out.append(",") }
            out.append(ch)
        }
        return out
    }

    /// Short text for axis ticks and rates, with the suffixes of qq's number literals:
    /// `0`, `2.5`, `0.001`, `12k`, `1.5M`, `2B`, `3e-6`. At most three significant digits.
    static func compact(_ v: Double) -> String {
        if v.isNaN { return "nan" }
        if v.isInfinite { return v < 0 ? "-inf" : "inf" }
        if v == 0 { return "0" }
        let a = v.magnitude
        let sign = v < 0 ? "-" : ""
        if a < 999.5e9 {
            for (scale, suffix) in [(1e9, "B"), (1e6, "M"), (1e3, "k")] where a >= scale * 0.9995 {
                return sign + trimmed(a / scale, significant: 3) + suffix
            }
        }
        if a >= 999.5e9 || a < 1e-3 {
            let d = DecimalDigits(a).rounded(significant: 2)
            let text = d.digits.count > 1 ? d.scientific(decimals: 1) : d.scientific(decimals: 0)
            return sign + text
        }
        return sign + trimmed(a, significant: 3)
    }

    /// `v` rounded to `significant` digits, written without trailing zeros.
    static func trimmed(_ v: Double, significant: Int) -> String {
        let d = DecimalDigits(v).rounded(significant: significant)
        return d.fixed(decimals: d.fractionDigits, grouped: false)
    }
}
