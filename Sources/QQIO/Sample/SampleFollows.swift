import QQData

/// The sample's follow layer, generated from the roster (roster ids; edges point from
/// follower to followed). Each planted group is one step below; docs/SAMPLE.md tells
/// the story and the numbers each step produces.
///
/// Within a source, `follow` skips repeats with a per-target stamp; follow-backs are
/// queued and appended last, and `SampleBuild` drops any pair that still repeats, so the
/// layer has no duplicate rows.
struct SampleFollows {
    var src: [UInt32] = []
    var dst: [UInt32] = []
    /// Crowd accounts that bought a package of bot followers (role `.customer`).
    var customers: [Int] = []

    // Crowd: who a regular account follows.
    static let starOwnTopic = [0.6, 0.5, 0.4]   // per star rank, own topic
    static let starOtherTopic = 0.05
    static let enthusiastShare = 0.15           // most popular 15% of the crowd
    static let expertByEnthusiast = 0.35
    static let expertByCrowd = 0.01
    static let boughtByTravel = 0.15
    static let boughtByOthers = 0.025
    static let crowdFollowsMin = 10
    static let crowdFollowsSpan = 60.0          // 10 + 60·u³ crowd accounts
    static let otherTopicShare = 0.12
    static let followBack = 0.20
    // Lurkers read a lot and are rarely followed back.
    static let lurkerFollows = 30...120
    static let lurkerFollowBack = 0.04
    /// A regular account a bot follows as camouflage follows it back (auto follow-back).
    static let botFollowBack = 0.08
    // The ring.
    static let ringOutside = 8...14
    static let ringFollowBack = 0.85
    // The follower farm.
    static let customerChance = 0.35            // among the crowd with weight < 2
    static let customerWeightLimit = 2.0
    static let packageSize = 20...60
    static let botCamouflage = 10...30
    static let botFollowsStar = 0.25
    static let botFollowsBot = 0.30
    static let camouflagedFollowers = 3...12
    // The elite.
    static let expertFollowsCrowd = 8
    static let boughtFollowsCrowd = 22

    private var stamp: [Int]
    private var followBacks: [(UInt32, UInt32)] = []

    init(roster r: SampleRoster) {
        stamp = [Int](repeating: -1, count: r.role.count)
        var rng = SampleRandom.phase(2)
        let t = SampleRoster.topics.count
        crowdFollows(r, &rng, topics: t)
        eliteFollows(r, &rng, topics: t)
        ringFollows(r, &rng)
        farmFollows(r, &rng, topics: t)
        for (a, b) in followBacks { src.append(a); dst.append(b) }
    }

    /// Adds `a -> b` unless it is a self-loop or `a` already follows `b`; true when added.
    @discardableResult
    private mutating func follow(_ a: Int, _ b: Int) -> Bool {
        if a == b || stamp[b] == a { return false }
        stamp[b] = a
        src.append(UInt32(a)); dst.append(UInt32(b))
        return true
    }

    /// Regular accounts: their topic's stars (by rank), a few stars elsewhere, the
    /// experts (mostly the enthusiasts do), sometimes the bought account, then
    /// 10–70 crowd accounts by popularity, 88% in their own topic; a fifth of the
    /// same-topic follows are followed back.
    private mutating func crowdFollows(_ r: SampleRoster, _ rng: inout SplitMix64, topics t: Int) {
        let sorted = r.allCrowd.map { r.weight[$0] }.sorted()
        let enthusiastCut = sorted[Int(Double(sorted.count) * (1 - SampleFollows.enthusiastShare))]
        for a in r.allCrowd {
            let k = r.topic[a]
            for (rank, s) in r.stars[k].enumerated() where rng.chance(SampleFollows.starOwnTopic[rank]) { follow(a, s) }
            for u in 0..<t where u != k {
                for s in r.stars[u] where rng.chance(SampleFollows.starOtherTopic) { follow(a, s) }
            }
            let pe = r.weight[a] >= enthusiastCut ? SampleFollows.expertByEnthusiast : SampleFollows.expertByCrowd
            for e in r.experts[k] where rng.chance(pe) { follow(a, e) }
            let pb = k == SampleRoster.boughtTopic ? SampleFollows.boughtByTravel : SampleFollows.boughtByOthers
            if rng.chance(pb) { follow(a, r.bought) }
            let u = rng.unit()
            let lurker = r.role[a] == .lurker
            let n = lurker ? SampleFollows.lurkerFollows.lowerBound + Int(Double(SampleFollows.lurkerFollows.count - 1) * u)
                : SampleFollows.crowdFollowsMin + Int(SampleFollows.crowdFollowsSpan * u * u * u)
            for _ in 0..<n {
                let tt = rng.chance(SampleFollows.otherTopicShare) ? (k + 1 + rng.below(t - 1)) % t : k
                let b = r.pick(&rng, topic: tt)
                if follow(a, b), tt == k, rng.chance(lurker ? SampleFollows.lurkerFollowBack : SampleFollows.followBack) {
                    followBacks.append((UInt32(b), UInt32(a)))
                }
            }
        }
    }

