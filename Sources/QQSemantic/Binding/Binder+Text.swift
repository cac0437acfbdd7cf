import QQData
import QQSyntax

/// The text functions and `rank` of SPEC §7.
extension Binder {
    /// `substr(s, start [, length])`, `replace(s, PATTERN, WITH)`,
    /// `extract(s, PATTERN [, group])`, `split_part(s, SEP, i)`, `trim(s)`.
    package func bindTextFunction(_ fn: ScalarFunction, _ f: Identifier, _ args: [BoundExpr], span: SourceSpan) throws(Diagnostic) -> BoundExpr {
        switch fn {
        case .substr: try arity(f, args.count, 2...3)
        case .replace, .split_part: try arity(f, args.count, 3...3)
        case .extract: try arity(f, args.count, 2...3)
        default: try arity(f, args.count, 1...1)
        }
        try text(args[0], fn.rawValue)
        switch fn {
        case .substr:
            for a in args.dropFirst() { try integer(a, "substr") }
        case .split_part:
            try text(args[1], "split_part")
            try integer(args[2], "split_part")
        case .replace, .extract:
            try text(args[1], fn.rawValue)
            let groups = try checkPattern(args[1])
            if fn == .replace { try text(args[2], "replace") }
            if fn == .extract, args.count == 3 {
                try integer(args[2], "extract")
                if case .literal(.int(let g)) = args[2].kind, let groups, g < 0 || g > Int64(groups) {
                    throw Diagnostic(.type, "the pattern has \(groups) group\(groups == 1 ? "" : "s"), so there is no group \(g)",
                                     span: args[2].span, hint: "group 0 is the whole match; groups are counted by their '('")
                }
            }
        default: break
        }
        return BoundExpr(.function(fn, args), type: .string, span: span)
    }

    /// Checks a constant pattern compiles; returns its number of groups (nil when not constant).
    private func checkPattern(_ e: BoundExpr) throws(Diagnostic) -> Int? {
        guard case .literal(.string(let pattern)) = e.kind else { return nil }
        do { return try RegexProgram(pattern: pattern, captures: true).groupCount } catch {
            throw Diagnostic(.type, "invalid regular expression: \(error.message)", span: e.span)
        }
    }

    private func text(_ e: BoundExpr, _ fn: String) throws(Diagnostic) {
        guard e.type == .string || e.type == .null else {
            throw Diagnostic(.type, "'\(fn)' needs text, found \(TypeRules.name(e.type))", span: e.span,
                             hint: "turn it into text with str(…)")
        }
    }

    /// `rank(x)` / `rank(x asc)` / `rank(x desc)`: a column-wise function over the current rows.
    package func bindRank(_ f: Identifier, _ args: [Expr], span: SourceSpan, _ ctx: Context) throws(Diagnostic) -> BoundExpr {
        try arity(f, args, 1...2)
        var ascending = false
        if args.count == 2 {
            guard case .name(let w) = args[1].kind, w == "asc" || w == "desc" else {
                throw Diagnostic(.type, "'rank' takes a value and an order: rank(x) or rank(x asc)", span: args[1].span)
            }
            ascending = w == "asc"
        }
        guard ctx.schema != nil else {
            throw Diagnostic(.type, "'rank' ranks the rows of a pipeline; use it in a stage", span: span,
                             hint: "accounts | extend r = rank(pagerank)")
        }
        let x = try orderable(try bindExpr(args[0], ctx))
        return BoundExpr(.columnwise(ascending ? .rankAscending : .rank, x), type: .int, span: span)
    }
}
