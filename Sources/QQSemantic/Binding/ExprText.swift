import QQData
import QQSyntax

/// A compact rendering of an expression with no spaces, used to match an expression
/// against a column named by its source text: after `summarize count() by city`, a
/// later `sort count() desc` means the column `count()`, not a new count.
package enum ExprText {
    /// The expression's text without whitespace, or nil for forms that never name a column.
    package static func compact(_ e: Expr) -> String? {
        switch e.kind {
        case .literal(let v):
            if case .string(let s) = v { return "\"" + s + "\"" }
            return v.isNull ? "null" : v.description
        case .name(let n): return n
        case .account(let h): return "@" + h
        case .member(let base, let field): return compact(base).map { $0 + "." + field.name }
        case .call(let f, let args):
            var parts: [String] = []
            for a in args { guard let t = compact(a) else { return nil }; parts.append(t) }
            return f.name + "(" + parts.joined(separator: ",") + ")"
        case .unary(let op, let a):
            return compact(a).map { (op == .not ? "not" : op.rawValue) + $0 }
        case .binary(let op, let a, let b):
            guard let x = compact(a), let y = compact(b) else { return nil }
            return x + op.rawValue + y
        case .paren(let inner): return compact(inner).map { "(" + $0 + ")" }
        default: return nil
        }
    }

    /// `text` without whitespace (outside nothing: names never hold spaces).
    package static func squeezed(_ text: String) -> String {
        String(text.unicodeScalars.filter { !$0.properties.isWhitespace }.map(Character.init))
    }
}

extension Binder {
    /// A visible column whose name is this expression's own text, if any.
    package func columnNamed(by e: Expr, _ ctx: Context) -> BoundExpr? {
        guard let schema = ctx.schema, let text = ExprText.compact(e) else { return nil }
        for (i, c) in schema.columns.enumerated() where c.name.contains("(") || c.name.contains(".") || c.name.contains(" ") {
            if ExprText.squeezed(c.name) == text { return BoundExpr(.column(i), type: c.type, span: e.span) }
        }
        return nil
    }
}
