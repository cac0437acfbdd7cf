import QQData

/// The sample's cast before any edge exists: every account's role and planted topic,
/// in roster order (stars, experts, the bought account, the ring, bots, the crowd),
/// plus the crowd's popularity weights that later decide who gets followed.
///
/// Roster ids are not the dataset's ids: `SampleProfiles` orders accounts by join
/// date and `SampleBuild` maps every edge through that permutation.
struct SampleRoster {
    static let topics = ["science", "tech", "music", "sports", "food", "travel"]
    static let starsPerTopic = 3
    static let expertsPerTopic = 2
    static let ringSize = 30
    static let botCount = 250
    /// Bot kinds by position in the farm: of every five bots, two are `farm`, one
    /// `spam` and two `camouflaged`.
    static let botKinds: [SampleDataset.BotKind] = [.farm, .camouflaged, .spam, .farm, .camouflaged]
    /// The share of the crowd that reads and never posts (role `.lurker`), and their
    /// popularity weight (nobody seeks out an account with nothing to read).
    static let lurkerShare = 0.10
    static let lurkerWeight = 0.05
    static let accountCount = 2000
    /// The bought account poses as a travel influencer.
    static let boughtTopic = 5
    /// Pareto tail of crowd popularity: weight = (1 − u)^(−1/α) with α = 1.6.
    /// x^(−0.625) is computed as x^(−1/2) · x^(−1/8) with square roots, which are
    /// correctly rounded everywhere, so the sample does not depend on a libm.
    static func popularity(_ u: Double) -> Double {
        let x = 1.0 - u
        let r2 = x.squareRoot(), r8 = r2.squareRoot().squareRoot()
        return 1.0 / (r2 * r8)
    }

    var role: [SampleDataset.Role] = []
    /// Planted topic index: a bot's is its farm's topic, a ring member's the topic it claims.
    var topic: [Int] = []
    /// Crowd popularity (0 for everyone else).
    var weight: [Double] = []
    var stars: [[Int]]
    var experts: [[Int]]
    var crowd: [[Int]]
    var allCrowd: [Int] = []
    var ring: [Int] = []
    var bots: [Int] = []
    var bought = 0
    /// A bot's kind (`.farm` for everyone else, unused).
    var botKind: [SampleDataset.BotKind] = []
    var lurkers: [Int] = []
    /// Running sums of `weight` over `crowd[t]`, for popularity-weighted picks.
    private var cumulative: [[Double]]

    init() {
        let t = SampleRoster.topics.count
        stars = Array(repeating: [], count: t)
        experts = Array(repeating: [], count: t)
        crowd = Array(repeating: [], count: t)
        cumulative = Array(repeating: [], count: t)
        func add(_ r: SampleDataset.Role, _ k: Int) { role.append(r); topic.append(k); weight.append(0) }
        for k in 0..<t { for _ in 0..<SampleRoster.starsPerTopic { stars[k].append(role.count); add(.star, k) } }
        for k in 0..<t { for _ in 0..<SampleRoster.expertsPerTopic { experts[k].append(role.count); add(.expert, k) } }
        bought = role.count; add(.bought, SampleRoster.boughtTopic)
        for i in 0..<SampleRoster.ringSize { ring.append(role.count); add(.ring, i % t) }
        for i in 0..<SampleRoster.botCount { bots.append(role.count); add(.bot, i % t) }
        var i = 0
        while role.count < SampleRoster.accountCount {
            crowd[i % t].append(role.count); allCrowd.append(role.count); add(.crowd, i % t); i += 1
        }
        var rng = SampleRandom.phase(1)
        for a in allCrowd { weight[a] = SampleRoster.popularity(rng.unit()) }
        botKind = [SampleDataset.BotKind](repeating: .farm, count: role.count)
        for (i, b) in bots.enumerated() { botKind[b] = SampleRoster.botKinds[i % SampleRoster.botKinds.count] }
        // Lurkers come from their own stream, so the crowd's popularity draws stay as they were.
        var lr = SampleRandom.phase(5)
        for a in allCrowd where lr.chance(SampleRoster.lurkerShare) {
            role[a] = .lurker; weight[a] = SampleRoster.lurkerWeight; lurkers.append(a)
        }
        for k in 0..<t {
            var s = 0.0
            cumulative[k] = crowd[k].map { s += weight[$0]; return s }
        }
    }

    /// A crowd account of topic `t`, chosen with probability proportional to its weight.
    func pick(_ rng: inout SplitMix64, topic t: Int) -> Int {
        let c = cumulative[t]
        let x = rng.unit() * c[c.count - 1]
        var lo = 0, hi = c.count
        while lo < hi {
            let mid = (lo + hi) >> 1
            if c[mid] <= x { lo = mid + 1 } else { hi = mid }
        }
        return crowd[t][min(lo, c.count - 1)]
    }

    /// A crowd account of topic `t`, chosen uniformly.
    func anyCrowd(_ rng: inout SplitMix64, topic t: Int) -> Int { rng.element(crowd[t]) }
}
