import QQData
import QQSyntax
import QQSemantic

extension Executor {
    /// `distinct`: the first row of each distinct combination, in order of appearance.
    package func distinct(_ f: Frame, _ items: [NamedExpr]) throws(Diagnostic) -> Frame {
        let ev = Evaluator(frame: f, rt: rt)
        var columns: [Column] = []
        for item in items { columns.append(try ev.eval(item.expr)) }
        let first = Grouping.firstRows(try Grouping.index(columns, count: f.count))
        return Frame(table: Table(names: items.map(\.name), columns: columns.map { Gather.column($0, first) }))
    }
}
