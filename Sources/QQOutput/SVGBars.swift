import QQData

extension SVGChart {
    /// Horizontal bars, one 22 px row each in row order, labels right-aligned on the
    /// left (cut with `…` past 28 columns), the value at the end of each bar, the
    /// value axis at the bottom with vertical gridlines.
    static func bars(_ c: Chart) throws(Diagnostic) -> String {
        var notes = try PlotData.bars(c)
        let shown = min(c.y.count, maxBars)
        if shown < c.y.count { notes.append("\(c.y.count - shown) more bars not shown (first \(shown) drawn)") }
        let values = Array(c.y[0..<shown])
        let labels = c.labels[0..<shown].map { DisplayWidth.truncate(DisplayWidth.visible($0), to: 28) }
        let texts = values.map(NumberText.compact)
        let rowHeight = 22.0
        let labelWidth = max(labels.map { SVGWriter.textWidth($0, size: 12) }.max() ?? 20,
                             SVGWriter.textWidth(c.yLabel, size: 12))
        let textWidth = texts.map { SVGWriter.textWidth($0, size: 11) }.max() ?? 20
        let top = 68.0
        let height = top + Double(shown) * rowHeight + 58 + Double(notes.count) * 15
        let area = Area(left: 16 + labelWidth + 10, top: top, right: width - 20 - textWidth - 6,
                        bottom: top + Double(shown) * rowHeight)
        let scale = TerminalBars.valueScale(values, log: c.log)
        let ticks = scale.ticks(target: 7)
        var w = SVGWriter(width: width, height: height)
        w.text(width / 2, 30, c.displayTitle,
               "text-anchor=\"middle\" font-size=\"17\" font-weight=\"bold\" fill=\"\(SVGWriter.ink)\"")
        let subtitle = "\(shown) \(shown == 1 ? "bar" : "bars")" + (c.log ? " · log scale" : "")
        w.text(width / 2, 49, subtitle, "text-anchor=\"middle\" font-size=\"12\" fill=\"\(SVGWriter.muted)\"")
        w.open("g", "stroke=\"\(SVGWriter.grid)\" stroke-width=\"1\"")
        for t in ticks { let x = area.x(scale.unit(t)); w.line(x, area.top, x, area.bottom) }
        w.close("g")

        let zero = scale.log ? area.left : area.x(scale.unit(0))
        w.open("g", "fill=\"\(SVGWriter.mark)\"")
        for (i, v) in values.enumerated() where v.isFinite && (!scale.log || v > 0) {
            let end = area.x(min(max(scale.unit(v), 0), 1))
            w.rect(min(zero, end), area.top + Double(i) * rowHeight + 4, abs(end - zero), rowHeight - 8,
                   tooltip: "\(c.labels[i]): \(ValueText.plain(.float(v)))")
        }
        w.close("g")
        w.open("g", "font-size=\"12\" fill=\"\(SVGWriter.ink)\" text-anchor=\"end\"")
        for (i, label) in labels.enumerated() {
            w.text(area.left - 8, area.top + Double(i) * rowHeight + rowHeight / 2 + 4, label)
        }
        w.close("g")
        w.open("g", "font-size=\"11\" fill=\"\(SVGWriter.muted)\"")
        for (i, v) in values.enumerated() {
            let end = v.isFinite && (!scale.log || v > 0) ? area.x(min(max(scale.unit(v), 0), 1)) : zero
            let y = area.top + Double(i) * rowHeight + rowHeight / 2 + 4
            // Negative bars grow left, towards the labels: their value goes right of the zero line.
            w.text(max(end, zero) + 4, y, texts[i])
        }
        w.close("g")

        w.open("g", "stroke=\"\(SVGWriter.axis)\" stroke-width=\"1\"")
        w.line(area.left, area.bottom, area.right, area.bottom)
        w.line(zero, area.top, zero, area.bottom)
        for t in ticks { let x = area.x(scale.unit(t)); w.line(x, area.bottom, x, area.bottom + 5) }
        for t in scale.minorTicks() { let x = area.x(scale.unit(t)); w.line(x, area.bottom, x, area.bottom + 3) }
        w.close("g")
        w.open("g", "font-size=\"11\" fill=\"\(SVGWriter.ink)\" text-anchor=\"middle\"")
        for t in ticks { w.text(area.x(scale.unit(t)), area.bottom + 18, NumberText.compact(t)) }
        w.close("g")
        w.text((area.left + area.right) / 2, area.bottom + 40, Chart.axisName(c.xLabel, log: c.log),
               "text-anchor=\"middle\" font-size=\"13\" fill=\"\(SVGWriter.ink)\"")
        if !c.yLabel.isEmpty {
            w.text(area.left - 8, top - 6, c.yLabel, "text-anchor=\"end\" font-size=\"12\" font-weight=\"bold\" fill=\"\(SVGWriter.ink)\"")
        }
        for (k, n) in notes.enumerated() {
            w.text(16, height - 12 - Double(notes.count - 1 - k) * 15, "note: " + n, "font-size=\"11\" fill=\"\(SVGWriter.muted)\"")
        }
        return w.document(title: c.displayTitle, description: "Bar chart. " + subtitle + ".")
    }
}
