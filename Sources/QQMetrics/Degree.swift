import QQData

// The degree family — `followers`, `following`, `ratio`, `mutuals`, `reciprocity`.
//
// Definitions (follow layer, edge u -> v = u follows v):
//   followers(v)   = in-degree            NetworkX `G.in_degree(v)`
//   following(v)   = out-degree           NetworkX `G.out_degree(v)`
//   ratio(v)       = followers / max(following, 1)   (float; 0 for isolated accounts)
//   mutuals(v)     = |pred(v) ∩ succ(v)|  (accounts that follow v and that v follows)
//   reciprocity(v) = 2·mutuals / (followers + following)
//                    NetworkX `nx.reciprocity(G, nodes)`; null when both degrees are 0
//                    (NetworkX gives None there for a node list, and raises for one node).
// Self-loops and duplicate follows: none (dropped at load, counted in `describe`).
// References: NetworkX `networkx/algorithms/reciprocity.py`.

/// Degree-based columns of the follow layer.
public enum Degree {
    /// In-degree of every account: how many accounts follow it.
    ///
    /// - Complexity: O(n).
    public static func followers(_ follows: Layer) -> [Int64] {
        (0..<follows.nodeCount).map { Int64(follows.inn.degree($0)) }
    }

    /// Out-degree of every account: how many accounts it follows.
    ///
    /// - Complexity: O(n).
    public static func following(_ follows: Layer) -> [Int64] {
        (0..<follows.nodeCount).map { Int64(follows.out.degree($0)) }
    }

    /// followers / max(following, 1) for every account.
    ///
    /// - Complexity: O(n).
    public static func ratio(_ follows: Layer) -> [Double] {
        (0..<follows.nodeCount).map {
            Double(follows.inn.degree($0)) / Double(max(follows.out.degree($0), 1))
        }
    }

    /// Number of mutual follows of every account (merge of its sorted in- and out-rows).
    ///
    /// - Complexity: O(n + m).
    public static func mutuals(_ follows: Layer) -> [Int64] {
        let n = follows.nodeCount
        var result = [Int64](repeating: 0, count: n)
        follows.out.withPtrs { o in
            follows.inn.withPtrs { i in
                for v in 0..<n { result[v] = Int64(intersectionCount(o, i, v)) }
            }
        }
        return result
    }

    /// 2·mutuals / (followers + following) as a float column; null for accounts with
    /// neither followers nor following.
    ///
    /// - Complexity: O(n + m).
    public static func reciprocity(_ follows: Layer) -> Column {
        let n = follows.nodeCount
        let m = mutuals(follows)
        var values = [Double](repeating: 0, count: n)
        var valid = Bitmap(count: n, value: true)
        var anyNull = false
        for v in 0..<n {
            let total = follows.inn.degree(v) + follows.out.degree(v)
            if total == 0 { valid[v] = false; anyNull = true } else { values[v] = Double(2 * m[v]) / Double(total) }
        }
        return Column(.float(values), valid: anyNull ? valid : nil)
    }

    /// |row v of a ∩ row v of b| for sorted duplicate-free rows.
    @inline(__always)
    static func intersectionCount(_ a: CSRPtr, _ b: CSRPtr, _ v: Int) -> Int {
        var i = a.offsets[v], j = b.offsets[v], c = 0
        let a1 = a.offsets[v + 1], b1 = b.offsets[v + 1]
        while i < a1 && j < b1 {
            let x = a.targets[i], y = b.targets[j]
            if x < y { i += 1 } else if y < x { j += 1 } else { c += 1; i += 1; j += 1 }
        }
        return c
    }
}
