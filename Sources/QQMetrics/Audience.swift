import QQData

// Audience and follower-quality functions — `audience(@a, k)`, `overlap(@a, @b)`,
// `fake_followers`, `audience_quality`, and the neighbourhood sources `followers(@a)`,
// `following(@a)`, `mutuals(@a)`, `common_followers(@a, @b)`.
//
// Definitions (follow layer, u -> v = u follows v; F(v) = followers of v):
//   audience(a, k)      = accounts with a directed follow path of length 1…k to a
//                         (BFS over in-edges), a itself excluded; k = 0 gives none.
//                         NetworkX: `nx.single_source_shortest_path_length(G.reverse(),
//                         a, cutoff=k)` minus a.
//   overlap(a, b)       = |F(a) ∩ F(b)| / |F(a) ∪ F(b)| (Jaccard of follower sets);
//                         null when neither has followers.
//   fake_followers(v)   = |{u ∈ F(v) : suspicious(u)}| / |F(v)|; null without followers.
//   audience_quality(v) = mean over u ∈ F(v) of pct(u), where pct(u) = 100 × (average
//                         rank of pagerank(u) among all accounts) / n — pandas
//                         `rank(pct=True)` × 100, ties sharing their mean rank;
//                         null without followers.
// Self-loops: none. Results are account ids in load order (ascending).

/// Graph neighbourhoods and follower-quality measures over the follow layer.
public enum Audience {
    /// Accounts that reach `account` within `hops` follow hops, in load order.
    ///
    /// - Throws: `runtime` for negative `hops`; `cancelled`.
    /// - Complexity: O(size of the k-hop in-neighbourhood + its edges) plus O(n) memory.
    public static func within(_ follows: Layer, of account: UInt32, hops: Int) throws(Diagnostic) -> [UInt32] {
        guard hops >= 0 else { throw Diagnostic(.runtime, "audience hops must not be negative, found \(hops)") }
        let n = follows.nodeCount
        guard Int(account) < n, hops > 0 else { return [] }
        var seen = Bitmap(count: n, value: false)
        seen[Int(account)] = true
        var frontier: [UInt32] = [account], found: [UInt32] = []
        var level = 0
        while level < hops && !frontier.isEmpty {
            try Cancellation.check()
            level += 1
            var nextFrontier: [UInt32] = []
            for v in frontier {
                for u in follows.inn.neighbors(Int(v)) where !seen[Int(u)] {
                    seen[Int(u)] = true
                    nextFrontier.append(u)
                }
            }
            found.append(contentsOf: nextFrontier)
            frontier = nextFrontier
        }
        found.sort()
        return found
    }

    /// Followers of `account`, in load order.
    public static func followers(_ follows: Layer, of account: UInt32) -> [UInt32] {
        Array(follows.inn.neighbors(Int(account)))
    }

    /// Accounts `account` follows, in load order.
    public static func following(_ follows: Layer, of account: UInt32) -> [UInt32] {
        Array(follows.out.neighbors(Int(account)))
    }

    /// Accounts that follow `account` and that it follows, in load order.
    public static func mutuals(_ follows: Layer, of account: UInt32) -> [UInt32] {
        intersect(follows.inn.neighbors(Int(account)), follows.out.neighbors(Int(account)))
    }

    /// Accounts that follow both `a` and `b`, in load order.
    public static func commonFollowers(_ follows: Layer, _ a: UInt32, _ b: UInt32) -> [UInt32] {
        intersect(follows.inn.neighbors(Int(a)), follows.inn.neighbors(Int(b)))
    }

    /// Jaccard similarity of the follower sets of `a` and `b`; nil when both are empty.
    ///
    /// - Complexity: O(followers(a) + followers(b)).
    public static func overlap(_ follows: Layer, _ a: UInt32, _ b: UInt32) -> Double? {
        let fa = follows.inn.degree(Int(a)), fb = follows.inn.degree(Int(b))
        let common = intersect(follows.inn.neighbors(Int(a)), follows.inn.neighbors(Int(b))).count
        let union = fa + fb - common
        return union == 0 ? nil : Double(common) / Double(union)
    }

    /// Share of each account's followers for which `suspicious` is true, as a float
    /// column; null for accounts without followers.
    ///
    /// - Complexity: O(n + m).
    public static func fakeFollowers(_ follows: Layer, suspicious: [Bool]) -> Column {
        precondition(suspicious.count == follows.nodeCount)
        return meanOverFollowers(follows) { suspicious[Int($0)] ? 1 : 0 }
    }

    /// Mean PageRank percentile (0–100) of each account's followers, as a float
    /// column; null for accounts without followers.
    ///
    /// - Complexity: O(n log n + m).
    public static func audienceQuality(_ follows: Layer, pagerank: [Double]) -> Column {
        precondition(pagerank.count == follows.nodeCount)
        let pct = percentiles(pagerank)
        return meanOverFollowers(follows) { pct[Int($0)] }
    }

    /// 100 × average rank / n for each value (pandas `rank(pct=True)` × 100; ties get
    /// the mean of the ranks they span, ranks starting at 1).
    ///
    /// - Complexity: O(n log n).
    public static func percentiles(_ x: [Double]) -> [Double] {
        let n = x.count
        var order = Array(0..<n)
        order.sort { x[$0] < x[$1] || (x[$0] == x[$1] && $0 < $1) }
        var pct = [Double](repeating: 0, count: n)
        var i = 0
        while i < n {
            var j = i
            while j + 1 < n && x[order[j + 1]] == x[order[i]] { j += 1 }
            // Positions i…j (0-based) hold ranks i+1…j+1; their mean is (i+j+2)/2.
            let rank = Double(i + j + 2) / 2
            for p in i...j { pct[order[p]] = rank / Double(n) * 100 }
            i = j + 1
        }
        return pct
    }

    /// Mean of `value(follower)` over each account's followers; null without followers.
    private static func meanOverFollowers(_ follows: Layer, _ value: (UInt32) -> Double) -> Column {
        let n = follows.nodeCount
        var out = [Double](repeating: 0, count: n)
        var valid = Bitmap(count: n, value: true)
        var anyNull = false
        for v in 0..<n {
            let row = follows.inn.neighbors(v)
            if row.isEmpty { valid[v] = false; anyNull = true; continue }
            var s = 0.0
            for u in row { s += value(u) }
            out[v] = s / Double(row.count)
        }
        return Column(.float(out), valid: anyNull ? valid : nil)
    }

    /// Intersection of two sorted duplicate-free runs.
    static func intersect(_ a: ArraySlice<UInt32>, _ b: ArraySlice<UInt32>) -> [UInt32] {
        var out: [UInt32] = []
        var i = a.startIndex, j = b.startIndex
        while i < a.endIndex && j < b.endIndex {
            if a[i] < b[j] { i += 1 } else if b[j] < a[i] { j += 1 } else { out.append(a[i]); i += 1; j += 1 }
        }
        return out
    }
}
