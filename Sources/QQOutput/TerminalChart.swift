import QQData

/// Charts drawn with Unicode cells: histogram columns of eighth blocks
/// (`▁▂▃▄▅▆▇█`), scatter points in braille (2×4 dots per cell), horizontal bars of
/// left eighth blocks (`▏▎▍▌▋▊▉█`). The frame (axes, ticks, names, notes) is
/// `TerminalFrame`'s.
enum TerminalChart {
    static let minWidth = 30
    static let minHeight = 8
    /// Lines around the plot rows: title, y name, x axis, x tick labels, x name.
    static let frameLines = 5
    /// Bars drawn at most; the rest are counted in a note.
    static let maxBars = 40

    static let columnBlocks: [Character] = [" ", "▁", "▂", "▃", "▄", "▅", "▆", "▇", "█"]
    static let rowBlocks: [Character] = [" ", "▏", "▎", "▍", "▌", "▋", "▊", "▉", "█"]

    static func checkSize(width: Int, height: Int) throws(Diagnostic) {
        guard width >= minWidth && height >= minHeight else {
            throw Diagnostic(.runtime, "the terminal is too small for a chart: \(width)×\(height), need at least \(minWidth)×\(minHeight)")
        }
    }

    static func histogram(_ c: Chart, width: Int, height: Int, color: Bool) throws(Diagnostic) -> String {
        var (h, notes) = try PlotData.histogram(c)
        let maxCount = h.counts.max() ?? 0
        // The tallest bar reaches the top row; ticks sit at nice counts below it.
        let yMax = Double(max(maxCount, 1))
        let yStep = max(1, Scale.niceStep(yMax / 4))
        let yLabels = stride(from: 0.0, through: yMax, by: yStep).map { NumberText.compact($0) }
        let left = TerminalFrame.margin(for: yLabels)
        let available = width - left - 3
        if h.counts.count > available {
            notes.append("\(h.counts.count) bins do not fit in \(available) columns: drawn as \(available)")
            let values = c.x.filter { $0.isFinite && (!c.log || $0 > 0) }
            h = Histogram.make(values, bins: available, log: c.log)
        }
        let n = h.counts.count
        let cw = max(1, available / n)
        let rows = max(height - frameLines - notes.count, 3)
        var f = TerminalFrame(title: c.displayTitle, yName: c.yLabel.isEmpty ? "count" : c.yLabel, rows: rows,
                              plotWidth: cw * n, xName: Chart.axisName(c.xLabel, log: c.log), notes: notes)
        let gap = cw >= 3 ? 1 : 0
        for (i, count) in h.counts.enumerated() {
            var eighths = clampedInt((Double(count) / yMax * Double(rows * 8)).rounded(), 0, rows * 8)
            if count > 0 && eighths == 0 { eighths = 1 }
            for level in 0..<rows {
                let fill = min(max(eighths - level * 8, 0), 8)
                guard fill > 0 else { break }
                for j in (i * cw)..<((i + 1) * cw - gap) {
                    f.cells[rows - 1 - level][j] = columnBlocks[fill]
                    f.marked[rows - 1 - level][j] = true
                }
            }
        }
        for t in stride(from: 0.0, through: yMax, by: yStep) {
            f.yTicks.append((rows - clampedInt((t / yMax * Double(rows)).rounded(), 0, rows), NumberText.compact(t)))
        }
        let scale = h.scale
        for t in scale.ticks(target: max(2, f.plotWidth / 9), minimumStep: h.integral ? 1 : 0) {
            let col = clampedInt((scale.unit(t) * Double(f.plotWidth)).rounded(.down), 0, f.plotWidth - 1)
            f.xTicks.append((col, NumberText.compact(t)))
        }
        return f.render(width: width, color: color)
    }

    static func scatter(_ c: Chart, width: Int, height: Int, color: Bool) throws(Diagnostic) -> String {
        let (xs, ys, notes) = try PlotData.points(c)
        let xScale = domain(xs, log: c.log), yScale = domain(ys, log: c.log)
        let rows = max(height - frameLines - notes.count, 3)
        let yTickValues = yScale.ticks(target: max(2, rows / 3))
        let left = TerminalFrame.margin(for: yTickValues.map(NumberText.compact))
        let plotWidth = width - left - 3
        var f = TerminalFrame(title: c.displayTitle, yName: Chart.axisName(c.yLabel, log: c.log), rows: rows,
                              plotWidth: plotWidth, xName: Chart.axisName(c.xLabel, log: c.log), notes: notes)
        let dotsX = Double(plotWidth * 2 - 1), dotsY = Double(rows * 4 - 1)
        var bits = [UInt8](repeating: 0, count: rows * plotWidth)
        // Braille dot bits by (column, row) inside a cell (Unicode 2800–28FF).
        let dotBit: [[UInt8]] = [[0x01, 0x02, 0x04, 0x40], [0x08, 0x10, 0x20, 0x80]]
        var last: (Int, Int)? = nil
        for i in xs.indices {
            let dx = clampedInt((xScale.unit(xs[i]) * dotsX).rounded(), 0, Int(dotsX))
            let dy = clampedInt(((1 - yScale.unit(ys[i])) * dotsY).rounded(), 0, Int(dotsY))
            bits[(dy / 4) * plotWidth + dx / 2] |= dotBit[dx % 2][dy % 4]
            // plot line: join consecutive points with dots along the segment.
            if c.kind == .line, let (px, py) = last {
                let steps = max(abs(dx - px), abs(dy - py))
                if steps > 1 {
                    for s in 1..<steps {
                        let qx = px + (dx - px) * s / steps, qy = py + (dy - py) * s / steps
                        bits[(qy / 4) * plotWidth + qx / 2] |= dotBit[qx % 2][qy % 4]
                    }
                }
            }
            last = (dx, dy)
        }
        for r in 0..<rows {
            for col in 0..<plotWidth where bits[r * plotWidth + col] != 0 {
                f.cells[r][col] = Character(Unicode.Scalar(0x2800 + UInt32(bits[r * plotWidth + col]))!)
                f.marked[r][col] = true
            }
        }
        for t in yTickValues {
            f.yTicks.append((clampedInt(((1 - yScale.unit(t)) * dotsY).rounded(), 0, Int(dotsY)) / 4, NumberText.compact(t)))
        }
        for (t, label) in AxisTicks.x(c, xScale, target: max(2, plotWidth / (c.timeAxis ? 12 : 10))) {
            f.xTicks.append((clampedInt((xScale.unit(t) * dotsX).rounded(), 0, Int(dotsX)) / 2, label))
        }
        return f.render(width: width, color: color)
    }

    /// The data range, padded 3% so extreme points stay off the axes.
    static func domain(_ v: [Double], log: Bool) -> Scale {
        var lo = Double.infinity, hi = -Double.infinity
        for x in v where x.isFinite { lo = min(lo, x); hi = max(hi, x) }
        if lo > hi { lo = 0; hi = 0 }
        return Scale(lo: lo, hi: hi, log: log).padded(0.03)
    }
}
