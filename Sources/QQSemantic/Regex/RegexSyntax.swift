import QQSyntax
/// The regular expressions of `matches` (SPEC §4): a subset of Python's `re` syntax,
/// parsed here and run by `RegexProgram` as a Thompson NFA, so no pattern or input
/// can take exponential time.
///
/// Syntax: literals; `.`; classes `[abc]`, `[^a-z]`, `\d \w \s \D \W \S`; anchors
/// `^ $`; groups `( )`, `(?: )`; alternation `|`; quantifiers `* + ? {m} {m,} {m,n}`
/// (a trailing `?` for laziness is accepted: it does not change whether a text
/// matches); `(?i)` at the start for case-insensitive matching. A match may start
/// anywhere (Python's `re.search`).
public struct RegexError: Error, Sendable {
    public var message: String
}

/// One item of a character class.
package enum ClassItem: Sendable {
    case range(Unicode.Scalar, Unicode.Scalar)
    case digit(Bool), word(Bool), space(Bool)

    package func contains(_ c: Unicode.Scalar) -> Bool {
        switch self {
        case .range(let lo, let hi): return lo <= c && c <= hi
        case .digit(let yes): return RegexSyntax.isDigit(c) == yes
        case .word(let yes): return RegexSyntax.isWord(c) == yes
        case .space(let yes): return RegexSyntax.isSpace(c) == yes
        }
    }
}

/// The parsed pattern.
package indirect enum RegexNode: Sendable {
    case empty
    case char(Unicode.Scalar)
    case any
    case set([ClassItem], negated: Bool)
    case start, end
    case concat([RegexNode])
    case alt([RegexNode])
    case loop(RegexNode, min: Int, max: Int?)
    /// A capturing group `( … )`, numbered from 1 by its opening parenthesis.
    case group(Int, RegexNode)
}

