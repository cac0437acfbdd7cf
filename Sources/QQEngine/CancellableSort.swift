import QQData
import QQSyntax
import QQSemantic

/// Sorting row positions so that Ctrl-C stops it promptly (issue: a sort of 1M rows
/// must return to the prompt within about 200 ms). The standard library's `sort`
/// cannot be interrupted, so large inputs are sorted in blocks of `block` positions
/// (each by the standard sort), then merged bottom-up, polling `Cancellation` between
/// blocks and every 64k merged positions.
///
/// The order is the same as `Array.sort(by:)` gives whenever `before` is a total
/// order (the sort keys always end with the row position, so they are); the merge
/// takes the left run's element on ties, so it is stable in any case.
///
/// - Complexity: O(n log n) time, O(n) extra memory.
package enum CancellableSort {
    /// Positions sorted by one standard-library call between two cancellation checks.
    package static let block = 1 << 14

    /// Sorts `p` by `before`; throws `cancelled` (leaving `p` in some order) on Ctrl-C.
    package static func sort(_ p: inout [UInt32], by before: (UInt32, UInt32) -> Bool) throws(Diagnostic) {
        let n = p.count
        if n <= block {
            p.sort(by: before)
            return
        }
        var start = 0
        while start < n {
            try Cancellation.check()
            let end = min(n, start + block)
            p[start..<end].sort(by: before)
            start = end
        }
        var from = p
        var into = [UInt32](repeating: 0, count: n)
        var width = block
        while width < n {
            var lo = 0
            while lo < n {
                let mid = min(n, lo + width), hi = min(n, lo + 2 * width)
                try merge(from, lo, mid, hi, into: &into, by: before)
                lo = hi
            }
            swap(&from, &into)
            width *= 2
        }
        p = from
    }

    /// Merges the sorted runs `a[lo..<mid]` and `a[mid..<hi]` into `out[lo..<hi]`.
    private static func merge(_ a: [UInt32], _ lo: Int, _ mid: Int, _ hi: Int, into out: inout [UInt32],
                              by before: (UInt32, UInt32) -> Bool) throws(Diagnostic) {
        var cancelled = false
        a.withUnsafeBufferPointer { src in
            out.withUnsafeMutableBufferPointer { dst in
                var i = lo, j = mid, k = lo
                while i < mid && j < hi {
                    // Ties take the left run's element: stable.
                    if before(src[j], src[i]) { dst[k] = src[j]; j += 1 } else { dst[k] = src[i]; i += 1 }
                    k += 1
                    if k & 0xFFFF == 0 && Cancellation.isRequested { cancelled = true; return }
                }
                while i < mid { dst[k] = src[i]; i += 1; k += 1 }
                while j < hi { dst[k] = src[j]; j += 1; k += 1 }
            }
        }
        if cancelled { throw Diagnostic.cancelled() }
    }
}
