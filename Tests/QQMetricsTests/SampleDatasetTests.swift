import QQData
import QQIO
import QQMetrics
import Testing

/// The built-in sample's teaching properties, measured with qq's own kernels
/// (docs/SAMPLE.md, "Measured properties"; scripts/check-sample checks the same with
/// NetworkX). Ties in rankings keep load order, as qq's `top` does.
@Suite struct SampleDatasetTests {
    /// Built once for the suite: the sample, its planted truth, followers and PageRank.
    static let built: (Dataset, SampleDataset.Truth, [Int64], [Double]) = {
        let d = SampleDataset.make()
        let pr = (try? PageRank.compute(d.follows).scores) ?? []
        return (d, SampleDataset.truth(), Degree.followers(d.follows), pr)
    }()
    var d: Dataset { Self.built.0 }
    var truth: SampleDataset.Truth { Self.built.1 }
    var followers: [Int64] { Self.built.2 }
    var pagerank: [Double] { Self.built.3 }

    /// Account ids by `score`, highest first, ties in load order.
    static func ranking(_ score: [Double]) -> [Int] {
        score.indices.sorted { score[$0] != score[$1] ? score[$0] > score[$1] : $0 < $1 }
    }

    /// 1-based ranks with ties sharing their average rank.
    static func averageRanks(_ x: [Double]) -> [Double] {
        let order = x.indices.sorted { x[$0] < x[$1] }
        var ranks = [Double](repeating: 0, count: x.count)
        var i = 0
        while i < order.count {
            var j = i
            while j + 1 < order.count && x[order[j + 1]] == x[order[i]] { j += 1 }
            for k in i...j { ranks[order[k]] = Double(i + j) / 2 + 1 }
            i = j + 1
        }
        return ranks
    }

    /// Spearman's rho: Pearson's correlation of the average ranks.
    static func spearman(_ x: [Double], _ y: [Double]) -> Double {
        let rx = averageRanks(x), ry = averageRanks(y)
        let mx = rx.reduce(0, +) / Double(rx.count), my = ry.reduce(0, +) / Double(ry.count)
        var sxy = 0.0, sxx = 0.0, syy = 0.0
        for i in rx.indices {
            sxy += (rx[i] - mx) * (ry[i] - my); sxx += (rx[i] - mx) * (rx[i] - mx); syy += (ry[i] - my) * (ry[i] - my)
        }
        return sxy / (sxx * syy).squareRoot()
    }

    /// Hubert & Arabie's adjusted Rand index of two labelings.
    static func adjustedRand<A: Hashable, B: Hashable>(_ a: [A], _ b: [B]) -> Double {
        func pairs(_ n: Int) -> Double { Double(n) * Double(n - 1) / 2 }
        func codes<T: Hashable>(_ x: [T]) -> [Int] {
            var seen: [T: Int] = [:]
            return x.map { v in if let c = seen[v] { return c }; seen[v] = seen.count; return seen.count - 1 }
        }
        let ca = codes(a), cb = codes(b)
        let width = (cb.max() ?? 0) + 1
        var both: [Int: Int] = [:], left: [Int: Int] = [:], right: [Int: Int] = [:]
        for i in ca.indices { both[ca[i] * width + cb[i], default: 0] += 1; left[ca[i], default: 0] += 1; right[cb[i], default: 0] += 1 }
        let index = both.values.reduce(0) { $0 + pairs($1) }
        let sa = left.values.reduce(0) { $0 + pairs($1) }, sb = right.values.reduce(0) { $0 + pairs($1) }
        let expected = sa * sb / pairs(a.count)
        return (index - expected) / ((sa + sb) / 2 - expected)
    }

    @Test func pagerankConverges() throws {
        let r = try PageRank.compute(d.follows)
        #expect(r.converged)
        #expect(pagerank.count == d.accountCount)
    }

