import QQData
import QQSyntax
import QQSemantic

extension Executor {
    /// `select ITEM, …`: exactly these columns; rows keep reaching accounts when the
    /// schema says so.
    package func project(_ f: Frame, _ items: [NamedExpr], rows: RowKind) throws(Diagnostic) -> Frame {
        var out = f
        out.names = []; out.refs = []
        out.kind = f.kind == .plain ? .plain : rows
        for item in items { out.set(item.name, try reference(item.expr, in: f)) }
        return out
    }

    /// `extend name = EXPR, …`: add or replace columns, keep the rest.
    package func extend(_ f: Frame, _ items: [NamedExpr]) throws(Diagnostic) -> Frame {
        var out = f
        for item in items { out.set(item.name, try reference(item.expr, in: f)) }
        return out
    }

    /// A column for `select`/`extend`: a reference when the expression is a plain
    /// column (no copy), else its evaluated values.
    package func reference(_ e: BoundExpr, in f: Frame) throws(Diagnostic) -> ColumnRef {
        switch e.kind {
        case .column(let i): return f.refs[i]
        case .accountColumn(let col, .row) where f.kind.isAccounts:
            return .base(try rt.accountColumn(col))
        case .accountColumn(let col, let via) where via != .row:
            if let ids = via == .src ? f.src : f.dst { return .lookup(try rt.accountColumn(col), ids: ids) }
            return .dense(try Evaluator(frame: f, rt: rt).eval(e))
        default:
            return .dense(try Evaluator(frame: f, rt: rt).eval(e))
        }
    }
}
