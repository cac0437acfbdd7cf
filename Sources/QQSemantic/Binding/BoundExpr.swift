import QQData
import QQSyntax

/// An expression after binding: every name resolved to a column, metric, value or
/// function, and every node typed. Produced by `Binder`, evaluated by the executor's
/// vectorised evaluator; pure data, so another engine can run it too.
public struct BoundExpr: Sendable {
    public indirect enum Kind: Sendable {
        case literal(Value)
        /// Visible column `i` of the input relation.
        case column(Int)
        /// A column of `accounts` reached through the row's account (or an edge endpoint).
        case accountColumn(AccountColumn, Endpoint)
        /// `@handle.col`: one cell, the same for every row.
        case accountCell(handle: String, AccountColumn)
        case unary(UnaryOp, BoundExpr)
        case binary(BinaryOp, BoundExpr, BoundExpr)
        case inList(BoundExpr, [BoundExpr], negated: Bool)
        case between(BoundExpr, BoundExpr, BoundExpr, negated: Bool)
        case isNull(BoundExpr, negated: Bool)
        case function(ScalarFunction, [BoundExpr])
        /// `percentile(x)`, `zscore(x)` over the current rows.
        case columnwise(ColumnwiseFunction, BoundExpr)
        /// An aggregate: per group in `summarize`, over all current rows elsewhere.
        /// `argument` is nil for `count()`; `parameter` is `quantile`'s q.
        case aggregate(AggregateFunction, argument: BoundExpr?, parameter: BoundExpr?)
        /// `overlap(@a, @b)`: Jaccard similarity of two follower sets.
        case overlap(BoundExpr, BoundExpr)
        /// A pipeline used as a value: it must yield one column; zero rows give null.
        case subquery(LogicalPlan)
        /// `x [not] in (PIPELINE)` / `x in NAME`: a semi-join against the values of the
        /// plan's one column (nulls there ignored; no rows gives false). `asText`: x and
        /// the column compare as text (one is text, the other a number).
        case inSet(BoundExpr, LogicalPlan, negated: Bool, asText: Bool)
    }

    public var kind: Kind
    public var type: ValueType
    public var span: SourceSpan

    public init(_ kind: Kind, type: ValueType, span: SourceSpan) {
        self.kind = kind; self.type = type; self.span = span
    }

    /// True when the expression contains an aggregate outside any subquery.
    public var containsAggregate: Bool {
        var found = false
        visit { if case .aggregate = $0.kind { found = true } }
        return found
    }

    /// Calls `body` on this node and every sub-expression (not descending into subqueries).
    public func visit(_ body: (BoundExpr) -> Void) {
        body(self)
        switch kind {
        case .literal, .column, .accountColumn, .accountCell, .subquery: break
        case .unary(_, let a), .isNull(let a, _), .columnwise(_, let a), .inSet(let a, _, _, _): a.visit(body)
        case .binary(_, let a, let b), .overlap(let a, let b): a.visit(body); b.visit(body)
        case .inList(let a, let l, _): a.visit(body); l.forEach { $0.visit(body) }
        case .between(let a, let b, let c, _): a.visit(body); b.visit(body); c.visit(body)
        case .function(_, let args): args.forEach { $0.visit(body) }
        case .aggregate(_, let a, let p): a?.visit(body); p?.visit(body)
        }
    }

    /// The metric columns this expression reads (not descending into subqueries,
    /// which plan their own).
    public var metrics: [MetricID] {
        var out: [MetricID] = []
        visit { e in
            switch e.kind {
            case .accountColumn(.metric(let m), _), .accountCell(_, .metric(let m)):
                if !out.contains(m) { out.append(m) }
            default: break
            }
        }
        return out
    }
}

/// A bound expression with the name of the column it produces.
public struct NamedExpr: Sendable {
    public var name: String
    public var expr: BoundExpr
    public init(name: String, expr: BoundExpr) { self.name = name; self.expr = expr }
}

/// One sort key: `EXPR [asc|desc]`. Nulls always sort last.
public struct SortSpec: Sendable {
    public var expr: BoundExpr
    public var descending: Bool
    public init(expr: BoundExpr, descending: Bool) { self.expr = expr; self.descending = descending }
}

extension BoundExpr {
    /// The same node with each direct sub-expression replaced by `f(child)`
    /// (subqueries are left alone: they bind their own rows).
    public func mapChildren(_ f: (BoundExpr) throws(Diagnostic) -> BoundExpr) throws(Diagnostic) -> BoundExpr {
        var out = self
        switch kind {
        case .literal, .column, .accountColumn, .accountCell, .subquery: return self
        case .unary(let op, let a): out.kind = .unary(op, try f(a))
        case .binary(let op, let a, let b): out.kind = .binary(op, try f(a), try f(b))
        case .inList(let a, let l, let neg):
            var items: [BoundExpr] = []
            for x in l { items.append(try f(x)) }
            out.kind = .inList(try f(a), items, negated: neg)
        case .between(let a, let b, let c, let neg): out.kind = .between(try f(a), try f(b), try f(c), negated: neg)
        case .isNull(let a, let neg): out.kind = .isNull(try f(a), negated: neg)
        case .function(let fn, let args):
            var items: [BoundExpr] = []
            for x in args { items.append(try f(x)) }
            out.kind = .function(fn, items)
        case .columnwise(let fn, let a): out.kind = .columnwise(fn, try f(a))
        case .aggregate(let fn, let a, let p):
            out.kind = .aggregate(fn, argument: try a.map { (x) throws(Diagnostic) in try f(x) }, parameter: p)
        case .overlap(let a, let b): out.kind = .overlap(try f(a), try f(b))
        case .inSet(let a, let plan, let neg, let text): out.kind = .inSet(try f(a), plan, negated: neg, asText: text)
        }
        return out
    }
}
