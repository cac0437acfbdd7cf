import QQData

/// The tokens of a text and what is still open at its end.
public struct LexResult: Sendable {
    /// The tokens, ending with `.end`. Only newlines that end a statement are kept.
    public var tokens: [Token]
    /// Offsets of the `(` still open at the end of input, outermost first.
    public var openBrackets: [Int]
    /// The quote character (`"` or `'`) of a string still open at the end of input.
    public var openQuote: Character?
    /// What the input ends with that asks for more lines: `|`, `\`, a binary
    /// operator (`+`, `==`, …), `,`, `and` or `or`; nil when it ends a statement.
    public var trailingContinuation: String?
}

/// The scanner (Crafting Interpreters' `Scanner`, Lua's `llex.c`): text to tokens,
/// with SPEC §3's statement boundaries decided here, so the parser only sees the
/// newlines that end a statement.
///
/// A newline ends a statement unless a `(` is open, the line ends with `|`, `\`, a
/// binary operator, `,`, `and` or `or` (comments and blank lines after them do not
/// count), or the next non-blank line starts with `|` (SPEC §3). `#` starts a comment to the end of the line, which also covers a
/// `#!` shebang on the first line.
///
/// Iterative: nothing here recurses, so any input length and nesting is safe.
public enum Lexer {
    /// Tokenizes `text`. Never fails: unreadable text becomes `.invalid` tokens.
    /// - Complexity: O(n) in the length of `text`.
    public static func tokenize(_ text: String) -> LexResult {
        var s = LexerState(Array(text.utf8))
        s.run()
        return LexResult(tokens: s.layout(), openBrackets: s.brackets,
                         openQuote: s.openQuote, trailingContinuation: s.trailing())
    }

    /// ASCII letters, digits, `_`, and any non-ASCII byte (a first approximation used
    /// where a full scalar decode is not needed, such as after a number).
    @inline(__always) package static func isWordByte(_ c: UInt8) -> Bool {
        (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57) || c == 95 || c >= 0x80
    }
}

/// The scanner's cursor and output; see `Lexer`.
package struct LexerState {
    package let b: [UInt8]
    package var i = 0
    package var tokens: [Token] = []
    package var brackets: [Int] = []
    package var openQuote: Character?
    /// True after a `\` continuation until the next token.
    package var continued = false

    package init(_ bytes: [UInt8]) { b = bytes }

    package mutating func emit(_ kind: TokenKind, _ start: Int) {
        tokens.append(Token(kind, SourceSpan(start, i)))
        continued = false
    }

    package mutating func run() {
        if b.starts(with: [0xEF, 0xBB, 0xBF]) { i = 3 }  // a UTF-8 byte order mark
        while i < b.count {
            let c = b[i], start = i
            switch c {
            case 0x20, 0x09, 0x0D, 0x0C: i += 1
            case 0x0A:
                i += 1
                newline(at: start)
            case 0x23: skipComment()  // #
            case 0x5C: continuation()  // \
            case 0x3B: i += 1; emit(.semicolon, start)  // ;
            case 0x22, 0x27:  // " '
                let (kind, closed) = scanQuoted(quote: c)
                if !closed { openQuote = Character(Unicode.Scalar(c)) }
                emit(kind, start)
            case 0x60: quotedWord()  // `
            case 0x40: handle()  // @
            case 48...57:
                let (kind, end) = NumberLiteral.scan(b, from: i)
                i = end
                emit(kind, start)
            default:
                if let op = scanOp() {
                    if op == .lparen { brackets.append(start) }
                    if op == .rparen, !brackets.isEmpty { brackets.removeLast() }
                    emit(.op(op), start)
                } else if let w = scanWord() {
                    emit(.word(w), start)
                } else {
                    badCharacter()
                }
            }
        }
        tokens.append(Token(.end, SourceSpan(b.count, b.count)))
    }

    /// A newline ends a statement unless a bracket is open or the line ended with
    /// `|` or another token that continues it (`continues`).
    package mutating func newline(at start: Int) {
        guard brackets.isEmpty, let last = tokens.last else { return }
        switch last.kind {
        case .newline, .semicolon: return
        default:
            if LexerState.continues(last, statement: statementStart()) != nil { return }
            tokens.append(Token(.newline, SourceSpan(start, start + 1)))
            continued = false
        }
    }

    /// The first token of the statement the last token belongs to.
    package func statementStart() -> Token? {
        guard let k = tokens.lastIndex(where: \.endsStatement) else { return tokens.first }
        return k + 1 < tokens.count ? tokens[k + 1] : nil
    }

    /// What `token` at the end of a line leaves open, or nil: `|`, a binary operator,
    /// `,`, `and`, `or` (SPEC §3). After `help` every word is a topic (`help and`).
    package static func continues(_ token: Token, statement first: Token?) -> String? {
        switch token.kind {
        case .op(let op):
            switch op {
            case .pipe, .comma, .eq, .ne, .lt, .le, .gt, .ge, .plus, .minus, .star, .slash, .percent: return op.rawValue
            case .lparen, .rparen, .dot, .assign: return nil
            }
        case .word(let w) where w == "and" || w == "or":
            if first?.keyword == "help", first != token { return nil }
            return w
        default: return nil
        }
    }

    package mutating func skipComment() {
        while i < b.count, b[i] != 0x0A { i += 1 }
    }

    /// `\` at the end of a line (spaces and a comment may follow) joins the next line.
    package mutating func continuation() {
        let start = i
        var j = i + 1
        while j < b.count, b[j] == 0x20 || b[j] == 0x09 || b[j] == 0x0D { j += 1 }
        if j < b.count, b[j] == 0x23 { while j < b.count, b[j] != 0x0A { j += 1 } }  // #
        if j == b.count || b[j] == 0x0A {
            i = min(j + 1, b.count)
            continued = true
            return
        }
        i += 1
        emit(.invalid(message: "unexpected '\\'", hint: "a '\\' continues a statement only at the end of a line"), start)
    }

    /// Drops the newlines that come right before a line starting with `|` (SPEC §3).
    package func layout() -> [Token] {
        var out: [Token] = []
        out.reserveCapacity(tokens.count)
        for (k, t) in tokens.enumerated() {
            if case .newline = t.kind, k + 1 < tokens.count, tokens[k + 1].isOp(.pipe) { continue }
            out.append(t)
        }
        return out
    }

    /// What the input ends with that continues the statement (see `continues`),
    /// `\` after a continuation backslash, or nil.
    package func trailing() -> String? {
        if continued { return "\\" }
        guard let last = tokens.dropLast().last else { return nil }
        var s = self
        s.tokens.removeLast()
        return LexerState.continues(last, statement: s.statementStart())
    }
}
