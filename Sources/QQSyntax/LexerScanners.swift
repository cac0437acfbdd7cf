import QQData

// The scanners for single token kinds: strings, quoted words, handles, operators,
// words and characters that are not qq.
extension LexerState {
    /// Scans `"…"` or `'…'` starting at the opening quote at `i`, decoding escapes
    /// (`\n \t \r \0 \\ \" \' \u{…}`). Strings may span lines.
    /// Returns the token kind and whether the closing quote was found.
    package mutating func scanQuoted(quote: UInt8) -> (TokenKind, Bool) {
        i += 1
        var out: [UInt8] = []
        var bad: (String, String?)?
        while i < b.count {
            let c = b[i]
            if c == quote {
                i += 1
                if let (m, h) = bad { return (.invalid(message: m, hint: h), true) }
                return (.string(String(decoding: out, as: UTF8.self)), true)
            }
            if c != 0x5C { out.append(c); i += 1; continue }  // \
            guard i + 1 < b.count else { i += 1; break }
            let e = b[i + 1]
            i += 2
            switch e {
            case 0x6E: out.append(0x0A)  // n
            case 0x74: out.append(0x09)  // t
            case 0x72: out.append(0x0D)  // r
            case 0x30: out.append(0)  // 0
            case 0x5C, 0x22, 0x27: out.append(e)  // \ " '
            case 0x75:  // u
                if let s = unicodeEscape() { out.append(contentsOf: Array(String(Character(s)).utf8)) }
                else if bad == nil { bad = ("invalid unicode escape in string", "write it as \\u{1F600}") }
            default:
                if bad == nil {
                    let text = String(decoding: b[(i - 2)..<min(i, b.count)], as: UTF8.self)
                    bad = ("unknown escape '\(text)' in string",
                           "escapes are \\n \\t \\r \\0 \\\\ \\\" \\' and \\u{…}")
                }
            }
        }
        let q = Character(Unicode.Scalar(quote))
        return (.invalid(message: "unterminated string", hint: "close it with \(q)"), false)
    }

    /// After `\u`: `{HEX…}`, one to six hex digits naming a scalar.
    package mutating func unicodeEscape() -> Unicode.Scalar? {
        guard i < b.count, b[i] == 0x7B else { return nil }  // {
        var j = i + 1, v: UInt32 = 0, n = 0
        while j < b.count, n <= 6, let d = hexValue(b[j]) { v = v &* 16 &+ d; j += 1; n += 1 }
        guard n >= 1, n <= 6, j < b.count, b[j] == 0x7D else { return nil }  // }
        i = j + 1
        return Unicode.Scalar(v)
    }

    package func hexValue(_ c: UInt8) -> UInt32? {
        switch c {
        case 48...57: return UInt32(c - 48)
        case 97...102: return UInt32(c - 87)
        case 65...70: return UInt32(c - 55)
        default: return nil
        }
    }

    /// `` `any text` ``: a name that may hold spaces or be a keyword.
    package mutating func quotedWord() {
        let start = i
        i += 1
        while i < b.count, b[i] != 0x60, b[i] != 0x0A { i += 1 }  // `
        guard i < b.count, b[i] == 0x60 else {  // `
            emit(.invalid(message: "unterminated quoted name", hint: "close it with `"), start)
            return
        }
        let name = String(decoding: b[(start + 1)..<i], as: UTF8.self)
        i += 1
        emit(name.isEmpty ? .invalid(message: "empty quoted name", hint: nil) : .quotedWord(name), start)
    }

