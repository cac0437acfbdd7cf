import QQData

// Expressions, loosest binding first: pipeline, or, and, not, predicates (comparisons,
// in, between, is null, text operators), + -, * / %, unary, member access, primaries.
// Every recursion goes through `enter()`, and every operator chain link counts a
// level, so nesting is bounded by `Parser.maxDepth` (see `Parser`).
extension ParserCore {
    // pipeline := or_expr { '|' stage }
    package mutating func parsePipeline() throws(Diagnostic) -> Expr {
        if at(.pipe) {
            throw error("expected a source before '|'", at: peek.span,
                        hint: "start with a source such as 'accounts'; a line starting with '|' continues the line above only in scripts")
        }
        let source = try parseOr()
        guard at(.pipe) else { return source }
        var stages: [Stage] = []
        while eat(.pipe) {
            stageCount += 1
            if stageCount > Parser.maxStages {
                throw Diagnostic(.syntax, "pipeline is too long (more than \(Parser.maxStages) stages in one statement)",
                                 span: peek.span, hint: "split it with 'let' into smaller steps")
            }
            stages.append(try parseStage())
        }
        return Expr(.pipeline(source, stages), span: SourceSpan(source.span.start, previousEnd))
    }

    // or_expr := and_expr { 'or' and_expr }
    package mutating func parseOr() throws(Diagnostic) -> Expr {
        var lhs = try parseAnd()
        var links = 0
        defer { leave(links) }
        while eat("or") {
            try enter(); links += 1
            let rhs = try parseAnd()
            lhs = Expr(.binary(.or, lhs, rhs), span: lhs.span.union(rhs.span))
        }
        return lhs
    }

    // and_expr := not_expr { 'and' not_expr }
    package mutating func parseAnd() throws(Diagnostic) -> Expr {
        var lhs = try parseNot()
        var links = 0
        defer { leave(links) }
        while eat("and") {
            try enter(); links += 1
            let rhs = try parseNot()
            lhs = Expr(.binary(.and, lhs, rhs), span: lhs.span.union(rhs.span))
        }
        return lhs
    }

    // not_expr := 'not' not_expr | predicate
    package mutating func parseNot() throws(Diagnostic) -> Expr {
        guard at("not") else { return try parsePredicate() }
        let start = advance().span.start
        try enter()
        defer { leave() }
        let operand = try parseNot()
        return Expr(.unary(.not, operand), span: SourceSpan(start, operand.span.end))
    }

    // predicate := additive [ compare_op additive
    //                       | [ 'not' ] 'in' ( '(' pipeline { ',' pipeline } ')' | primary )
    //                       | [ 'not' ] 'between' additive 'and' additive
    //                       | 'is' [ 'not' ] 'null'
    //                       | [ 'not' ] text_op additive ]
    // compare_op := '==' | '!=' | '<' | '<=' | '>' | '>='
    // text_op := 'contains' | 'startswith' | 'endswith' | 'matches'
    package mutating func parsePredicate() throws(Diagnostic) -> Expr {
        let lhs = try parseAdditive()
        if case .op(let op) = peek.kind, let bin = ParserCore.comparison[op] {
            advance()
            let rhs = try parseAdditive()
            if case .op(let next) = peek.kind, ParserCore.comparison[next] != nil {
                throw error("comparisons cannot be chained", at: peek.span,
                            hint: "combine them with 'and': a < b and b < c")
            }
            return Expr(.binary(bin, lhs, rhs), span: lhs.span.union(rhs.span))
        }
        if at(.assign) {
            throw error("'=' does not compare values", at: peek.span, hint: "did you mean '=='?")
        }
        let negated = at("not") && ["in", "between", "contains", "startswith", "endswith", "matches"]
            .contains(peek(1).keyword ?? "")
        if negated { advance() }
        switch peek.keyword {
        case "in":
            advance()
            if !at(.lparen), case .word = peek.kind {
                // `x in NAME` / `x in read "file"`: the rows of a table (a semi-join).
                let table = try parsePrimary()
                return Expr(.inList(lhs, [table], negated: negated), span: SourceSpan(lhs.span.start, previousEnd))
            }
            let open = try expect(.lparen, "'(' after 'in'")
            openParens.append(open.span.start)
            var items = [try parsePipeline()]
            while eat(.comma) { items.append(try parsePipeline()) }
            _ = try expectClose()
            return Expr(.inList(lhs, items, negated: negated), span: SourceSpan(lhs.span.start, previousEnd))
        case "between":
            advance()
            let low = try parseAdditive()
            guard eat("and") else { throw error(expected: "'and' in 'between … and …'") }
            let high = try parseAdditive()
            return Expr(.between(lhs, low, high, negated: negated), span: lhs.span.union(high.span))
        case "is":
            advance()
            let isNot = eat("not")
            guard eat("null") else { throw error(expected: "'null' after 'is\(isNot ? " not" : "")'") }
            return Expr(.isNull(lhs, negated: isNot), span: SourceSpan(lhs.span.start, previousEnd))
        case let w? where ParserCore.textOps[w] != nil:
            advance()
            let rhs = try parseAdditive()
            let e = Expr(.binary(ParserCore.textOps[w]!, lhs, rhs), span: lhs.span.union(rhs.span))
            return negated ? Expr(.unary(.not, e), span: e.span) : e
        default:
            return lhs
        }
    }

