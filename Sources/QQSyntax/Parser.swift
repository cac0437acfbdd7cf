import QQData

/// What parsing a text gives: every statement that parsed, and one diagnostic per
/// statement that did not (panic mode: after an error the parser skips to the end of
/// that statement and goes on, so one typo gives one error).
///
/// All spans are UTF-8 offsets into the parsed text; render diagnostics with
/// `DiagnosticRenderer.render(_:source:file:color:)` and that same text.
public struct ParseResult: Sendable {
    /// The statements that parsed, in source order.
    public var statements: [Statement]
    /// One error per statement that did not parse, in source order.
    public var diagnostics: [Diagnostic]
    /// How many of `statements` come before the first error (all of them when there is none).
    /// A runner that stops at the first error runs `statements[..<statementsBeforeFirstError]`,
    /// then reports `firstError`.
    public var statementsBeforeFirstError: Int

    /// The first syntax error, if any.
    public var firstError: Diagnostic? { diagnostics.first }
    /// True when every statement parsed.
    public var succeeded: Bool { diagnostics.isEmpty }
}

/// The qq parser: recursive descent over the lexer's tokens into the AST of `AST.swift`.
/// Each parse function carries its grammar rule as a comment (Lua's `lparser.c`).
///
/// Nesting is limited to `Parser.maxDepth` levels (parentheses, calls, unary
/// operators and operator chains all count), so no input can overflow the stack, and
/// every tree it returns is at most about `2 × maxDepth` deep — recursive walks over
/// the AST are safe.
public enum Parser {
    /// The deepest nesting the parser accepts.
    public static let maxDepth = 128
    /// The most stages one statement may have, counting nested pipelines: the binder
    /// and executor recurse once per stage, so this bounds their stack as `maxDepth`
    /// bounds the expression walks.
    public static let maxStages = 1000

    /// Parses a whole text: a REPL entry or a script file.
    /// - Complexity: O(n) in the length of `text`.
    public static func parse(_ text: String) -> ParseResult {
        var p = ParserCore(text)
        return p.parseProgram()
    }

    /// Parses `text` as a single expression (a pipeline is allowed), such as a script
    /// parameter's value given on the command line (`who=@bob`).
    public static func parseExpression(_ text: String) throws(Diagnostic) -> Expr {
        var p = ParserCore(text)
        p.skipTerminators()
        let e = try p.parsePipeline()
        p.skipTerminators()
        guard case .end = p.peek.kind else { throw p.error(expected: "end of expression") }
        return e
    }
}

/// The parser's cursor over the token array, with its error helpers.
package struct ParserCore {
    package let src: SourceText
    package let tokens: [Token]
    package var pos = 0
    /// Current nesting (see `Parser.maxDepth`).
    package var depth = 0
    /// Stages parsed in the current statement (see `Parser.maxStages`).
    package var stageCount = 0
    /// Offsets of the `(` being parsed, innermost last (for `(to close '(' at L:C)` notes).
    package var openParens: [Int] = []

    package init(_ text: String) {
        src = SourceText(text)
        tokens = Lexer.tokenize(text).tokens
    }

    package var peek: Token { tokens[pos] }
    package func peek(_ ahead: Int) -> Token { tokens[min(pos + ahead, tokens.count - 1)] }
    /// End offset of the last consumed token.
    package var previousEnd: Int { pos > 0 ? tokens[pos - 1].span.end : 0 }

    @discardableResult
    package mutating func advance() -> Token {
        let t = tokens[pos]
        if pos < tokens.count - 1 { pos += 1 }
        return t
    }

    package func at(_ word: String) -> Bool { peek.keyword == word }
    package func at(_ op: Op) -> Bool { peek.isOp(op) }

    package mutating func eat(_ word: String) -> Bool {
        guard at(word) else { return false }
        advance()
        return true
    }

    package mutating func eat(_ op: Op) -> Bool {
        guard at(op) else { return false }
        advance()
        return true
    }

    package mutating func expect(_ op: Op, _ what: String? = nil) throws(Diagnostic) -> Token {
        guard at(op) else { throw error(expected: what ?? "'\(op.rawValue)'") }
        return advance()
    }

    package mutating func expect(word: String) throws(Diagnostic) {
        guard eat(word) else { throw error(expected: "'\(word)'") }
    }

    /// A string literal (`"path"`), for load/save/export/source paths.
    package mutating func expectString(_ what: String) throws(Diagnostic) -> StringLiteral {
        guard case .string(let s) = peek.kind else {
            var d = error(expected: what)
            if d.hint == nil, case .word = peek.kind { d.hint = "paths are written in quotes: \"data/file.csv\"" }
            throw d
        }
        return StringLiteral(s, span: advance().span)
    }

    package mutating func skipTerminators() {
        while case .newline = peek.kind { advance() }
        while case .semicolon = peek.kind { advance(); while case .newline = peek.kind { advance() } }
    }

    // MARK: errors

    /// `expected WHAT, found TOKEN` at the current token; an unreadable token reports its own problem.
    package func error(expected what: String, hint: String? = nil) -> Diagnostic {
        let t = peek
        if case .invalid(let message, let h) = t.kind {
            return Diagnostic(.syntax, message, span: t.span, hint: h)
        }
        var d = Diagnostic(.syntax, "expected \(what), found \(t.describe(in: src))", span: t.span, hint: hint)
        if let open = openParens.last, case .end = t.kind {
            d.notes.append(closeNote(open))
        }
        return d
    }

    package func error(_ message: String, at span: SourceSpan, hint: String? = nil) -> Diagnostic {
        Diagnostic(.syntax, message, span: span, hint: hint)
    }

    package func closeNote(_ offset: Int) -> String { "(to close '(' at \(src.position(of: offset)))" }

    /// Enters one level of nesting; throws past `Parser.maxDepth` instead of growing the stack.
    package mutating func enter() throws(Diagnostic) {
        depth += 1
        if depth > Parser.maxDepth {
            throw Diagnostic(.syntax, "expression is nested too deeply (more than \(Parser.maxDepth) levels)",
                             span: peek.span, hint: "split it with 'let' into smaller steps")
        }
    }

    package mutating func leave(_ levels: Int = 1) { depth -= levels }
}
