import QQData
import QQOutput
import QQSyntax
import QQSemantic

extension Executor {
    /// `plot …`: the chart for the terminal, or an SVG file with `to "file.svg"`.
    package func plot(_ f: Frame, _ spec: PlotPlan) throws(Diagnostic) -> Result {
        let ev = Evaluator(frame: f, rt: rt)
        var columns: [Column] = []
        for a in spec.args { columns.append(try ev.eval(a.expr)) }
        let bins = try spec.bins.map { (b) throws(Diagnostic) in try count(b, what: "'bins'") } ?? 0
        let chart: Chart
        switch spec.kind {
        case .hist:
            let (x, missing) = Executor.numbers(columns[0])
            chart = Chart.histogram(x, label: spec.args[0].name, bins: bins, log: spec.log, nullCount: missing)
        case .scatter:
            let xs = columns[0].doubles, ys = columns[1].doubles
            var x: [Double] = [], y: [Double] = []
            for i in 0..<f.count where !columns[0].isNull(i) && !columns[1].isNull(i) { x.append(xs[i]); y.append(ys[i]) }
            chart = Chart.scatter(x: x, y: y, xLabel: spec.args[0].name, yLabel: spec.args[1].name, log: spec.log,
                                  nullCount: f.count - x.count)
        case .line:
            // A series by x (a time axis when x is a date or datetime), in x order.
            let isTime = columns[0].type == .datetime || columns[0].type == .date
            let xc = columns[0].type == .date ? try ev.toDatetime(columns[0], span: nil) : columns[0]
            let xs = xc.doubles, ys = columns[1].doubles
            var pts: [(Double, Double)] = []
            for i in 0..<f.count where !xc.isNull(i) && !columns[1].isNull(i) { pts.append((xs[i], ys[i])) }
            pts.sort { $0.0 < $1.0 }
            chart = Chart.line(x: pts.map(\.0), y: pts.map(\.1), xLabel: spec.args[0].name, yLabel: spec.args[1].name,
                               timeAxis: isTime, nullCount: f.count - pts.count)
        case .bar:
            let vs = columns[1].doubles
            var labels: [String] = [], values: [Double] = []
            for i in 0..<f.count where !columns[1].isNull(i) {
                labels.append(columns[0].isNull(i) ? "null" : columns[0][i].description); values.append(vs[i])
            }
            chart = Chart.bar(labels: labels, values: values, labelName: spec.args[0].name, valueName: spec.args[1].name,
                              log: spec.log, nullCount: f.count - values.count)
        }
        guard let file = spec.file else {
            do {
                return .chart(try ChartRenderer.terminal(chart, width: max(30, rt.width), height: 20, color: rt.color))
            } catch { throw error.at(spec.span) }
        }
        guard !rt.safe else { throw Diagnostic(.runtime, "--safe mode does not write files ('plot … to')", span: spec.span) }
        do {
            let svg = try ChartRenderer.svg(chart)
            try AtomicFile.write(svg, to: rt.resolve(file), overwrite: spec.overwrite)
        } catch { throw error.at(spec.span) }
        return .done("wrote \(file)")
    }

    /// The non-null numbers of a column, and how many were null.
    package static func numbers(_ c: Column) -> ([Double], Int) {
        let d = c.doubles
        var out: [Double] = []
        out.reserveCapacity(d.count)
        for i in 0..<d.count where !c.isNull(i) { out.append(d[i]) }
        return (out, d.count - out.count)
    }
}
