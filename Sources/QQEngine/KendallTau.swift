import QQSyntax
import QQSemantic
/// Kendall's tau-b (`scipy.stats.kendalltau`, variant 'b'), by Knight's O(n log n)
/// algorithm: sort by (x, y), count pairs tied in x, in y and in both, then count
/// discordant pairs as the swaps of a merge sort on y.
///
/// tau_b = (n0 − n1 − n2 + n3 − 2·swaps) / sqrt((n0 − n1)(n0 − n2)), with n0 = n(n−1)/2,
/// n1 pairs tied in x, n2 tied in y, n3 tied in both.
///
/// Reference: W. R. Knight, "A Computer Method for Calculating Kendall's Tau with
/// Ungrouped Data", JASA 61 (1966) 436–439.
/// - Complexity: O(n log n) time, O(n) memory.
package enum KendallTau {
    package static func tauB(_ x: [Double], _ y: [Double]) -> Double? {
        let n = x.count
        guard n >= 2 else { return nil }
        var order = Array(0..<n)
        order.sort { x[$0] < x[$1] || (x[$0] == x[$1] && y[$0] < y[$1]) }
        let n0 = Double(n) * Double(n - 1) / 2
        // Pairs tied in x, and tied in both x and y.
        var n1 = 0.0, n3 = 0.0
        var i = 0
        while i < n {
            var j = i
            while j + 1 < n && x[order[j + 1]] == x[order[i]] { j += 1 }
            let t = Double(j - i + 1)
            n1 += t * (t - 1) / 2
            var k = i
            while k <= j {
                var l = k
                while l + 1 <= j && y[order[l + 1]] == y[order[k]] { l += 1 }
                let u = Double(l - k + 1)
                n3 += u * (u - 1) / 2
                k = l + 1
            }
            i = j + 1
        }
        // Discordant pairs: swaps while merge-sorting y in the (x, y) order.
        var ys = order.map { y[$0] }
        var buffer = ys
        let swaps = mergeCount(&ys, &buffer, 0, n)
        // Pairs tied in y (ys is now sorted).
        var n2 = 0.0
        i = 0
        while i < n {
            var j = i
            while j + 1 < n && ys[j + 1] == ys[i] { j += 1 }
            let t = Double(j - i + 1)
            n2 += t * (t - 1) / 2
            i = j + 1
        }
        let denominator = ((n0 - n1) * (n0 - n2)).squareRoot()
        guard denominator > 0 else { return nil }
        let tau = (n0 - n1 - n2 + n3 - 2 * swaps) / denominator
        return max(-1, min(1, tau))
    }

    /// Sorts a[lo..<hi] ascending, returning how many inversions it removed.
    private static func mergeCount(_ a: inout [Double], _ b: inout [Double], _ lo: Int, _ hi: Int) -> Double {
        if hi - lo < 2 { return 0 }
        let mid = (lo + hi) / 2
        var swaps = mergeCount(&a, &b, lo, mid) + mergeCount(&a, &b, mid, hi)
        var i = lo, j = mid, k = lo
        while i < mid && j < hi {
            if a[j] < a[i] { b[k] = a[j]; j += 1; swaps += Double(mid - i) } else { b[k] = a[i]; i += 1 }
            k += 1
        }
        while i < mid { b[k] = a[i]; i += 1; k += 1 }
        while j < hi { b[k] = a[j]; j += 1; k += 1 }
        for t in lo..<hi { a[t] = b[t] }
        return swaps
    }
}
