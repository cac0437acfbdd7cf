import QQData
import QQSyntax

extension Binder {
    /// Binds one expression in `ctx`, checking names and operand types.
    package func bindExpr(_ e: Expr, _ ctx: Context) throws(Diagnostic) -> BoundExpr {
        switch e.kind {
        case .call, .member, .binary, .unary:
            if let c = columnNamed(by: e, ctx) { return c }
        default: break
        }
        switch e.kind {
        case .literal(let v):
            return BoundExpr(.literal(v), type: v.type, span: e.span)
        case .name(let n):
            return try bindName(n, span: e.span, ctx)
        case .account:
            return try bindHandle(e)!
        case .member(let base, let field):
            if case .account = base.kind { return try bindHandle(e)! }
            return try bindMember(base, field, span: e.span, ctx)
        case .unary(let op, let a):
            return try bindUnary(op, a, span: e.span, ctx)
        case .binary(let op, let a, let b):
            return try bindBinary(op, a, b, span: e.span, ctx)
        case .call(let f, let args):
            return try bindCall(f, args, span: e.span, ctx)
        case .inList(let x, let list, let negated):
            if let set = try bindMembership(x, list, negated: negated, span: e.span, ctx) { return set }
            let bx = try bindExpr(x, ctx)
            var items: [BoundExpr] = []
            for item in list {
                let bi = try coerceDate(try bindExpr(item, ctx), to: bx.type)
                try checkComparable(bx, bi, span: item.span, op: "in")
                items.append(bi)
            }
            return BoundExpr(.inList(bx, items, negated: negated), type: .bool, span: e.span)
        case .between(let x, let lo, let hi, let negated):
            let bx = try bindExpr(x, ctx)
            let bl = try coerceDate(try bindExpr(lo, ctx), to: bx.type)
            let bh = try coerceDate(try bindExpr(hi, ctx), to: bx.type)
            try checkComparable(bx, bl, span: e.span, op: "between")
            try checkComparable(bx, bh, span: e.span, op: "between")
            return BoundExpr(.between(bx, bl, bh, negated: negated), type: .bool, span: e.span)
        case .isNull(let x, let negated):
            return BoundExpr(.isNull(try bindExpr(x, ctx), negated: negated), type: .bool, span: e.span)
        case .pipeline, .read:
            return try bindSubquery(e)
        case .paren(let inner):
            if isRelation(inner) { return try bindSubquery(inner, span: e.span) }
            var b = try bindExpr(inner, ctx)
            b.span = e.span
            return b
        }
    }

    /// A pipeline used as a value: it must yield one column (or be a `count`).
    package func bindSubquery(_ e: Expr, span: SourceSpan? = nil) throws(Diagnostic) -> BoundExpr {
        let plan = try bindRelation(e)
        let span = span ?? e.span
        switch plan.output {
        case .value:
            return BoundExpr(.subquery(plan), type: .int, span: span)
        case .sideEffect:
            throw Diagnostic(.type, "this pipeline writes a file or a chart and has no value", span: span)
        case .relation:
            guard plan.schema.columns.count == 1 else {
                throw Diagnostic(.type, "a pipeline used as a value must yield one column, this one yields \(plan.schema.columns.count)",
                                 span: span, hint: "end it with '| count', '| summarize …' or '| select COLUMN'")
            }
            return BoundExpr(.subquery(plan), type: plan.schema.columns[0].type, span: span)
        }
    }

    /// A handle (`@x.com`) as its handle text, or a handle with a column
    /// (`@x.com.pagerank`) as that cell; nil when `e` is not a handle.
    package func bindHandle(_ e: Expr) throws(Diagnostic) -> BoundExpr? {
        guard let (h, column) = try resolveHandle(e) else { return nil }
        guard let column else { return BoundExpr(.literal(.string(h)), type: .string, span: e.span) }
        let (col, type) = try bindAccountColumn(column)
        return BoundExpr(.accountCell(handle: h, col), type: type, span: e.span)
    }

    /// `src.col`, `dst.col`, or `name.col` where `name` holds a handle.
    package func bindMember(_ base: Expr, _ field: Identifier, span: SourceSpan, _ ctx: Context) throws(Diagnostic) -> BoundExpr {
        switch base.kind {
        case .name(let n) where (n == "src" || n == "dst") && ctx.schema?.rows == .edges(open: true):
            let (col, type) = try bindAccountColumn(field)
            return BoundExpr(.accountColumn(col, n == "src" ? .src : .dst), type: type, span: span)
        case .name(let n):
            if case .value(.string(let h))? = env.scope[n] {
                try checkAccount(h, span: base.span)
                let (col, type) = try bindAccountColumn(field)
                return BoundExpr(.accountCell(handle: h, col), type: type, span: span)
            }
            if n == "src" || n == "dst" {
                throw Diagnostic(.name, "'\(n).\(field.name)' needs edge rows (follows or interactions)", span: span,
                                 hint: ctx.schema?.rows == .edges(open: false) ? "an earlier 'select' left the endpoints out" : nil)
            }
            throw Diagnostic(.type, "'\(n)' is not an account, so it has no column '\(field.name)'", span: base.span,
                             hint: "write '@handle.\(field.name)'")
        default:
            throw Diagnostic(.type, "only an account has columns: write '@handle.\(field.name)'", span: base.span)
        }
    }

