import QQData

/// Draws a `Chart` (SPEC §4 `plot`): as Unicode text for the terminal, or as a
/// standalone SVG document for `plot … to "file.svg"`. Both are deterministic
/// (same chart, same text), so they are golden-tested.
public enum ChartRenderer {
    /// The chart in `width` columns and at most about `height` lines (notes may add
    /// a line each). Colour marks the bars and points with ANSI codes when `color`.
    ///
    /// Throws when there is nothing to draw (no rows, every value null or not
    /// finite, every value ≤ 0 on a log scale), when `bins` is out of range, or
    /// when the size is below 30×8.
    ///
    /// - Complexity: O(n) in the number of values.
    public static func terminal(_ c: Chart, width: Int, height: Int, color: Bool) throws(Diagnostic) -> String {
        try TerminalChart.checkSize(width: width, height: height)
        switch c.kind {
        case .hist: return try TerminalChart.histogram(c, width: width, height: height, color: color)
        case .scatter, .line: return try TerminalChart.scatter(c, width: width, height: height, color: color)
        case .bar: return try TerminalBars.render(c, width: width, color: color)
        }
    }

    /// The chart as a standalone SVG 1.1 document (UTF-8 text, valid XML, all text
    /// escaped) with a title, axes, ticks, gridlines, axis names and notes.
    ///
    /// Throws in the same cases as `terminal` (size aside).
    public static func svg(_ c: Chart) throws(Diagnostic) -> String {
        switch c.kind {
        case .hist: return try SVGChart.histogram(c)
        case .scatter, .line: return try SVGChart.scatter(c)
        case .bar: return try SVGChart.bars(c)
        }
    }
}
