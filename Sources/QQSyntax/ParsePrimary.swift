import QQData

extension ParserCore {
    // primary := NUMBER | STRING | 'true' | 'false' | 'null' | HANDLE
    //          | name [ '(' [ pipeline { ',' pipeline } ] ')' ] | 'read' STRING
    //          | '(' pipeline ')'
    package mutating func parsePrimary() throws(Diagnostic) -> Expr {
        let t = peek
        switch t.kind {
        case .number(let v):
            advance()
            return Expr(.literal(v), span: t.span)
        case .string(let s):
            advance()
            return Expr(.literal(.string(s)), span: t.span)
        case .handle(let h):
            advance()
            return handleExpr(h, span: t.span)
        case .quotedWord(let w):
            advance()
            return Expr(.name(w), span: t.span)
        case .word(let w):
            switch w {
            case "true", "false":
                advance()
                return Expr(.literal(.bool(w == "true")), span: t.span)
            case "null":
                advance()
                return Expr(.literal(.null), span: t.span)
            case "and", "or", "not", "in", "between", "is":
                throw error(expected: "an expression")
            case "read" where { if case .string = peek(1).kind { return true } else { return false } }():
                advance()
                let path = try expectString("a file path in quotes")
                return Expr(.read(path), span: SourceSpan(t.span.start, previousEnd))
            default:
                advance()
                if at(.lparen) { return try parseCall(Identifier(w, span: t.span)) }
                return Expr(.name(w), span: t.span)
            }
        case .op(.lparen):
            advance()
            try enter()
            defer { leave() }
            openParens.append(t.span.start)
            let inner = try parsePipeline()
            if at(.comma) {
                throw error(expected: "')'", hint: "a list of values goes after 'in': x in (1, 2)")
            }
            _ = try expectClose()
            return Expr(.paren(inner), span: SourceSpan(t.span.start, previousEnd))
        default:
            throw error(expected: "an expression")
        }
    }

    // call := name '(' [ pipeline { ',' pipeline } ] ')'
    //         | 'rank' '(' pipeline [ 'asc' | 'desc' ] ')'
    package mutating func parseCall(_ name: Identifier) throws(Diagnostic) -> Expr {
        let open = advance()
        try enter()
        defer { leave() }
        openParens.append(open.span.start)
        var args: [Expr] = []
        if !at(.rparen) {
            args.append(try parsePipeline())
            while eat(.comma) { args.append(try parsePipeline()) }
        }
        // `rank(x asc)`: the order becomes a second argument, the bare word `asc` or `desc`.
        if name.name == "rank", args.count == 1, let w = peek.keyword, w == "asc" || w == "desc" {
            args.append(Expr(.name(w), span: advance().span))
        }
        _ = try expectClose()
        return Expr(.call(name, args), span: SourceSpan(name.span.start, previousEnd))
    }

    /// `@alice` is an account; `@alice.followers` is its column. The lexer keeps the dots
    /// of a handle (`@john.smith` is a valid handle), so the part after the last dot
    /// becomes a member when it reads as a name: `@a.b.followers` is
    /// `member(account("a.b"), followers)`. The binder falls back to the whole handle
    /// when that member is not a column. A quoted handle (`@"a.b"`) is never split.
    /// The binder recognises the split form by its spans (`Expr.handleToken`) and
    /// resolves the longest dotted prefix that is an account (SPEC §7).
    package func handleExpr(_ handle: String, span: SourceSpan) -> Expr {
        let quoted = span.start + 1 < src.bytes.count && [UInt8(ascii: "\""), UInt8(ascii: "'")].contains(src.bytes[span.start + 1])
        let u = Array(handle.utf8)
        guard !quoted, let dot = u.lastIndex(of: UInt8(ascii: ".")), dot > 0, dot + 1 < u.count else {
            return Expr(.account(handle), span: span)
        }
        let first = u[dot + 1]
        let startsName = (first >= 97 && first <= 122) || (first >= 65 && first <= 90) || first == 95
        let allName = u[(dot + 1)...].allSatisfy { Lexer.isWordByte($0) }
        guard startsName, allName else { return Expr(.account(handle), span: span) }
        let baseEnd = span.start + 1 + dot
        let base = Expr(.account(String(decoding: u[..<dot], as: UTF8.self)), span: SourceSpan(span.start, baseEnd))
        let member = Identifier(String(decoding: u[(dot + 1)...], as: UTF8.self), span: SourceSpan(baseEnd + 1, span.end))
        return Expr(.member(base, member), span: span)
    }
}

extension Expr {
    /// The whole text of an unquoted handle token (`@atrios.blogspot.com.pagerank` gives
    /// `atrios.blogspot.com.pagerank`), for `.account` and the `.member(.account, name)`
    /// that `handleExpr` makes of one token; nil for anything else, and for a quoted
    /// handle, which is never split. An unquoted token's span is exactly `@` plus its
    /// text, and a member split from it starts one byte (the dot) after its base; a
    /// quoted handle's span also holds its quotes, so it is always longer.
    public var handleToken: String? {
        switch kind {
        case .account(let h):
            return span.end - span.start == 1 + h.utf8.count ? h : nil
        case .member(let base, let field):
            guard case .account(let h) = base.kind, base.span.end - base.span.start == 1 + h.utf8.count,
                  field.span.start == base.span.end + 1, field.span.end == span.end,
                  span.end - span.start == 2 + h.utf8.count + field.name.utf8.count else { return nil }
            return h + "." + field.name
        default:
            return nil
        }
    }
}