    package func bindUnary(_ op: UnaryOp, _ a: Expr, span: SourceSpan, _ ctx: Context) throws(Diagnostic) -> BoundExpr {
        let ba = try bindExpr(a, ctx)
        switch op {
        case .not:
            guard ba.type == .bool || ba.type == .null else {
                throw Diagnostic(.type, "'not' needs true or false, found \(TypeRules.name(ba.type))", span: a.span)
            }
            return BoundExpr(.unary(op, ba), type: .bool, span: span)
        case .negate, .plus:
            guard ba.type.isNumeric || ba.type == .null || (ba.type == .duration && op == .negate) else {
                throw Diagnostic(.type, "'\(op.rawValue)' needs a number, found \(TypeRules.name(ba.type))", span: a.span)
            }
            if op == .plus { return ba }
            return BoundExpr(.unary(op, ba), type: ba.type == .null ? .null : ba.type, span: span)
        }
    }

    package func bindBinary(_ op: BinaryOp, _ a: Expr, _ b: Expr, span: SourceSpan, _ ctx: Context) throws(Diagnostic) -> BoundExpr {
        var ba = try bindExpr(a, ctx)
        var bb = try bindExpr(b, ctx)
        switch op {
        case .add, .sub, .mul, .div, .mod:
            guard let t = TypeRules.arithmetic(op, ba.type, bb.type) else {
                let hint = (ba.type == .string || bb.type == .string) && op == .add ? "turn the number into text with str(…)" : nil
                let joiner = op == .add ? "and" : (op == .sub ? "from" : "by")
                let (x, y) = op == .sub ? (bb.type, ba.type) : (ba.type, bb.type)
                throw Diagnostic(.type, "cannot \(TypeRules.verb(op)) \(TypeRules.name(x)) \(joiner) \(TypeRules.name(y))",
                                 span: span, hint: hint)
            }
            return BoundExpr(.binary(op, ba, bb), type: t, span: span)
        case .eq, .ne, .lt, .le, .gt, .ge:
            ba = try coerceDate(ba, to: bb.type)
            bb = try coerceDate(bb, to: ba.type)
            if (op == .eq || op == .ne), let nullSide = [ba, bb].first(where: { if case .literal(.null) = $0.kind { return true } else { return false } }) {
                throw Diagnostic(.type, "comparing with null never gives true or false", span: nullSide.span,
                                 hint: op == .eq ? "write 'is null'" : "write 'is not null'")
            }
            try checkComparable(ba, bb, span: span, op: op.rawValue)
            return BoundExpr(.binary(op, ba, bb), type: .bool, span: span)
        case .and, .or:
            for (x, src) in [(ba, a), (bb, b)] where x.type != .bool && x.type != .null {
                throw Diagnostic(.type, "'\(op.rawValue)' needs true or false, found \(TypeRules.name(x.type))", span: src.span)
            }
            return BoundExpr(.binary(op, ba, bb), type: .bool, span: span)
        case .contains, .startswith, .endswith, .matches:
            for (x, src) in [(ba, a), (bb, b)] where x.type != .string && x.type != .null {
                throw Diagnostic(.type, "'\(op.rawValue)' needs text, found \(TypeRules.name(x.type))", span: src.span,
                                 hint: "turn it into text with str(…)")
            }
            if op == .matches, case .literal(.string(let pattern)) = bb.kind {
                do { _ = try RegexProgram(pattern: pattern) } catch {
                    throw Diagnostic(.type, "invalid regular expression: \(error.message)", span: b.span)
                }
            }
            return BoundExpr(.binary(op, ba, bb), type: .bool, span: span)
        }
    }

    /// Throws `cannot compare X with Y` unless the two values can be compared.
    package func checkComparable(_ a: BoundExpr, _ b: BoundExpr, span: SourceSpan, op: String) throws(Diagnostic) {
        let ordering = op == "<" || op == "<=" || op == ">" || op == ">=" || op == "between"
        guard let t = TypeRules.common(a.type, b.type), !ordering || TypeRules.isOrdered(t) else {
            var hint: String? = nil
            if a.type == .string && b.type.isNumeric || b.type == .string && a.type.isNumeric {
                hint = "numbers and text never compare equal; convert with str(…) or compare with a number"
            }
            throw Diagnostic(.type, "cannot compare \(TypeRules.name(a.type)) with \(TypeRules.name(b.type))", span: span, hint: hint)
        }
    }

    /// A string literal compared with a date becomes a date (`created < "2024-01-01"`).
    package func coerceDate(_ e: BoundExpr, to other: ValueType) throws(Diagnostic) -> BoundExpr {
        if other == .datetime, case .literal(.string(let s)) = e.kind {
            guard let t = DateTime.parse(s, dateOnly: true) else {
                throw Diagnostic(.type, "'\(s)' is not a datetime", span: e.span, hint: "write datetimes as 2024-01-31T12:00:00Z")
            }
            return BoundExpr(.literal(.datetime(t)), type: .datetime, span: e.span)
        }
        guard other == .date, case .literal(.string(let s)) = e.kind else { return e }
        if let t = DateTime.parse(s) {
            // A datetime literal: the day it falls on (UTC).
            return BoundExpr(.literal(.date(Int32(clamping: DateTime.day(t)))), type: .date, span: e.span)
        }
        guard let d = CivilDate.parse(Substring(s)) else {
            throw Diagnostic(.type, "'\(s)' is not a date", span: e.span, hint: "write dates as YYYY-MM-DD")
        }
        return BoundExpr(.literal(.date(d.daysSinceEpoch)), type: .date, span: e.span)
    }
}
