/// The frame around a terminal chart: title, y axis with ticks and labels, the
/// plot rows, x axis with ticks and labels, the axis names and notes.
///
/// ```
///          distribution of followers          ← title, centred
/// count                                       ← y axis name
///   600 ┤    ▅█                               ← tick label, tick, plot row
///       │   ▂██▃
///     0 └───┬────┬────┬──                     ← x axis, ticks at tick columns
///           1   10  100                       ← x tick labels, centred, never overlapping
///        followers (log scale)                ← x axis name, centred under the plot
/// note: 37 zeros not shown on the log scale
/// ```
struct TerminalFrame {
    var title: String
    var yName: String
    /// Plot rows, each `plotWidth` cells of `Character`; `marked` cells get the mark colour.
    var cells: [[Character]]
    var marked: [[Bool]]
    var plotWidth: Int
    /// Tick labels by row; row == cells.count labels the axis row itself.
    var yTicks: [(row: Int, label: String)]
    var xTicks: [(col: Int, label: String)]
    var xName: String
    var notes: [String]

    static let markColor = "\u{1B}[36m"
    static let reset = "\u{1B}[0m"

    init(title: String, yName: String, rows: Int, plotWidth: Int, xName: String, notes: [String]) {
        self.title = title; self.yName = yName; self.plotWidth = plotWidth; self.xName = xName
        self.notes = notes
        cells = Array(repeating: Array(repeating: " ", count: plotWidth), count: rows)
        marked = Array(repeating: Array(repeating: false, count: plotWidth), count: rows)
        yTicks = []; xTicks = []
    }

    /// Columns the y tick labels take for these labels (the frame's left margin).
    static func margin(for labels: [String]) -> Int {
        max(labels.map { DisplayWidth.of($0) }.max() ?? 1, 1)
    }

    func render(width: Int, color: Bool) -> String {
        let left = TerminalFrame.margin(for: yTicks.map(\.label))
        let rows = cells.count
        var lines: [String] = []
        lines.append(DisplayWidth.center(DisplayWidth.truncate(title, to: width), in: min(width, left + 1 + plotWidth)))
        if !yName.isEmpty { lines.append(DisplayWidth.truncate(yName, to: width)) }
        var labelAt = [Int: String]()
        for t in yTicks where labelAt[t.row] == nil { labelAt[t.row] = t.label }
        for r in 0..<rows {
            let label = DisplayWidth.pad(labelAt[r] ?? "", to: left, right: true)
            lines.append(label + (labelAt[r] == nil ? "│" : "┤") + row(r, color: color))
        }
        var axis = Array(repeating: Character("─"), count: plotWidth)
        for t in xTicks where t.col >= 0 && t.col < plotWidth { axis[t.col] = "┬" }
        lines.append(DisplayWidth.pad(labelAt[rows] ?? "", to: left, right: true) + "└" + String(axis))
        lines.append(TerminalFrame.spread(xTicks.map { (left + 1 + $0.col, $0.label) }, width: width))
        lines.append(String(repeating: " ", count: left + 1)
            + DisplayWidth.center(DisplayWidth.truncate(xName, to: plotWidth), in: plotWidth))
        lines += TerminalFrame.noteLines(notes, width: width)
        return lines.map(TerminalFrame.trimmed).joined(separator: "\n") + "\n"
    }

    /// Each note as `note: …`, wrapped at spaces to `width` (continuation lines indented).
    static func noteLines(_ notes: [String], width: Int) -> [String] {
        var out: [String] = []
        for note in notes {
            var line = "note:"
            for word in note.split(separator: " ") {
                let w = String(word)
                if DisplayWidth.of(line) + 1 + DisplayWidth.of(w) > width && line != "note:" && line != "     " {
                    out.append(line)
                    line = "     "
                }
                line += " " + w
            }
            out.append(DisplayWidth.truncate(line, to: width))
        }
        return out
    }

    private func row(_ r: Int, color: Bool) -> String {
        guard color else { return String(cells[r]) }
        var out = ""
        var on = false
        for c in 0..<plotWidth {
            let mark = marked[r][c] && cells[r][c] != " "
            if mark != on { out += mark ? TerminalFrame.markColor : TerminalFrame.reset; on = mark }
            out.append(cells[r][c])
        }
        if on { out += TerminalFrame.reset }
        return out
    }

    /// Labels centred on their columns, left to right, each skipped when it would
    /// touch the one before (at least one space between), kept inside `width`.
    static func spread(_ labels: [(col: Int, text: String)], width: Int) -> String {
        var line: [Character] = []
        var end = -2
        for (col, text) in labels {
            let w = DisplayWidth.of(text)
            let start = min(max(col - (w - 1) / 2, 0), max(width - w, 0))
            guard start >= end + 2 else { continue }
            line.append(contentsOf: repeatElement(" ", count: start - line.count))
            line.append(contentsOf: text)
            end = start + w - 1
        }
        return String(line)
    }

    static func trimmed(_ s: String) -> String {
        var t = Substring(s)
        while t.last == " " { t = t.dropLast() }
        return String(t)
    }
}
