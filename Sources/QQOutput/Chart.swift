/// A chart to draw (SPEC §4 `plot`): the numbers and names it needs, nothing
/// about where it is drawn. The language fills it from a pipeline's rows;
/// `ChartRenderer` draws it in the terminal or as SVG.
///
/// Which fields each kind reads:
///
/// | kind | `x` | `y` | `labels` | `log` |
/// | --- | --- | --- | --- | --- |
/// | `hist` (`plot hist EXPR [bins N] [log]`) | the values | — | — | log-spaced bins on x |
/// | `scatter` (`plot scatter X, Y [log]`) | x of each point | y of each point | — | both axes |
/// | `bar` (`plot bar LABEL, VALUE`) | — | bar lengths | one per bar | the value axis |
///
/// Nothing is dropped silently: values the chart cannot place (NaN, infinities,
/// and zeros or negatives on a log axis) are counted and named in a note under
/// the chart, as are the `nullCount` rows the caller left out for being null.
public struct Chart: Sendable, Equatable {
    public enum Kind: String, Sendable, CaseIterable {
        case hist, scatter, bar, line
    }

    public var kind: Kind
    public var x: [Double]
    public var y: [Double]
    public var labels: [String]
    /// Histogram bins; 0 chooses them: one per integer for small integer ranges,
    /// else Sturges' rule (⌈log₂ n⌉ + 1), at most 50.
    public var bins: Int
    public var log: Bool
    /// The horizontal quantity's name (the expression's text), e.g. `followers`.
    public var xLabel: String
    /// The vertical quantity's name; for `hist` it defaults to `count`.
    public var yLabel: String
    /// Drawn above the chart; empty chooses one from the labels (see `displayTitle`).
    public var title: String
    /// Rows the caller left out because a plotted value was null (shown in a note).
    public var nullCount: Int
    /// `line`: x holds datetimes (microseconds since 1970, UTC); ticks are dates.
    public var timeAxis: Bool = false

    public init(kind: Kind, x: [Double] = [], y: [Double] = [], labels: [String] = [], bins: Int = 0,
                log: Bool = false, xLabel: String = "", yLabel: String = "", title: String = "", nullCount: Int = 0) {
        self.kind = kind; self.x = x; self.y = y; self.labels = labels; self.bins = bins; self.log = log
        self.xLabel = xLabel; self.yLabel = yLabel; self.title = title; self.nullCount = nullCount
    }

    /// `plot hist EXPR [bins N] [log]`: the distribution of `values`.
    public static func histogram(_ values: [Double], label: String, bins: Int = 0, log: Bool = false,
                                 nullCount: Int = 0) -> Chart {
        Chart(kind: .hist, x: values, bins: bins, log: log, xLabel: label, yLabel: "count", nullCount: nullCount)
    }

    /// `plot scatter X, Y [log]`: one point per row.
    public static func scatter(x: [Double], y: [Double], xLabel: String, yLabel: String, log: Bool = false,
                               nullCount: Int = 0) -> Chart {
        Chart(kind: .scatter, x: x, y: y, log: log, xLabel: xLabel, yLabel: yLabel, nullCount: nullCount)
    }

    /// `plot line X, Y`: points joined in x order; `timeAxis` when x are datetimes.
    public static func line(x: [Double], y: [Double], xLabel: String, yLabel: String, timeAxis: Bool,
                            nullCount: Int = 0) -> Chart {
        var c = Chart(kind: .line, x: x, y: y, xLabel: xLabel, yLabel: yLabel, nullCount: nullCount)
        c.timeAxis = timeAxis
        return c
    }

    /// `plot bar LABEL, VALUE`: one bar per row, in row order.
    public static func bar(labels: [String], values: [Double], labelName: String, valueName: String,
                           log: Bool = false, nullCount: Int = 0) -> Chart {
        Chart(kind: .bar, y: values, labels: labels, log: log, xLabel: valueName, yLabel: labelName,
              nullCount: nullCount)
    }

    /// The title drawn: `title` when set, else `distribution of followers`,
    /// `pagerank vs followers` or `followers by handle`.
    public var displayTitle: String {
        if !title.isEmpty { return title }
        switch kind {
        case .hist: return xLabel.isEmpty ? "distribution" : "distribution of \(xLabel)"
        case .scatter, .line: return xLabel.isEmpty || yLabel.isEmpty ? kind.rawValue : "\(yLabel) vs \(xLabel)"
        case .bar: return xLabel.isEmpty ? "bars" : yLabel.isEmpty ? xLabel : "\(xLabel) by \(yLabel)"
        }
    }

    /// An axis name with its scale, as drawn on the axis: `followers (log scale)`.
    static func axisName(_ name: String, log: Bool) -> String {
        log ? (name.isEmpty ? "log scale" : "\(name) (log scale)") : name
    }
}
