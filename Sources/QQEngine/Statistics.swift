import QQData
import QQSyntax
import QQSemantic

/// Small exact statistics used by aggregates, column-wise functions and `correlate`.
/// Definitions follow NumPy / pandas / SciPy so results agree with them.
package enum Statistics {
    /// Average ranks (1-based; ties share the mean of their positions), as pandas
    /// `rank(method="average")` and SciPy `rankdata`.
    /// - Complexity: O(n log n).
    package static func averageRanks(_ x: [Double]) -> [Double] {
        let n = x.count
        var order = Array(0..<n)
        order.sort { x[$0] < x[$1] || (x[$0] == x[$1] && $0 < $1) }
        var ranks = [Double](repeating: 0, count: n)
        var i = 0
        while i < n {
            var j = i
            while j + 1 < n && x[order[j + 1]] == x[order[i]] { j += 1 }
            let r = Double(i + j) / 2 + 1
            for k in i...j { ranks[order[k]] = r }
            i = j + 1
        }
        return ranks
    }

    /// Linear-interpolation quantile of sorted values (NumPy's default `linear`):
    /// position q·(n−1), interpolated between its neighbours.
    package static func quantile(sorted s: [Double], _ q: Double) -> Double? {
        guard !s.isEmpty else { return nil }
        let pos = q * Double(s.count - 1)
        let lo = Int(pos.rounded(.down)), hi = min(lo + 1, s.count - 1)
        let frac = pos - Double(lo)
        return s[lo] + (s[hi] - s[lo]) * frac
    }

    /// Arithmetic mean, summed in order (nil for no values).
    package static func mean(_ x: [Double]) -> Double? {
        guard !x.isEmpty else { return nil }
        var s = 0.0
        for v in x { s += v }
        return s / Double(x.count)
    }

    /// Sample standard deviation (n − 1), two-pass; nil for fewer than two values.
    package static func sampleStd(_ x: [Double]) -> Double? {
        guard x.count >= 2, let m = mean(x) else { return nil }
        var ss = 0.0
        for v in x { ss += (v - m) * (v - m) }
        return (ss / Double(x.count - 1)).squareRoot()
    }

    /// Pearson's r of two equally long samples; nil when either is constant or n < 2.
    package static func pearson(_ x: [Double], _ y: [Double]) -> Double? {
        guard x.count >= 2, let mx = mean(x), let my = mean(y) else { return nil }
        var sxy = 0.0, sxx = 0.0, syy = 0.0
        for i in 0..<x.count {
            let dx = x[i] - mx, dy = y[i] - my
            sxy += dx * dy; sxx += dx * dx; syy += dy * dy
        }
        guard sxx > 0 && syy > 0 else { return nil }
        return max(-1, min(1, sxy / (sxx.squareRoot() * syy.squareRoot())))
    }

    /// Spearman's rho: Pearson's r on average ranks (`scipy.stats.spearmanr`).
    package static func spearman(_ x: [Double], _ y: [Double]) -> Double? {
        pearson(averageRanks(x), averageRanks(y))
    }
}
