import QQData

/// Whether a piece of source text is a complete statement list or still open.
public enum Completeness: Sendable, Equatable {
    case complete
    /// Still open; `pending` names what is open for the continuation prompt, e.g. `(`, `"`, `|`.
    case incomplete(pending: String)
}

extension Parser {
    /// Whether `text` is complete or needs more lines: the one function that decides it,
    /// for the REPL's continuation prompt and the script reader alike (Lua, SQLite).
    ///
    /// Input is incomplete when it ends while something is open, innermost first:
    /// a string (`"` or `'`, also in `@"…"`), a parenthesis (`(`), or a statement
    /// continued by a trailing `|`, `\`, binary operator, `,`, `and` or `or` (SPEC §3).
    /// Anything else is complete — a statement that stops early, such as
    /// `accounts | where x`, is complete and reports its syntax error when run.
    /// - Complexity: O(n) in the length of `text` (one lexer pass).
    public static func completeness(of text: String) -> Completeness {
        let lexed = Lexer.tokenize(text)
        if let q = lexed.openQuote { return .incomplete(pending: String(q)) }
        if !lexed.openBrackets.isEmpty { return .incomplete(pending: "(") }
        if let c = lexed.trailingContinuation { return .incomplete(pending: c) }
        return .complete
    }
}
