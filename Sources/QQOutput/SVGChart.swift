import QQData

/// The SVG charts: 720×450 px for histograms and scatters (bars grow with their
/// count), a bold title and a grey subtitle with the counts, light gridlines at
/// the major ticks, minor ticks on log axes, axis names with their scale, and
/// notes under the plot for anything left out.
enum SVGChart {
    static let width = 720.0
    static let height = 450.0
    /// Points drawn at most; beyond it every k-th point is drawn and a note says so.
    static let maxPoints = 20_000
    static let maxBars = 100

    /// The plot rectangle and how data units map into it.
    struct Area {
        var left, top, right, bottom: Double
        func x(_ u: Double) -> Double { left + u * (right - left) }
        func y(_ u: Double) -> Double { bottom - u * (bottom - top) }
    }

    static func histogram(_ c: Chart) throws(Diagnostic) -> String {
        let (h, notes) = try PlotData.histogram(c)
        let total = h.counts.reduce(0, +)
        let maxCount = h.counts.max() ?? 1
        let yStep = max(1, Scale.niceStep(Double(max(maxCount, 1)) / 5))
        let yScale = Scale(lo: 0, hi: (Double(max(maxCount, 1)) / yStep).rounded(.up) * yStep, log: false)
        let yTicks = stride(from: 0.0, through: yScale.hi, by: yStep).map { $0 }
        let xScale = h.scale
        let xTicks = xScale.ticks(target: 8, minimumStep: h.integral ? 1 : 0)
        var w = SVGWriter(width: width, height: height)
        let subtitle = "\(NumberText.grouped(Int64(total))) values · \(h.counts.count) \(h.log ? "log-spaced " : "")bins"
        let area = frame(&w, c.displayTitle, subtitle, yTicks.map(NumberText.compact), notes)
        axes(&w, area, xScale, xTicks, yScale, yTicks, xName: Chart.axisName(c.xLabel, log: c.log),
             yName: c.yLabel.isEmpty ? "count" : c.yLabel)
        w.open("g", "fill=\"\(SVGWriter.mark)\"")
        for (i, count) in h.counts.enumerated() where count > 0 {
            let x0 = area.x(xScale.unit(h.edges[i])), x1 = area.x(xScale.unit(h.edges[i + 1]))
            let top = area.y(yScale.unit(Double(count)))
            let gap = x1 - x0 > 4 ? 0.5 : 0
            let range = h.integral ? NumberText.compact(h.edges[i] + 0.5)
                : "\(NumberText.compact(h.edges[i])) to \(NumberText.compact(h.edges[i + 1]))"
            w.rect(x0 + gap, top, x1 - x0 - 2 * gap, area.bottom - top,
                   tooltip: "\(range): \(NumberText.grouped(Int64(count)))")
        }
        w.close("g")
        return w.document(title: c.displayTitle, description: "Histogram. " + subtitle + ".")
    }

    static func scatter(_ c: Chart) throws(Diagnostic) -> String {
        let (xs, ys, pointNotes) = try PlotData.points(c)
        var notes = pointNotes
        let total = xs.count
        var step = 1
        if xs.count > maxPoints {
            step = (xs.count + maxPoints - 1) / maxPoints
            let drawn = (xs.count + step - 1) / step
            notes.append("\(NumberText.grouped(Int64(drawn))) of \(NumberText.grouped(Int64(total))) points drawn (1 in \(step))")
        }
        let xScale = TerminalChart.domain(xs, log: c.log), yScale = TerminalChart.domain(ys, log: c.log)
        let xTicked = AxisTicks.x(c, xScale, target: 8)
        let xTicks = xTicked.map(\.0), yTicks = yScale.ticks(target: 6)
        var w = SVGWriter(width: width, height: height)
        let subtitle = "\(NumberText.grouped(Int64(total))) points" + (c.log ? " · log–log" : "")
        let area = frame(&w, c.displayTitle, subtitle, yTicks.map(NumberText.compact), notes)
        axes(&w, area, xScale, xTicks, yScale, yTicks, xName: Chart.axisName(c.xLabel, log: c.log),
             yName: Chart.axisName(c.yLabel, log: c.log), xLabels: xTicked.map(\.1))
        if c.kind == .line {
            var d = ""
            for i in stride(from: 0, to: xs.count, by: step) {
                d += (d.isEmpty ? "M" : " L") + SVGWriter.num(area.x(xScale.unit(xs[i]))) + " " + SVGWriter.num(area.y(yScale.unit(ys[i])))
            }
            w.open("g", "fill=\"none\" stroke=\"\(SVGWriter.mark)\" stroke-width=\"1.8\"")
            w.raw("<path d=\"\(d)\"/>\n")
            w.close("g")
        }
        let radius = total > 5000 ? 1.8 : total > 500 ? 2.4 : 3.2
        let opacity = total > 5000 ? 0.35 : total > 500 ? 0.5 : 0.75
        w.open("g", "fill=\"\(SVGWriter.mark)\" fill-opacity=\"\(opacity)\"")
        for i in stride(from: 0, to: xs.count, by: step) {
            w.circle(area.x(xScale.unit(xs[i])), area.y(yScale.unit(ys[i])), r: radius)
        }
        w.close("g")
        return w.document(title: c.displayTitle, description: (c.kind == .line ? "Line chart. " : "Scatter plot. ") + subtitle + ".")
    }

