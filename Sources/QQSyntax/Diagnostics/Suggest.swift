/// Did-you-mean suggestions by edit distance (swift-argument-parser, DuckDB).
///
/// The distance is Damerau–Levenshtein in its optimal-string-alignment form
/// (insertions, deletions, substitutions and swaps of two neighbours each cost 1),
/// computed on lowercased Unicode scalars, so a difference of case alone costs 0.
///
/// Cut-off: a candidate is offered only when its distance is at most
/// `max(1, count / 3)`, where `count` is the length of the name typed, and strictly
/// less than that length (so a one-letter name is never "corrected" to another).
/// Ties go to the candidate that keeps the typed name's first letter, then to the
/// alphabetically first, so the answer never depends on the candidates' order.
public enum Suggest {
    /// The closest of `among` to `name`, or nil when none is within the cut-off or
    /// `name` itself is among them.
    /// - Complexity: O(k · n · m) for k candidates of length m and a name of length n.
    public static func closest(_ name: String, among candidates: [String]) -> String? {
        let a = Array(name.lowercased().unicodeScalars)
        guard !a.isEmpty, !candidates.contains(name) else { return nil }
        let limit = min(max(1, a.count / 3), a.count - 1)
        var best: (name: String, distance: Int, sameStart: Bool)?
        for c in candidates {
            let b = Array(c.lowercased().unicodeScalars)
            if abs(a.count - b.count) > limit { continue }
            let d = distance(a, b)
            guard d <= limit else { continue }
            let sameStart = b.first == a.first
            if let cur = best {
                if d > cur.distance { continue }
                if d == cur.distance {
                    if cur.sameStart && !sameStart { continue }
                    if cur.sameStart == sameStart && c >= cur.name { continue }
                }
            }
            best = (c, d, sameStart)
        }
        return best?.name
    }

    /// `did you mean 'x'?` for the closest candidate, or nil.
    public static func hint(for name: String, among candidates: [String]) -> String? {
        closest(name, among: candidates).map { "did you mean '\($0)'?" }
    }

    /// The optimal-string-alignment distance between two scalar arrays.
    /// - Complexity: O(n · m) time, O(m) space.
    public static func distance(_ a: [Unicode.Scalar], _ b: [Unicode.Scalar]) -> Int {
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var before = [Int](repeating: 0, count: b.count + 1)
        var previous = Array(0...b.count)
        var current = [Int](repeating: 0, count: b.count + 1)
        for i in 1...a.count {
            current[0] = i
            for j in 1...b.count {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                var v = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
                if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] { v = min(v, before[j - 2] + 1) }
                current[j] = v
            }
            swap(&before, &previous)
            swap(&previous, &current)
        }
        return previous[b.count]
    }

    /// The distance between two strings (lowercased), for tests and tools.
    public static func distance(_ a: String, _ b: String) -> Int {
        distance(Array(a.lowercased().unicodeScalars), Array(b.lowercased().unicodeScalars))
    }
}