    /// `@handle` (letters, digits, `_ . - @`, not ending in `.`, `-` or `@`) or `@"any text"`.
    /// A handle keeps its dots and inner `@` (`@alice@mastodon.social`); which part
    /// names the account and which a column is decided by the binder (SPEC §7).
    package mutating func handle() {
        let start = i
        i += 1
        if i < b.count, b[i] == 0x22 || b[i] == 0x27 {  // " '
            let (kind, closed) = scanQuoted(quote: b[i])
            if !closed { openQuote = Character(Unicode.Scalar(b[start + 1])) }
            if case .string(let s) = kind {
                emit(s.isEmpty ? .invalid(message: "empty handle", hint: nil) : .handle(s), start)
            } else {
                emit(kind, start)
            }
            return
        }
        var end = i
        while i < b.count {
            let c = b[i]
            if c == 0x2E || c == 0x2D || c == 0x40 { i += 1; continue }  // . - @
            if c < 0x80 {
                guard Lexer.isWordByte(c) else { break }
                i += 1
            } else {
                let (s, n) = scalar(at: i)
                guard let s, s.properties.isAlphabetic || s.properties.numericType != nil else { break }
                i += n
            }
            end = i
        }
        i = end
        if end == start + 1 {
            emit(.invalid(message: "expected a handle after '@'", hint: "write @name or @\"any text\""), start)
        } else {
            emit(.handle(String(decoding: b[(start + 1)..<end], as: UTF8.self)), start)
        }
    }

    /// An operator or punctuation at `i`, consumed; nil when there is none.
    package mutating func scanOp() -> Op? {
        let c = b[i]
        let next: UInt8 = i + 1 < b.count ? b[i + 1] : 0
        let two: Op?
        switch (c, next) {
        case (0x3D, 0x3D): two = .eq  // =
        case (0x21, 0x3D): two = .ne  // ! =
        case (0x3C, 0x3D): two = .le  // < =
        case (0x3E, 0x3D): two = .ge  // > =
        default: two = nil
        }
        if let two { i += 2; return two }
        let one: Op?
        switch c {
        case 0x7C: one = .pipe  // |
        case 0x28: one = .lparen  // (
        case 0x29: one = .rparen  // )
        case 0x2C: one = .comma  // ,
        case 0x2E: one = .dot  // .
        case 0x3D: one = .assign  // =
        case 0x3C: one = .lt  // <
        case 0x3E: one = .gt  // >
        case 0x2B: one = .plus  // +
        case 0x2D: one = .minus  // -
        case 0x2A: one = .star  // *
        case 0x2F: one = .slash  // /
        case 0x25: one = .percent  // %
        default: one = nil
        }
        if one != nil { i += 1 }
        return one
    }

    /// A word: a letter or `_` (or a non-ASCII letter), then letters, digits and `_`.
    package mutating func scanWord() -> String? {
        let start = i
        while i < b.count {
            let c = b[i]
            if c < 0x80 {
                let ok = (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || c == 95 || (i > start && c >= 48 && c <= 57)
                guard ok else { break }
                i += 1
            } else {
                let (s, n) = scalar(at: i)
                guard let s else { break }
                let p = s.properties
                guard p.isAlphabetic || (i > start && (p.numericType != nil || p.generalCategory == .nonspacingMark))
                else { break }
                i += n
            }
        }
        return i > start ? String(decoding: b[start..<i], as: UTF8.self) : nil
    }

    /// A character that starts no token: reported with a hint where a common habit explains it.
    package mutating func badCharacter() {
        let start = i
        let (s, n) = scalar(at: i)
        i += n
        let ch = s.map { String(Character($0)) } ?? "?"
        let hint: String?
        switch ch {
        case "!": hint = "use 'not' to negate and '!=' to compare"
        case "&": hint = "use 'and'"
        case "\u{201C}", "\u{201D}", "\u{2018}", "\u{2019}": hint = "use straight quotes: \" or '"
        case "[", "]", "{", "}": hint = "lists are written in parentheses: x in (1, 2)"
        default: hint = nil
        }
        emit(.invalid(message: "unexpected character '\(ch)'", hint: hint), start)
    }

    /// The Unicode scalar starting at byte `j` and its length in bytes (input is valid UTF-8).
    package func scalar(at j: Int) -> (Unicode.Scalar?, Int) {
        let c = b[j]
        if c < 0x80 { return (Unicode.Scalar(c), 1) }
        let n = c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : c >= 0xC0 ? 2 : 1
        guard n > 1, j + n <= b.count else { return (nil, 1) }
        var v = UInt32(c) & (n == 2 ? 0x1F : n == 3 ? 0x0F : 0x07)
        for k in 1..<n { v = v << 6 | UInt32(b[j + k] & 0x3F) }  // ?
        return (Unicode.Scalar(v), n)
    }
}
