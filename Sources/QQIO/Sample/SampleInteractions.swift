import QQData

/// The sample's interaction layers (repost, mention, reply), derived from the follow
/// layer: each follow `a -> b` may carry interactions, with chances and counts set by
/// the roles of `a` and `b`. The rules make engagement tell the truth: fans repost and
/// answer the stars, stars repost the experts, experts answer back, the crowd talks
/// among itself; the bought account is mostly ignored, the ring barely talks, bots
/// never act. Customers behave as the crowd they belong to.
struct SampleInteractions {
    var repost = SampleEdges()
    var mention = SampleEdges()
    var reply = SampleEdges()

    /// `src`/`dst` are the follows in roster ids, in a fixed order (the follow layer's, in dataset ids).
    init(roster r: SampleRoster, src: [UInt32], dst: [UInt32]) {
        var rng = SampleRandom.phase(3)
        for i in src.indices {
            let a = Int(src[i]), b = Int(dst[i])
            interact(a, SampleInteractions.kind(r, a), b, SampleInteractions.kind(r, b), &rng)
        }
    }

    /// Roles as far as behaviour goes.
    enum Kind { case crowd, star, expert, bought, ring, bot, camouflaged, lurker }

    static func kind(_ r: SampleRoster, _ a: Int) -> Kind {
        switch r.role[a] {
        case .lurker: return .lurker
        case .bot where r.botKind[a] == .camouflaged: return .camouflaged
        case .crowd, .customer: return .crowd
        case .star: return .star
        case .expert: return .expert
        case .bought: return .bought
        case .ring: return .ring
        case .bot: return .bot
        }
    }

    /// With probability `p`, `a` does it to `b` `lo + below(span)` times.
    private static func maybe(_ e: inout SampleEdges, _ a: Int, _ b: Int, _ p: Double, _ lo: Int, _ span: Int,
                              _ rng: inout SplitMix64) {
        guard rng.chance(p) else { return }
        e.add(a, b, Double(lo + rng.below(span)))
    }

    private mutating func interact(_ a: Int, _ ra: Kind, _ b: Int, _ rb: Kind, _ rng: inout SplitMix64) {
        typealias S = SampleInteractions
        switch (ra, rb) {
        case (.crowd, .star):
            S.maybe(&repost, a, b, 0.5, 1, 6, &rng)
            S.maybe(&mention, a, b, 0.3, 1, 3, &rng)
            if rng.chance(0.25) {
                reply.add(a, b, Double(1 + rng.below(3)))
                S.maybe(&reply, b, a, 0.1, 1, 1, &rng)
            }
        case (.crowd, .expert):
            S.maybe(&repost, a, b, 0.6, 1, 4, &rng)
            S.maybe(&mention, a, b, 0.3, 1, 2, &rng)
            if rng.chance(0.6) {
                reply.add(a, b, Double(1 + rng.below(4)))
                S.maybe(&reply, b, a, 0.85, 1, 3, &rng)
            }
        case (.crowd, .crowd):
            S.maybe(&repost, a, b, 0.1, 1, 2, &rng)
            S.maybe(&mention, a, b, 0.15, 1, 2, &rng)
            if rng.chance(0.12) {
                reply.add(a, b, Double(1 + rng.below(3)))
                S.maybe(&reply, b, a, 0.6, 1, 2, &rng)
            }
        case (.crowd, .bought):
            S.maybe(&repost, a, b, 0.05, 1, 1, &rng)
        case (.star, .expert):
            repost.add(a, b, Double(3 + rng.below(8)))
            S.maybe(&mention, a, b, 0.6, 1, 4, &rng)
            S.maybe(&reply, a, b, 0.8, 1, 3, &rng)
        case (.star, .star):
            S.maybe(&repost, a, b, 0.5, 1, 3, &rng)
        case (.expert, .star):
            S.maybe(&repost, a, b, 0.5, 1, 3, &rng)
            S.maybe(&mention, a, b, 0.6, 1, 4, &rng)
        case (.expert, .expert):
            repost.add(a, b, Double(2 + rng.below(4)))
        case (.expert, .crowd):
            S.maybe(&repost, a, b, 0.3, 1, 1, &rng)
            S.maybe(&reply, a, b, 0.7, 1, 3, &rng)
        case (.ring, .ring):
            S.maybe(&repost, a, b, 0.02, 1, 1, &rng)
            S.maybe(&mention, a, b, 0.03, 1, 1, &rng)
        case (.bought, .star):
            S.maybe(&repost, a, b, 0.3, 1, 1, &rng)
            mention.add(a, b, Double(1 + rng.below(2)))
        case (.camouflaged, .star), (.camouflaged, .bought), (.camouflaged, .crowd):
            S.maybe(&repost, a, b, 0.3, 1, 2, &rng)
        case (.bot, .camouflaged), (.camouflaged, .camouflaged):
            S.maybe(&repost, a, b, 0.5, 1, 3, &rng)
            S.maybe(&mention, a, b, 0.2, 1, 1, &rng)
        default:
            break
        }
    }
}

/// A growing weighted edge list in roster ids; `finish` maps it to dataset ids and
/// merges repeated pairs (adding their weights), so the layer has no duplicate rows.
struct SampleEdges {
    private var src: [UInt32] = []
    private var dst: [UInt32] = []
    private var weights: [Double] = []

    mutating func add(_ a: Int, _ b: Int, _ w: Double) {
        src.append(UInt32(a)); dst.append(UInt32(b)); weights.append(w)
    }

    /// Parallel arrays in dataset ids (`perm[rosterId]`), sorted by (src, dst), pairs
    /// unique. Sorted by two stable counting sorts (dst, then src), so no comparisons.
    ///
    /// - Complexity: O(n + m) for n = `perm.count` accounts and m edges.
    func finish(_ perm: [UInt32]) -> (src: [UInt32], dst: [UInt32], weights: [Double]) {
        let n = perm.count
        let a = src.map { perm[Int($0)] }, b = dst.map { perm[Int($0)] }
        let byDst = SampleEdges.countingOrder(b, Array(a.indices), n)
        let order = SampleEdges.countingOrder(a, byDst, n)
        var s: [UInt32] = [], d: [UInt32] = [], w: [Double] = []
        s.reserveCapacity(order.count); d.reserveCapacity(order.count); w.reserveCapacity(order.count)
        for i in order {
            if let last = s.indices.last, s[last] == a[i], d[last] == b[i] { w[last] += weights[i]; continue }
            s.append(a[i]); d.append(b[i]); w.append(weights[i])
        }
        return (s, d, w)
    }

    /// `items` stably reordered by `key[item]` (keys in 0..<n).
    private static func countingOrder(_ key: [UInt32], _ items: [Int], _ n: Int) -> [Int] {
        var start = [Int](repeating: 0, count: n + 1)
        for i in items { start[Int(key[i]) + 1] += 1 }
        for v in 0..<n { start[v + 1] += start[v] }
        var out = [Int](repeating: 0, count: items.count)
        for i in items { out[start[Int(key[i])]] = i; start[Int(key[i])] += 1 }
        return out
    }
}
