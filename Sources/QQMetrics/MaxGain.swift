import QQData

// max_gain(d) — bursts of followers (SPEC §8).
//
// Definition: for an account v with follow times t_1 ≤ … ≤ t_k (the time each
//   follower began following it; untimed follows are left out),
//   max_gain(d)(v) = max over i of |{ j : t_i ≤ t_j < t_i + d }|,
//   the most followers v gained within any half-open window [t, t + d). 0 for an
//   account without timed followers; null for every account when the follow layer has
//   no times. Computed by two pointers over each account's sorted follow times.
// Reference: no NetworkX function; scripts/metric-reference/window_reference.py
//   computes it the same way from the edge list (a sorted list and bisect), and the
//   golden tests check a planted burst by hand. Bought audiences arrive in bursts
//   (Cresci et al., "Fame for sale", Decision Support Systems 80, 2015).
// Type: int.

public enum MaxGain {
    /// The burst size of every account; nil values (null) when the layer has no times.
    ///
    /// - Complexity: O(m log d) time (a sort per account's followers), O(m) memory.
    public static func compute(_ follows: Layer, width: Int64) -> (values: [Int64], timed: Bool) {
        let n = follows.nodeCount
        guard let times = follows.times else { return ([Int64](repeating: 0, count: n), false) }
        // Bucket each follow's time under its target, in the reverse CSR's row layout.
        var cursor = follows.inn.offsets
        var byTarget = [Int64](repeating: EdgeEvents.untimed, count: follows.edgeCount)
        for v in 0..<n {
            for k in follows.out.offsets[v]..<follows.out.offsets[v + 1] {
                let u = Int(follows.out.targets[k])
                byTarget[cursor[u]] = times[k]
                cursor[u] += 1
            }
        }
        var out = [Int64](repeating: 0, count: n)
        var row: [Int64] = []
        for u in 0..<n {
            row.removeAll(keepingCapacity: true)
            for k in follows.inn.offsets[u]..<follows.inn.offsets[u + 1] where byTarget[k] != EdgeEvents.untimed {
                row.append(byTarget[k])
            }
            guard !row.isEmpty else { continue }
            row.sort()
            var best = 0, i = 0
            for j in 0..<row.count {
                // Shrink from the left until row[i] ... row[j] fits in [row[i], row[i] + width).
                while row[j].subtractingReportingOverflow(row[i]).partialValue >= width { i += 1 }
                best = max(best, j - i + 1)
            }
            out[u] = Int64(best)
        }
        return (out, true)
    }
}