    /// Stars follow few: the next star of their topic, both of its experts, the lead
    /// expert of another topic, the head star of another topic and one crowd account.
    /// Experts follow their topic's stars and experts, two experts elsewhere and eight
    /// crowd accounts. The bought account follows every star and some crowd.
    private mutating func eliteFollows(_ r: SampleRoster, _ rng: inout SplitMix64, topics t: Int) {
        let spt = SampleRoster.starsPerTopic
        for k in 0..<t {
            for (rank, s) in r.stars[k].enumerated() {
                follow(s, r.stars[k][(rank + 1) % spt])
                for e in r.experts[k] { follow(s, e) }
                follow(s, r.experts[(k + 1 + rank) % t][0])
                follow(s, r.stars[(k + 1 + rank) % t][0])
                follow(s, r.anyCrowd(&rng, topic: k))
            }
        }
        for k in 0..<t {
            for (rank, e) in r.experts[k].enumerated() {
                for s in r.stars[k] { follow(e, s) }
                for o in r.experts[k] { follow(e, o) }
                follow(e, r.experts[(k + 1) % t][rank])
                follow(e, r.experts[(k + 3) % t][rank])
                for _ in 0..<SampleFollows.expertFollowsCrowd { follow(e, r.anyCrowd(&rng, topic: k)) }
            }
        }
        for k in 0..<t { for s in r.stars[k] { follow(r.bought, s) } }
        for _ in 0..<SampleFollows.boughtFollowsCrowd {
            let k = rng.below(t)
            follow(r.bought, r.pick(&rng, topic: k))
        }
    }

    /// The follow-for-follow ring: everyone in it follows everyone else in it, and
    /// 15–25 crowd accounts of its claimed topic, most of whom follow back.
    private mutating func ringFollows(_ r: SampleRoster, _ rng: inout SplitMix64) {
        for a in r.ring {
            for b in r.ring { follow(a, b) }
            let m = rng.between(SampleFollows.ringOutside.lowerBound, SampleFollows.ringOutside.upperBound)
            for _ in 0..<m {
                let b = r.pick(&rng, topic: r.topic[a])
                if follow(a, b), rng.chance(SampleFollows.ringFollowBack) { followBacks.append((UInt32(b), UInt32(a))) }
            }
        }
    }

    /// The follower farm: a third of the less popular crowd buy 20–60 followers from
    /// the farm of their topic; every bot follows the bought account, its customers,
    /// some of its topic's stars, maybe the next bot, and 10–30 random crowd accounts
    /// (85% in its topic) as camouflage. Each bot has at most one follower.
    private mutating func farmFollows(_ r: SampleRoster, _ rng: inout SplitMix64, topics t: Int) {
        var farm = [[Int]](repeating: [], count: t)
        for b in r.bots { farm[r.topic[b]].append(b) }
        var orders = [[Int]](repeating: [], count: r.role.count)
        for k in 0..<t {
            for c in r.crowd[k] where rng.chance(r.weight[c] < SampleFollows.customerWeightLimit && r.role[c] != .lurker
                                                 ? SampleFollows.customerChance : 0) {
                customers.append(c)
                let size = rng.between(SampleFollows.packageSize.lowerBound, SampleFollows.packageSize.upperBound)
                let start = rng.below(farm[k].count)
                for j in 0..<size { orders[farm[k][(start + j) % farm[k].count]].append(c) }
            }
        }
        for (i, a) in r.bots.enumerated() {
            let k = r.topic[a]
            follow(a, r.bought)
            for c in orders[a] { follow(a, c) }
            for s in r.stars[k] where rng.chance(SampleFollows.botFollowsStar) { follow(a, s) }
            if rng.chance(SampleFollows.botFollowsBot) { follow(a, r.bots[(i + 1) % r.bots.count]) }
            let n = rng.between(SampleFollows.botCamouflage.lowerBound, SampleFollows.botCamouflage.upperBound)
            for _ in 0..<n {
                let tt = rng.chance(0.85) ? k : rng.below(t)
                let c = r.anyCrowd(&rng, topic: tt)
                if follow(a, c), rng.chance(SampleFollows.botFollowBack) { followBacks.append((UInt32(c), UInt32(a))) }
            }
        }
        // Camouflaged bots buy themselves a plausible ratio: 3–12 bots of their farm
        // follow each, and each follows a third of those back.
        var rc = SampleRandom.phase(6)
        for a in r.bots where r.botKind[a] == .camouflaged {
            let mates = farm[r.topic[a]]
            let n = rc.between(SampleFollows.camouflagedFollowers.lowerBound, SampleFollows.camouflagedFollowers.upperBound)
            for _ in 0..<n {
                let b = rc.element(mates)
                if follow(b, a), rc.chance(1.0 / 3) { follow(a, b) }
            }
        }
    }
}