    /// Title, subtitle and notes; returns the plot area left for axes and marks.
    static func frame(_ w: inout SVGWriter, _ title: String, _ subtitle: String, _ yLabels: [String],
                      _ notes: [String]) -> Area {
        w.text(width / 2, 30, title, "text-anchor=\"middle\" font-size=\"17\" font-weight=\"bold\" fill=\"\(SVGWriter.ink)\"")
        w.text(width / 2, 49, subtitle, "text-anchor=\"middle\" font-size=\"12\" fill=\"\(SVGWriter.muted)\"")
        for (k, n) in notes.enumerated() {
            w.text(16, height - 12 - Double(notes.count - 1 - k) * 15, "note: " + n,
                   "font-size=\"11\" fill=\"\(SVGWriter.muted)\"")
        }
        let labelWidth = yLabels.map { SVGWriter.textWidth($0, size: 11) }.max() ?? 10
        return Area(left: 36 + labelWidth + 8, top: 68, right: width - 28,
                    bottom: height - 58 - Double(notes.count) * 15)
    }

    /// Gridlines, axis lines, tick marks (minor ones on log axes), tick labels and axis names.
    static func axes(_ w: inout SVGWriter, _ a: Area, _ xs: Scale, _ xTicks: [Double], _ ys: Scale,
                     _ yTicks: [Double], xName: String, yName: String, xLabels: [String]? = nil) {
        w.open("g", "stroke=\"\(SVGWriter.grid)\" stroke-width=\"1\"")
        for t in xTicks { let x = a.x(xs.unit(t)); w.line(x, a.top, x, a.bottom) }
        for t in yTicks { let y = a.y(ys.unit(t)); w.line(a.left, y, a.right, y) }
        w.close("g")
        w.open("g", "stroke=\"\(SVGWriter.axis)\" stroke-width=\"1\"")
        w.line(a.left, a.bottom, a.right, a.bottom)
        w.line(a.left, a.top, a.left, a.bottom)
        for t in xTicks { let x = a.x(xs.unit(t)); w.line(x, a.bottom, x, a.bottom + 5) }
        for t in yTicks { let y = a.y(ys.unit(t)); w.line(a.left - 5, y, a.left, y) }
        for t in xs.minorTicks() { let x = a.x(xs.unit(t)); w.line(x, a.bottom, x, a.bottom + 3) }
        for t in ys.minorTicks() { let y = a.y(ys.unit(t)); w.line(a.left - 3, y, a.left, y) }
        w.close("g")
        w.open("g", "font-size=\"11\" fill=\"\(SVGWriter.ink)\"")
        for (k, t) in xTicks.enumerated() {
            w.text(a.x(xs.unit(t)), a.bottom + 18, xLabels?[k] ?? NumberText.compact(t), "text-anchor=\"middle\"")
        }
        for t in yTicks { w.text(a.left - 8, a.y(ys.unit(t)) + 4, NumberText.compact(t), "text-anchor=\"end\"") }
        w.close("g")
        w.text((a.left + a.right) / 2, a.bottom + 40, xName,
               "text-anchor=\"middle\" font-size=\"13\" fill=\"\(SVGWriter.ink)\"")
        let cy = (a.top + a.bottom) / 2
        w.text(0, 0, yName, "text-anchor=\"middle\" font-size=\"13\" fill=\"\(SVGWriter.ink)\" "
               + "transform=\"translate(20 \(SVGWriter.num(cy))) rotate(-90)\"")
    }
}
