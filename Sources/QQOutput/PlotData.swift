import QQData

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A histogram: `counts[i]` values fell in `[edges[i], edges[i+1])` (the last bin
/// also holds its right edge, as NumPy's `histogram`). With `log` the edges are
/// evenly spaced in log10, so each bin spans the same ratio.
struct Histogram: Equatable {
    var edges: [Double]
    var counts: [Int]
    var log: Bool
    /// One bin per integer value (edges at k ± 0.5): ticks then fall on bin centres.
    var integral: Bool

    var scale: Scale { Scale(lo: edges[0], hi: edges[edges.count - 1], log: log) }

    /// Bins `values` (all finite, and > 0 when `log`).
    ///
    /// - Complexity: O(n).
    static func make(_ values: [Double], bins requested: Int, log: Bool) -> Histogram {
        var lo = Double.infinity, hi = -Double.infinity
        var allIntegral = true
        for v in values {
            lo = min(lo, v); hi = max(hi, v)
            if allIntegral && v != v.rounded() { allIntegral = false }
        }
        if !log && requested == 0 && allIntegral && hi - lo < 50 {
            let n = Int(hi - lo) + 1
            var counts = [Int](repeating: 0, count: n)
            for v in values { counts[Int(v - lo)] += 1 }
            let edges = (0...n).map { lo - 0.5 + Double($0) }
            return Histogram(edges: edges, counts: counts, log: false, integral: true)
        }
        let n = requested > 0 ? requested : min(50, Int(log2(Double(max(values.count, 1))).rounded(.up)) + 1)
        let scale = Scale(lo: lo, hi: hi, log: log)
        let a = log ? log10(scale.lo) : scale.lo, b = log ? log10(scale.hi) : scale.hi
        // (b - a) overflows for a domain of ±1e308: then divide the ends first.
        let width = (b - a).isFinite ? (b - a) / Double(n) : b / Double(n) - a / Double(n)
        var edges = (0...n).map { i -> Double in
            let t = a + Double(i) * width
            return log ? pow10(t) : t
        }
        edges[0] = scale.lo; edges[n] = scale.hi
        var counts = [Int](repeating: 0, count: n)
        values.withUnsafeBufferPointer { p in
            for v in p {
                let t = log ? log10(v) : v
                counts[clampedInt(((t - a) / width).rounded(.down), 0, n - 1)] += 1
            }
        }
        return Histogram(edges: edges, counts: counts, log: log, integral: false)
    }
}

/// Checks a chart and sets aside what cannot be drawn, naming it in notes.
enum PlotData {
    static let maxBins = 500

    /// Finite values of a histogram (> 0 on a log scale) and the notes about the rest.
    static func histogram(_ c: Chart) throws(Diagnostic) -> (Histogram, [String]) {
        guard c.bins >= 0 && c.bins <= maxBins else {
            throw Diagnostic(.runtime, "bins must be between 1 and \(maxBins), found \(c.bins)")
        }
        var kept: [Double] = []
        kept.reserveCapacity(c.x.count)
        var nonFinite = 0, zeros = 0, negatives = 0
        for v in c.x {
            if !v.isFinite { nonFinite += 1 } else if c.log && v == 0 { zeros += 1 } else if c.log && v < 0 {
                negatives += 1
            } else { kept.append(v) }
        }
        var notes = common(c, nonFinite: nonFinite)
        if zeros + negatives > 0 { notes.append(logNote(zeros: zeros, negatives: negatives)) }
        try requireSome(kept.count, c, what: "values", leftOut: zeros + negatives)
        return (Histogram.make(kept, bins: c.bins, log: c.log), notes)
    }

    /// Points with both coordinates finite (and > 0 on log axes), plus notes.
    static func points(_ c: Chart) throws(Diagnostic) -> (x: [Double], y: [Double], notes: [String]) {
        guard c.x.count == c.y.count else {
            throw Diagnostic(.internal, "scatter needs as many x as y values (\(c.x.count) and \(c.y.count))")
        }
        var xs: [Double] = [], ys: [Double] = []
        xs.reserveCapacity(c.x.count); ys.reserveCapacity(c.y.count)
        var nonFinite = 0, offLog = 0
        for i in c.x.indices {
            let x = c.x[i], y = c.y[i]
            if !x.isFinite || !y.isFinite { nonFinite += 1 } else if c.log && (x <= 0 || y <= 0) { offLog += 1 } else {
                xs.append(x); ys.append(y)
            }
        }
        var notes = common(c, nonFinite: nonFinite)
        if offLog > 0 {
            notes.append("\(NumberText.grouped(Int64(offLog))) \(offLog == 1 ? "point" : "points") with x or y ≤ 0 not shown on the log scale")
        }
        try requireSome(xs.count, c, what: "points", leftOut: offLog)
        return (xs, ys, notes)
    }

    /// Bars keep every row (a bar without length still shows its label and value); notes say why.
    static func bars(_ c: Chart) throws(Diagnostic) -> [String] {
        guard c.labels.count == c.y.count else {
            throw Diagnostic(.internal, "bar needs one label per value (\(c.labels.count) and \(c.y.count))")
        }
        let nonFinite = c.y.reduce(0) { $0 + ($1.isFinite ? 0 : 1) }
        var notes = common(c, nonFinite: 0)
        if nonFinite > 0 { notes.append("\(nonFinite) NaN or infinite \(nonFinite == 1 ? "value has" : "values have") no bar") }
        let offLog = c.log ? c.y.reduce(0) { $0 + ($1.isFinite && $1 <= 0 ? 1 : 0) } : 0
        if offLog > 0 { notes.append("\(offLog) \(offLog == 1 ? "value" : "values") ≤ 0 \(offLog == 1 ? "has" : "have") no bar on the log scale") }
        try requireSome(c.y.count - nonFinite - offLog, c, what: "bars", leftOut: offLog)
        return notes
    }

    private static func common(_ c: Chart, nonFinite: Int) -> [String] {
        var notes: [String] = []
        if c.nullCount > 0 {
            notes.append("\(NumberText.grouped(Int64(c.nullCount))) \(c.nullCount == 1 ? "row" : "rows") with null left out")
        }
        if nonFinite > 0 {
            notes.append("\(NumberText.grouped(Int64(nonFinite))) NaN or infinite \(nonFinite == 1 ? "value" : "values") left out")
        }
        return notes
    }

    static func logNote(zeros: Int, negatives: Int) -> String {
        var parts: [String] = []
        if zeros > 0 { parts.append("\(NumberText.grouped(Int64(zeros))) \(zeros == 1 ? "zero" : "zeros")") }
        if negatives > 0 {
            parts.append("\(NumberText.grouped(Int64(negatives))) negative \(negatives == 1 ? "value" : "values")")
        }
        return parts.joined(separator: " and ") + " not shown on the log scale"
    }

    private static func requireSome(_ n: Int, _ c: Chart, what: String, leftOut: Int) throws(Diagnostic) {
        guard n == 0 else { return }
        let total = max(c.x.count, c.y.count)
        if leftOut > 0 {
            throw Diagnostic(.runtime, "nothing to plot on a log scale: every value is ≤ 0",
                             hint: "drop 'log', or keep positive values with 'where … > 0'")
        }
        if total == 0 && c.nullCount > 0 {
            throw Diagnostic(.runtime, "nothing to plot: all \(c.nullCount) rows are null")
        }
        if total == 0 { throw Diagnostic(.runtime, "nothing to plot: no rows") }
        throw Diagnostic(.runtime, "nothing to plot: no finite \(what)")
    }
}