    package static let comparison: [Op: BinaryOp] = [.eq: .eq, .ne: .ne, .lt: .lt, .le: .le, .gt: .gt, .ge: .ge]
    package static let textOps: [String: BinaryOp] = ["contains": .contains, "startswith": .startswith,
                                               "endswith": .endswith, "matches": .matches]

    // additive := multiplicative { ( '+' | '-' ) multiplicative }
    package mutating func parseAdditive() throws(Diagnostic) -> Expr {
        var lhs = try parseMultiplicative()
        var links = 0
        defer { leave(links) }
        while case .op(let op) = peek.kind, op == .plus || op == .minus {
            advance()
            try enter(); links += 1
            let rhs = try parseMultiplicative()
            lhs = Expr(.binary(op == .plus ? .add : .sub, lhs, rhs), span: lhs.span.union(rhs.span))
        }
        return lhs
    }

    // multiplicative := unary { ( '*' | '/' | '%' ) unary }
    package mutating func parseMultiplicative() throws(Diagnostic) -> Expr {
        var lhs = try parseUnary()
        var links = 0
        defer { leave(links) }
        while case .op(let op) = peek.kind, op == .star || op == .slash || op == .percent {
            advance()
            try enter(); links += 1
            let rhs = try parseUnary()
            let bin: BinaryOp = op == .star ? .mul : op == .slash ? .div : .mod
            lhs = Expr(.binary(bin, lhs, rhs), span: lhs.span.union(rhs.span))
        }
        return lhs
    }

    // unary := ( '-' | '+' ) unary | postfix
    // A '-' directly before a number literal folds into it: `-5` is the literal -5.
    package mutating func parseUnary() throws(Diagnostic) -> Expr {
        guard case .op(let op) = peek.kind, op == .minus || op == .plus else { return try parsePostfix() }
        let start = advance().span.start
        try enter()
        defer { leave() }
        let operand = try parseUnary()
        let span = SourceSpan(start, operand.span.end)
        if op == .minus, case .literal(let v) = operand.kind {
            if case .int(let i) = v { return Expr(.literal(.int(-i)), span: span) }
            if case .float(let d) = v { return Expr(.literal(.float(-d)), span: span) }
        }
        return Expr(.unary(op == .minus ? .negate : .plus, operand), span: span)
    }

    // postfix := primary { '.' name }
    package mutating func parsePostfix() throws(Diagnostic) -> Expr {
        var e = try parsePrimary()
        var links = 0
        defer { leave(links) }
        while eat(.dot) {
            try enter(); links += 1
            let member = try parseName("a column name after '.'")
            e = Expr(.member(e, member), span: SourceSpan(e.span.start, member.span.end))
        }
        return e
    }

    /// Consumes the `)` closing the innermost open parenthesis, with a note pointing at it.
    package mutating func expectClose() throws(Diagnostic) -> Token {
        guard at(.rparen) else {
            var d = error(expected: "')'")
            if let open = openParens.last, !d.notes.contains(closeNote(open)) { d.notes.append(closeNote(open)) }
            throw d
        }
        openParens.removeLast()
        return advance()
    }
}
