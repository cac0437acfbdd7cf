import QQData
import QQSyntax
import QQSemantic

extension Executor {
    /// `summarize`: key columns, then the outputs evaluated over the group table.
    package func summarize(_ f: Frame, keys: [NamedExpr], aggregates: [BoundExpr], outputs: [NamedExpr]) throws(Diagnostic) -> Frame {
        let ev = Evaluator(frame: f, rt: rt)
        var keyColumns: [Column] = []
        for k in keys { keyColumns.append(try ev.eval(k.expr)) }
        let groups = try Grouping.index(keyColumns, count: f.count)
        let first = Grouping.firstRows(groups)
        var names = keys.map(\.name)
        var columns = keyColumns.map { Gather.column($0, first) }
        for (k, a) in aggregates.enumerated() {
            guard case .aggregate(let fn, let arg, let param) = a.kind else {
                throw Diagnostic(.internal, "internal error: summarize item is not an aggregate", span: a.span)
            }
            let x = try arg.map { (e) throws(Diagnostic) in try ev.eval(e) }
            names.append("#\(k)")
            if fn.pairsColumns, let x, let b = param {
                columns.append(try Aggregates.agreement(fn, x, try ev.eval(b), groups: groups))
                continue
            }
            let p = try param.map { (e) throws(Diagnostic) in try Evaluator.values(rt).value(e) }
            columns.append(try Aggregates.grouped(fn, argument: x, parameter: p, groups: groups, type: a.type, span: a.span))
        }
        let groupFrame = Frame(table: Table(names: names, columns: columns))
        let gev = Evaluator(frame: groupFrame, rt: rt)
        var out = Frame(table: Table(names: Array(names.prefix(keys.count)), columns: Array(columns.prefix(keys.count))))
        out.count = groups.groupCount
        for o in outputs { out.set(o.name, .dense(try gev.eval(o.expr))) }
        return out
    }
}