    @Test func mostFollowedIsNotInTopTenByPageRank() {
        let byFollowers = Self.ranking(followers.map(Double.init))
        let top = byFollowers[0]
        #expect(truth.roles[top] == .bought)
        let rank = Self.ranking(pagerank).firstIndex(of: top)! + 1
        #expect(rank > 10, "@\(d.handle(top)) is #\(rank) by pagerank")
        #expect(rank > 50, "with margin")
    }

    @Test func followersAndPageRankDisagree() {
        let rho = Self.spearman(followers.map(Double.init), pagerank)
        // Second edition: 0.788 (lurkers have few followers and little PageRank, which
        // agrees); the requirement of docs/SAMPLE.md is < 0.8.
        #expect(rho < 0.8, "spearman \(rho)")
    }

    @Test func quietAccountsInTopTenByPageRank() {
        let top100 = Self.ranking(followers.map(Double.init)).prefix(100).map { followers[$0] }.sorted()
        let median = Double(top100[49] + top100[50]) / 2
        let quiet = Self.ranking(pagerank).prefix(10).filter { Double(followers[$0]) < median }
        #expect(quiet.count >= 1, "median of the top 100 by followers: \(median)")
        #expect(quiet.allSatisfy { truth.roles[$0] == .expert })
        #expect(quiet.count >= 3, "with margin: \(quiet.map { d.handle($0) })")
    }

    /// Louvain's communities match the planted ones (topics, bots by farm, the ring on
    /// its own), whatever the seed.
    @Test(arguments: [Settings().kernelSeed, 1, 7])
    func louvainRecoversTopics(seed: UInt64) throws {
        let r = try Louvain.compute(d.follows, seed: seed)
        let ari = Self.adjustedRand(truth.community, r.community)
        #expect(ari >= 0.8, "seed \(seed): ARI \(ari)")
        #expect(ari >= 0.9, "with margin: seed \(seed): ARI \(ari)")
        #expect(r.modularity > 0.6)
    }

    /// fake_followers (default suspicious rule) and audience_quality give the bought
    /// account away; the experts have the best audiences.
    @Test func qualityMetricsExposeTheBoughtAudience() {
        let following = Degree.following(d.follows), ratio = Degree.ratio(d.follows)
        guard case .int(let posts) = d.accounts.column("posts")!.storage else { Issue.record("posts is not int"); return }
        let suspicious = (0..<d.accountCount).map { (following[$0] >= 50 && ratio[$0] <= 0.02) || posts[$0] == 0 }
        let fake = Audience.fakeFollowers(d.follows, suspicious: suspicious)
        let quality = Audience.audienceQuality(d.follows, pagerank: pagerank)
        let bought = truth.roles.firstIndex(of: .bought)!
        let big = (0..<d.accountCount).filter { followers[$0] >= 100 }
        #expect(big.allSatisfy { $0 == bought || fake.double($0)! < fake.double(bought)! })
        // The default rule sees only the farm bots among its followers (second edition):
        // the share of bots by the truth is checked in QQIOTests/SampleTests.boughtAudience.
        #expect(fake.double(bought)! > 0.3)
        let stars = truth.roles.indices.filter { truth.roles[$0] == .star }
        let experts = truth.roles.indices.filter { truth.roles[$0] == .expert }
        #expect(stars.allSatisfy { quality.double($0)! > quality.double(bought)! })
        let starQualities = stars.map { quality.double($0)! }.sorted()
        #expect(experts.allSatisfy { quality.double($0)! > starQualities[starQualities.count / 2] })
        let total = Interaction.interactions(d.layers, accountCount: d.accountCount)
        let engagement = total[bought] / Double(followers[bought])
        #expect(stars.allSatisfy { engagement * 5 < total[$0] / Double(followers[$0]) }, "engagement of the bought account \(engagement)")
    }

    @Test func ringReciprocatesEverything() {
        let reciprocity = Degree.reciprocity(d.follows)
        for v in truth.roles.indices where truth.roles[v] == .ring {
            #expect(reciprocity.double(v)! >= 0.9, "@\(d.handle(v))")
        }
    }
}
