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

    /// `follows` is the follow layer in roster ids (rows sorted, so the walk is deterministic).
    init(roster r: SampleRoster, follows: CSR) {
        var rng = SampleRandom(phase: 3)
        for a in 0..<follows.nodeCount {
            let ra = SampleInteractions.kind(r.role[a])
            for b32 in follows.neighbors(a) {
                let b = Int(b32)
                interact(a, ra, b, SampleInteractions.kind(r.role[b]), &rng)
            }
        }
    }

    /// Roles as far as behaviour goes.
    enum Kind { case crowd, star, expert, bought, ring, bot }

    static func kind(_ role: SampleDataset.Role) -> Kind {
        switch role {
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
                              _ rng: inout SampleRandom) {
        guard rng.chance(p) else { return }
        e.add(a, b, Double(lo + rng.below(span)))
    }

    private mutating func interact(_ a: Int, _ ra: Kind, _ b: Int, _ rb: Kind, _ rng: inout SampleRandom) {
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
        default:
            break
        }
    }
}

/// A growing weighted edge list in roster ids; `finish` maps it to dataset ids and
/// merges repeated pairs (adding their weights), so the layer has no duplicate rows.
struct SampleEdges {
    private var keys: [UInt64] = []
    private var weights: [Double] = []

    mutating func add(_ a: Int, _ b: Int, _ w: Double) {
        keys.append(UInt64(a) << 32 | UInt64(b)); weights.append(w)
    }

    /// Parallel arrays in dataset ids (`perm[rosterId]`), sorted by (src, dst), pairs unique.
    func finish(_ perm: [UInt32]) -> (src: [UInt32], dst: [UInt32], weights: [Double]) {
        var mapped = keys.indices.map { i -> (UInt64, Double) in
            let a = perm[Int(keys[i] >> 32)], b = perm[Int(keys[i] & 0xFFFF_FFFF)]
            return (UInt64(a) << 32 | UInt64(b), weights[i])
        }
        mapped.sort { $0.0 < $1.0 }
        var src: [UInt32] = [], dst: [UInt32] = [], w: [Double] = []
        for (k, x) in mapped {
            if let last = src.indices.last, UInt64(src[last]) << 32 | UInt64(dst[last]) == k { w[last] += x; continue }
            src.append(UInt32(k >> 32)); dst.append(UInt32(k & 0xFFFF_FFFF)); w.append(x)
        }
        return (src, dst, w)
    }
}
