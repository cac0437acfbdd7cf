import QQData

/// Punctuation and operators of qq (SPEC §3–§4).
public enum Op: String, Sendable, CaseIterable {
    case pipe = "|"
    case lparen = "("
    case rparen = ")"
    case comma = ","
    case dot = "."
    case assign = "="
    case eq = "==", ne = "!="
    case lt = "<", le = "<=", gt = ">", ge = ">="
    case plus = "+", minus = "-", star = "*", slash = "/", percent = "%"
}

/// What a token is, with its decoded payload.
///
/// Words are not split into keywords by the lexer: qq's keywords are contextual
/// (`where` is a stage only after `|`, `count` is a stage, an aggregate and a fine
/// column name), so the parser decides what a word means where it stands.
public enum TokenKind: Sendable, Equatable {
    /// An identifier or keyword: letters, digits and `_`, not starting with a digit.
    case word(String)
    /// `` `any text` ``: always a name, never a keyword (for column names with spaces).
    case quotedWord(String)
    /// A number literal with its suffix applied (`10k` is `.int(10000)`).
    case number(Value)
    /// `"…"` or `'…'` with escapes decoded.
    case string(String)
    /// `@handle` or `@"any text"`, without the `@`. A dotted handle keeps its dots
    /// (`@alice.followers` is `alice.followers`); the parser splits off a column.
    case handle(String)
    case op(Op)
    /// A newline that ends a statement (the lexer drops the ones that do not, SPEC §3).
    case newline
    case semicolon
    /// End of input.
    case end
    /// Text the lexer could not read; the parser reports `message` at this token.
    case invalid(message: String, hint: String?)
}

/// One token and where it is: `span` is in UTF-8 offsets into the lexed text.
public struct Token: Sendable, Equatable {
    public var kind: TokenKind
    /// Where the token is, in UTF-8 offsets.
    public var span: SourceSpan
    /// A token of `kind` at `span`.
    public init(_ kind: TokenKind, _ span: SourceSpan) { self.kind = kind; self.span = span }

    /// True for the tokens that end a statement: newline, `;` and end of input.
    public var endsStatement: Bool {
        switch kind {
        case .newline, .semicolon, .end: return true
        default: return false
        }
    }

    /// The unquoted word this token spells, or nil (quoted words are names, never keywords).
    public var keyword: String? {
        if case .word(let w) = kind { return w }
        return nil
    }

    /// True when the token is the operator `op`.
    public func isOp(_ op: Op) -> Bool {
        if case .op(let o) = kind { return o == op }
        return false
    }
}

extension Token {
    /// How a diagnostic names this token in `expected X, found Y`.
    package func describe(in text: SourceText) -> String {
        switch kind {
        case .newline: return "end of line"
        case .end: return "end of input"
        case .semicolon: return "';'"
        case .string: return "string \(clip(text.slice(span)))"
        case .number: return "number \(text.slice(span))"
        case .handle, .quotedWord: return text.slice(span)
        case .word(let w): return "'\(w)'"
        case .op(let o): return "'\(o.rawValue)'"
        case .invalid: return "'\(clip(text.slice(span)))'"
        }
    }

    private func clip(_ s: String) -> String {
        s.count <= 24 ? s : String(s.prefix(23)) + "…"
    }
}
