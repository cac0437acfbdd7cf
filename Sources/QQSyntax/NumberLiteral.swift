import QQData

/// Reads qq number literals (SPEC §4): `42`, `1_000`, `2.5`, `1e-6`, and the
/// suffixes `k` (×10³), `M` (×10⁶) and `B` (×10⁹): `10k`, `1.5M`, `2B`.
///
/// A plain integer is an `int`; a fraction or exponent makes a `float`. With a
/// suffix the value is computed in decimal, exactly, and is an `int` whenever it is
/// integral and fits in 64 bits (`1.5M` is the int 1500000, `1.2345k` the float
/// 1234.5). `_` may only stand between two digits.
/// (Bytes are written as hex literals, with the character in a trailing comment:
/// `UInt8(ascii:)` costs a call per comparison in debug builds.)
package enum NumberLiteral {
    package static let suffixHint = "number suffixes are k (thousand), M (million) and B (billion)"

    /// Scans the literal starting at `start` (a digit); returns the token kind and the end offset.
    package static func scan(_ b: [UInt8], from start: Int) -> (TokenKind, Int) {
        var i = start
        var intDigits: [UInt8] = [], fracDigits: [UInt8] = []
        var isFloat = false
        var exponent = 0

        func digits(into out: inout [UInt8]) {
            while i < b.count {
                if isDigit(b[i]) { out.append(b[i]); i += 1 }
                else if b[i] == 0x5F, i + 1 < b.count, isDigit(b[i + 1]), !out.isEmpty { i += 1 }  // _
                else { break }
            }
        }
        digits(into: &intDigits)
        if i + 1 < b.count, b[i] == 0x2E, isDigit(b[i + 1]) {  // .
            i += 1; isFloat = true
            digits(into: &fracDigits)
        }
        if i < b.count, b[i] == 0x65 || b[i] == 0x45 {  // e E
            var j = i + 1
            var negative = false
            if j < b.count, b[j] == 0x2B || b[j] == 0x2D { negative = b[j] == 0x2D; j += 1 }  // + -
            if j < b.count, isDigit(b[j]) {
                var e = 0
                while j < b.count, isDigit(b[j]) { e = min(e * 10 + Int(b[j] - 48), 100_000); j += 1 }
                exponent = negative ? -e : e
                isFloat = true
                i = j
            }
        }
        var suffix = 0
        if i < b.count, !(i + 1 < b.count && Lexer.isWordByte(b[i + 1])) {
            switch b[i] {
            case 0x6B: suffix = 3  // k
            case 0x4D: suffix = 6  // M
            case 0x42: suffix = 9  // B
            default: break
            }
            if suffix > 0 { i += 1 }
        }
        if i < b.count, Lexer.isWordByte(b[i]) {
            var j = i
            while j < b.count, Lexer.isWordByte(b[j]) { j += 1 }
            let text = String(decoding: b[start..<j], as: UTF8.self)
            let letter = b[i]
            let looksLikeSuffix = j == i + 1 && "KmbgGtT".utf8.contains(letter)
            return (.invalid(message: "invalid number '\(text)'", hint: looksLikeSuffix ? suffixHint : nil), j)
        }
        let text = String(decoding: b[start..<i], as: UTF8.self)
        return (value(intDigits, fracDigits, exponent: exponent, suffix: suffix, isFloat: isFloat, text: text), i)
    }

    private static func value(_ intDigits: [UInt8], _ fracDigits: [UInt8], exponent: Int, suffix: Int,
                              isFloat: Bool, text: String) -> TokenKind {
        if suffix == 0 && !isFloat {
            if let v = Int64(String(decoding: intDigits, as: UTF8.self)) { return .number(.int(v)) }
            return .invalid(message: "number '\(text)' does not fit in a 64-bit integer",
                            hint: "write it with a decimal point to make it a float")
        }
        // mantissa × 10^exp, exactly, in decimal.
        var mantissa = Array((intDigits + fracDigits).drop { $0 == 0x30 })  // 0
        var exp = exponent + suffix - fracDigits.count
        if suffix > 0 {
            while exp < 0, mantissa.last == 0x30 { mantissa.removeLast(); exp += 1 }  // 0
            if mantissa.isEmpty { return .number(.int(0)) }
            if exp >= 0, mantissa.count + exp <= 18 {
                let digits = mantissa + [UInt8](repeating: 0x30, count: exp)  // 0
                if let v = Int64(String(decoding: digits, as: UTF8.self)) { return .number(.int(v)) }
            }
        }
        let m = mantissa.isEmpty ? "0" : String(decoding: mantissa, as: UTF8.self)
        guard let d = Double("\(m)e\(exp)"), d.isFinite else {
            return .invalid(message: "number '\(text)' is out of range", hint: nil)
        }
        return .number(.float(d))
    }

    @inline(__always) package static func isDigit(_ c: UInt8) -> Bool { c >= 48 && c <= 57 }
}
