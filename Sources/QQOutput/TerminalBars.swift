import QQData

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Horizontal bar charts in the terminal, one line per bar:
///
/// ```
///          followers by handle
/// handle
/// alice    │████████████████████████▌ 1.25M
/// bob      │▏ 980
///          └─┬─────────┬─────────┬───
///            0       500k       1M
///                  followers
/// ```
///
/// Bars keep row order (sort the pipeline to rank them). Bar ends are drawn in
/// eighths of a cell; negative values grow left from a zero line; on a log scale
/// bars start one decade below the smallest positive value.
enum TerminalBars {
    /// Line budget of the bar frame besides the bars: title, label name, axis, tick labels, value name.
    static let frameLines = 5

    static func render(_ c: Chart, width: Int, color: Bool) throws(Diagnostic) -> String {
        var notes = try PlotData.bars(c)
        let shown = min(c.y.count, TerminalChart.maxBars)
        if shown < c.y.count { notes.append("\(c.y.count - shown) more bars not shown (first \(shown) drawn)") }
        let values = Array(c.y[0..<shown])
        let scale = valueScale(values, log: c.log)
        let texts = values.map(NumberText.compact)
        let labels = c.labels[0..<shown].map(DisplayWidth.visible)
        let labelWidth = min(max(labels.map(DisplayWidth.of).max() ?? 1, DisplayWidth.of(c.yLabel), 1), width / 3)
        let textWidth = texts.map(DisplayWidth.of).max() ?? 1
        let barWidth = max(width - labelWidth - 3 - textWidth, 8)
        let on = color ? TerminalFrame.markColor : "", off = color ? TerminalFrame.reset : ""

        var lines: [String] = []
        lines.append(DisplayWidth.center(DisplayWidth.truncate(c.displayTitle, to: width), in: min(width, labelWidth + 2 + barWidth)))
        if !c.yLabel.isEmpty { lines.append(DisplayWidth.truncate(DisplayWidth.visible(c.yLabel), to: labelWidth)) }
        let zero = scale.log ? 0 : scale.unit(0) * Double(barWidth)
        for (i, v) in values.enumerated() {
            var bar = ""
            if v.isFinite && (!scale.log || v > 0) {
                let end = min(max(scale.unit(v), 0), 1) * Double(barWidth)
                if end >= zero {
                    let startCell = clampedInt(zero.rounded(), 0, barWidth)
                    let eighths = max(clampedInt(((end - Double(startCell)) * 8).rounded(), 0, barWidth * 8), v == 0 ? 0 : 1)
                    bar = String(repeating: " ", count: startCell) + on + String(repeating: "█", count: eighths / 8)
                        + (eighths % 8 > 0 ? String(TerminalChart.rowBlocks[eighths % 8]) : "") + off
                } else {
                    let from = clampedInt(end.rounded(.down), 0, barWidth), to = clampedInt(zero.rounded(), 0, barWidth)
                    bar = String(repeating: " ", count: from) + on + String(repeating: "█", count: max(to - from, 1)) + off
                }
            }
            let label = DisplayWidth.pad(DisplayWidth.truncate(labels[i], to: labelWidth), to: labelWidth)
            lines.append(label + " │" + bar + " " + texts[i])
        }
        var axis = Array(repeating: Character("─"), count: barWidth)
        var ticks: [(Int, String)] = []
        for t in scale.ticks(target: max(2, barWidth / 10)) {
            let col = clampedInt((scale.unit(t) * Double(barWidth)).rounded(), 0, barWidth - 1)
            axis[col] = "┬"
            ticks.append((labelWidth + 2 + col, NumberText.compact(t)))
        }
        lines.append(String(repeating: " ", count: labelWidth + 1) + "└" + String(axis))
        lines.append(TerminalFrame.spread(ticks, width: width))
        lines.append(String(repeating: " ", count: labelWidth + 2)
            + DisplayWidth.center(DisplayWidth.truncate(Chart.axisName(c.xLabel, log: c.log), to: barWidth), in: barWidth))
        lines += TerminalFrame.noteLines(notes, width: width)
        return lines.map(TerminalFrame.trimmed).joined(separator: "\n") + "\n"
    }

    /// Linear: from min(0, smallest) to max(0, largest); log: from the power of ten
    /// at or below the smallest positive value to the largest.
    static func valueScale(_ values: [Double], log: Bool) -> Scale {
        let finite = values.filter { $0.isFinite && (!log || $0 > 0) }
        let lo = finite.min() ?? 0, hi = finite.max() ?? 1
        if log {
            let floorDecade = pow10(floor(log10(lo)))
            return Scale(lo: floorDecade == lo && lo == hi ? lo / 10 : floorDecade, hi: hi, log: true)
        }
        return Scale(lo: min(0, lo), hi: max(0, hi) == min(0, lo) ? 1 : max(0, hi), log: false)
    }
}
