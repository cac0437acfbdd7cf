#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A continuous axis: maps a domain `lo...hi` (linear or base-10 log) onto 0...1
/// and chooses its ticks.
///
/// Linear ticks are 1, 2 or 5 × 10^k steps (Heckbert, "Nice numbers for graph
/// labels", Graphics Gems 1990). Log ticks are the powers of ten in the domain
/// (every second or third one when there are many), with 2× and 5× added when
/// the domain spans less than two decades.
struct Scale: Equatable {
    let lo: Double
    let hi: Double
    let log: Bool

    /// A scale over `lo...hi` (for log, both > 0). An empty or nearly empty range
    /// (narrower than a millionth of a millionth of its magnitude, or than 1e-290) is
    /// widened around its centre; NaN and infinite ends become the largest finite
    /// values, so every computation below stays finite for any input (±1e308,
    /// denormals, equal and near-equal extremes).
    init(lo: Double, hi: Double, log: Bool) {
        self.log = log
        var a = Scale.finite(lo), b = Scale.finite(hi)
        if a > b { swap(&a, &b) }
        let big = Double.greatestFiniteMagnitude
        if log {
            a = max(a, Double.leastNormalMagnitude); b = max(b, a)
            if b / a < 1 + 1e-9 {
                self.lo = a / 3.1622776601683795; self.hi = min(b * 3.1622776601683795, big)
            } else { self.lo = a; self.hi = b }
        } else if Scale.tooNarrow(a, b) {
            let c = a / 2 + b / 2
            let pad = Swift.abs(c) < 1e-290 ? 1 : Swift.abs(c) * 0.1
            self.lo = max(c - pad, -big); self.hi = min(c + pad, big)
        } else {
            self.lo = a; self.hi = b
        }
    }

    /// NaN as 0, ±infinity as the largest finite magnitude.
    static func finite(_ v: Double) -> Double {
        if v.isNaN { return 0 }
        return min(max(v, -Double.greatestFiniteMagnitude), Double.greatestFiniteMagnitude)
    }

    /// True when `a...b` is too narrow to divide into ticks and bins.
    static func tooNarrow(_ a: Double, _ b: Double) -> Bool {
        let half = b / 2 - a / 2
        return half < 1e-290 || half <= max(Swift.abs(a), Swift.abs(b)) * 0.5e-12
    }

    /// Half the span (finite for any finite ends, where `hi - lo` may overflow).
    var halfSpan: Double { hi / 2 - lo / 2 }

    /// Widened by `fraction` of its span on both sides (in log space for log), so
    /// points at the extremes do not sit on the axes.
    func padded(_ fraction: Double) -> Scale {
        if log {
            let a = log10(lo), b = log10(hi), p = (b - a) * fraction
            return Scale(lo: pow10(a - p), hi: pow10(b + p), log: true)
        }
        let p = halfSpan * (2 * fraction)
        return Scale(lo: lo - p, hi: hi + p, log: false)
    }

    /// Position of `v` between the ends: 0 at `lo`, 1 at `hi` (not clamped).
    func unit(_ v: Double) -> Double {
        if log { return (log10(v) - log10(lo)) / (log10(hi) - log10(lo)) }
        // Halves: `v - lo` overflows for v = 1e308, lo = -1e308; the ratio is the same.
        return (v / 2 - lo / 2) / halfSpan
    }

    /// Major ticks inside the domain, about `target` of them.
    func ticks(target: Int, minimumStep: Double = 0) -> [Double] {
        if log { return logTicks(target: target) }
        let t = Double(max(target, 1))
        var raw = (halfSpan / t) * 2
        if !raw.isFinite { raw = halfSpan }
        let step = max(Scale.niceStep(raw), minimumStep)
        var out: [Double] = []
        var k = (lo / step).rounded(.up)
        // The domain is never narrower than its magnitude's resolution (see init), so
        // k + 1 differs from k and the loop makes about `target` ticks; the cap is a
        // second guard.
        let cap = 4 * max(target, 1) + 10
        while k * step <= hi + step * 1e-9 && out.count < cap && k + 1 != k {
            let v = k * step
            if !v.isFinite { break }
            out.append(Swift.abs(v) < step * 1e-9 ? 0 : v)
            k += 1
        }
        return out
    }

    /// Minor ticks of a log axis: 2×…9× each power of ten, inside the domain.
    func minorTicks() -> [Double] {
        guard log else { return [] }
        var out: [Double] = []
        var e = floor(log10(lo))
        while e <= ceil(log10(hi)) {
            for m in 2...9 {
                let v = Double(m) * pow10(e)
                if v >= lo && v <= hi { out.append(v) }
            }
            e += 1
        }
        return out
    }

    private func logTicks(target: Int) -> [Double] {
        let a = log10(lo), b = log10(hi)
        let first = Int((a - 1e-9).rounded(.up)), last = Int((b + 1e-9).rounded(.down))
        if last - first >= 1 {
            let every = max(1, Int((Double(last - first + 1) / Double(max(target, 2))).rounded(.up)))
            var out: [Double] = []
            var e = first
            while e <= last { out.append(pow10(Double(e))); e += every }
            return out
        }
        var out: [Double] = []
        for e in (first - 1)...(last + 1) {
            for m in [1.0, 2.0, 5.0] {
                let v = m * pow10(Double(e))
                if v >= lo * (1 - 1e-9) && v <= hi * (1 + 1e-9) { out.append(v) }
            }
        }
        if out.count >= 2 { return out }
        return Scale(lo: lo, hi: hi, log: false).ticks(target: target).filter { $0 > 0 }
    }

    /// The nice step (1, 2 or 5 × 10^k) nearest above `raw`.
    static func niceStep(_ raw: Double) -> Double {
        guard raw > 0, raw.isFinite else { return 1 }
        let e = floor(log10(raw))
        let base = pow10(e)
        let f = raw / base
        let m: Double = f <= 1 ? 1 : f <= 2 ? 2 : f <= 5 ? 5 : 10
        let step = m * base
        return step.isFinite ? step : base
    }
}

/// 10^e, exact for integral `e` in the range Double represents exactly.
func pow10(_ e: Double) -> Double {
    if e == e.rounded(), abs(e) <= 22 {
        var r = 1.0
        for _ in 0..<Int(abs(e)) { r *= 10 }
        return e < 0 ? 1 / r : r
    }
    return exp(e * 2.302585092994046)
}

/// A drawing position (cell, bin, pixel) from a chart coordinate: NaN gives `lo`,
/// anything else is clamped into `lo...hi` before the conversion, which would trap
/// on a Double outside Int's range.
func clampedInt(_ v: Double, _ lo: Int, _ hi: Int) -> Int {
    if v.isNaN || v <= Double(lo) { return lo }
    if v >= Double(hi) { return hi }
    return Int(v)
}