/// Recursive-descent parser for the pattern syntax above.
package struct RegexSyntax {
    private let s: [Unicode.Scalar]
    private var i = 0
    private var depth = 0
    package var caseInsensitive = false
    /// Capturing groups seen so far.
    package var groups = 0

    package init(_ pattern: String) { s = Array(pattern.unicodeScalars) }

    package static func isDigit(_ c: Unicode.Scalar) -> Bool { c.properties.numericType == .decimal }
    package static func isWord(_ c: Unicode.Scalar) -> Bool { c == "_" || c.properties.isAlphabetic || isDigit(c) }
    package static func isSpace(_ c: Unicode.Scalar) -> Bool { c.properties.isWhitespace }

    /// pattern := ["(?i)"] alt EOF
    package mutating func parse() throws(RegexError) -> RegexNode {
        if s.starts(with: Array("(?i)".unicodeScalars)) { caseInsensitive = true; i = 4 }
        let n = try alternation()
        if i < s.count { throw RegexError(message: "unbalanced ')' at position \(i + 1)") }
        return n
    }

    /// alt := concat ('|' concat)*
    private mutating func alternation() throws(RegexError) -> RegexNode {
        depth += 1
        defer { depth -= 1 }
        if depth > 100 { throw RegexError(message: "pattern nests too deeply") }
        var branches = [try concatenation()]
        while i < s.count && s[i] == "|" { i += 1; branches.append(try concatenation()) }
        return branches.count == 1 ? branches[0] : .alt(branches)
    }

    /// concat := repeat*
    private mutating func concatenation() throws(RegexError) -> RegexNode {
        var items: [RegexNode] = []
        while i < s.count && s[i] != "|" && s[i] != ")" { items.append(try repetition()) }
        return items.isEmpty ? .empty : (items.count == 1 ? items[0] : .concat(items))
    }

    /// repeat := atom ('*' | '+' | '?' | '{m[,[n]]}')* ['?']
    private mutating func repetition() throws(RegexError) -> RegexNode {
        var node = try atom()
        while i < s.count {
            let c = s[i]
            var bounds: (Int, Int?)
            if c == "*" { bounds = (0, nil); i += 1 }
            else if c == "+" { bounds = (1, nil); i += 1 }
            else if c == "?" { bounds = (0, 1); i += 1 }
            else if c == "{", let b = braces() { bounds = b }
            else { break }
            if case .start = node { throw RegexError(message: "nothing to repeat before '\(c)'") }
            if i < s.count && s[i] == "?" { i += 1 }
            if let mx = bounds.1, mx < bounds.0 { throw RegexError(message: "bad repetition {\(bounds.0),\(mx)}") }
            if bounds.0 > 1000 || (bounds.1 ?? 0) > 1000 { throw RegexError(message: "repetition counts above 1000 are not supported") }
            node = .loop(node, min: bounds.0, max: bounds.1)
        }
        return node
    }

    /// `{m}`, `{m,}`, `{m,n}`; nil (and no input used) when the brace is a literal.
    private mutating func braces() -> (Int, Int?)? {
        var j = i + 1
        func number() -> Int? {
            var v = 0, any = false
            while j < s.count, let d = s[j].properties.numericType == .decimal ? Int(String(s[j])) : nil {
                v = min(v * 10 + d, 100_000); any = true; j += 1
            }
            return any ? v : nil
        }
        guard let m = number() else { return nil }
        var n: Int? = m
        if j < s.count && s[j] == "," { j += 1; n = number() }
        guard j < s.count && s[j] == "}" else { return nil }
        i = j + 1
        return (m, n)
    }

    /// atom := '(' ['?:'] alt ')' | '[' class ']' | '.' | '^' | '$' | '\' escape | char
    private mutating func atom() throws(RegexError) -> RegexNode {
        let c = s[i]
        i += 1
        switch c {
        case "(":
            var capture = true
            if i + 1 < s.count && s[i] == "?" && s[i + 1] == ":" { i += 2; capture = false }
            else if i < s.count && s[i] == "?" { throw RegexError(message: "unsupported group '(?\(i + 1 < s.count ? String(s[i + 1]) : "")'") }
            var number = 0
            if capture { groups += 1; number = groups }
            let inner = try alternation()
            guard i < s.count && s[i] == ")" else { throw RegexError(message: "missing ')'") }
            i += 1
            return capture ? .group(number, inner) : inner
        case "[": return try characterClass()
        case ".": return .any
        case "^": return .start
        case "$": return .end
        case "*", "+", "?": throw RegexError(message: "nothing to repeat before '\(c)'")
        case "\\": return try escape(inClass: false).node
        default: return .char(c)
        }
    }

    /// The escape after a backslash: a class shorthand or a literal.
    private mutating func escape(inClass: Bool) throws(RegexError) -> (node: RegexNode, item: ClassItem?) {
        guard i < s.count else { throw RegexError(message: "pattern ends with '\\'") }
        let c = s[i]
        i += 1
        switch c {
        case "d": return (.set([.digit(true)], negated: false), .digit(true))
        case "D": return (.set([.digit(false)], negated: false), .digit(false))
        case "w": return (.set([.word(true)], negated: false), .word(true))
        case "W": return (.set([.word(false)], negated: false), .word(false))
        case "s": return (.set([.space(true)], negated: false), .space(true))
        case "S": return (.set([.space(false)], negated: false), .space(false))
        case "n": return (.char("\n"), .range("\n", "\n"))
        case "t": return (.char("\t"), .range("\t", "\t"))
        case "r": return (.char("\r"), .range("\r", "\r"))
        default:
            if c.properties.isAlphabetic || RegexSyntax.isDigit(c) {
                throw RegexError(message: "unsupported escape '\\\(c)'")
            }
            return (.char(c), .range(c, c))
        }
    }

    /// class := '^'? item+ ']' where item := char ['-' char] | '\' escape
    private mutating func characterClass() throws(RegexError) -> RegexNode {
        var negated = false
        if i < s.count && s[i] == "^" { negated = true; i += 1 }
        var items: [ClassItem] = []
        var first = true
        while i < s.count && (s[i] != "]" || first) {
            first = false
            var lo: Unicode.Scalar
            if s[i] == "\\" {
                i += 1
                let e = try escape(inClass: true)
                guard let item = e.item else { continue }
                if case .range(let a, _) = item { lo = a } else { items.append(item); continue }
            } else {
                lo = s[i]; i += 1
            }
            if i + 1 < s.count && s[i] == "-" && s[i + 1] != "]" {
                var hi = s[i + 1]
                i += 2
                if hi == "\\" {
                    guard case .range(let h, _)? = try escape(inClass: true).item else { throw RegexError(message: "bad range in class") }
                    hi = h
                }
                guard lo <= hi else { throw RegexError(message: "bad range '\(lo)-\(hi)'") }
                items.append(.range(lo, hi))
            } else {
                items.append(.range(lo, lo))
            }
        }
        guard i < s.count else { throw RegexError(message: "missing ']'") }
        i += 1
        return .set(items, negated: negated)
    }
}
