import QQData
import QQOutput
import QQSemantic

extension Executor {
    /// `color EXPR` and `label EXPR [top K]` of `plot scatter` (SPEC §11), for the points
    /// kept (`rows`: the frame rows behind each point). A null group reads `null`; the
    /// labelled points are the K (default 10) with the largest Y among those drawn,
    /// ties in row order.
    package func scatterMarks(_ c: inout Chart, _ spec: PlotPlan, _ ev: Evaluator, rows: [Int]) throws(Diagnostic) {
        if let color = spec.color {
            let col = try ev.eval(color.expr)
            c.groups = rows.map { col.isNull($0) ? "null" : ValueText.plain(col[$0]) }
            c.groupName = color.name
        }
        if let label = spec.label {
            let k = try spec.labelTop.map { (t) throws(Diagnostic) in try count(t, what: "'top'") } ?? 10
            let col = try ev.eval(label.expr)
            let drawable = c.x.indices.filter { i in
                c.x[i].isFinite && c.y[i].isFinite && !(c.log && (c.x[i] <= 0 || c.y[i] <= 0))
            }
            let chosen = drawable.sorted { c.y[$0] != c.y[$1] ? c.y[$0] > c.y[$1] : $0 < $1 }.prefix(k)
            var labels = [String](repeating: "", count: c.x.count)
            for i in chosen { labels[i] = col.isNull(rows[i]) ? "null" : ValueText.plain(col[rows[i]]) }
            c.pointLabels = labels
        }
    }
}
