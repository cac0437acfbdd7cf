/// Did-you-mean hints for unknown names, built on the diagnostics' edit-distance
/// helper. Only names in scope are offered.
enum Suggestions {
    /// `did you mean 'followers'?`, or nil when nothing is close enough.
    static func hint(for name: String, among candidates: [String]) -> String? {
        guard let best = closest(to: name, among: candidates) else { return nil }
        return "did you mean '\(best)'?"
    }

    /// The candidate with the smallest edit distance, within max(1, len/3) edits;
    /// ties go to the first in `candidates`' order.
    static func closest(to name: String, among candidates: [String]) -> String? {
        let a = Array(name.lowercased().unicodeScalars)
        let limit = max(1, a.count / 3)
        var best: (String, Int)? = nil
        for c in candidates where c != name {
            let b = Array(c.lowercased().unicodeScalars)
            if abs(a.count - b.count) > limit { continue }
            let d = distance(a, b)
            if d <= limit && (best == nil || d < best!.1) { best = (c, d) }
        }
        return best?.0
    }

    /// Optimal-string-alignment distance (Levenshtein plus adjacent transpositions).
    static func distance(_ a: [Unicode.Scalar], _ b: [Unicode.Scalar]) -> Int {
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var prev2 = [Int](repeating: 0, count: b.count + 1)
        var prev = Array(0...b.count)
        var cur = [Int](repeating: 0, count: b.count + 1)
        for i in 1...a.count {
            cur[0] = i
            for j in 1...b.count {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                var v = min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost)
                if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] { v = min(v, prev2[j - 2] + 1) }
                cur[j] = v
            }
            (prev2, prev, cur) = (prev, cur, prev2)
        }
        return prev[b.count]
    }
}
