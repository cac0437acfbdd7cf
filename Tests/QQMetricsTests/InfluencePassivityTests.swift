import QQData
import Testing
import QQMetrics

/// Influence–Passivity: SPEC §9's reference table, the definition's corner cases, and
/// the numpy version of scripts/metric-reference on generated graphs.
@Suite struct InfluencePassivityTests {
    /// SPEC §9's six accounts a–f: follows, the `repost` layer and `posts`.
    static func specTable() -> (follows: Layer, repost: Layer, posts: Column) {
        let id: [Character: UInt32] = ["a": 0, "b": 1, "c": 2, "d": 3, "e": 4, "f": 5]
        let follows = "a→b a→c a→e b→a b→c b→e b→f c→a c→b c→d c→f d→a d→f e→b e→d e→f f→a f→b f→d"
            .split(separator: " ").map { (id[$0.first!]!, id[$0.last!]!) }
        let repost: [(UInt32, UInt32, Double)] = [
            ("a", "c", 4), ("b", "a", 4), ("b", "e", 2), ("b", "f", 8), ("c", "a", 4), ("c", "b", 2), ("c", "d", 1),
            ("c", "f", 2), ("d", "a", 4), ("d", "f", 2), ("e", "b", 1), ("e", "d", 1), ("f", "b", 8),
        ].map { (id[Character($0.0)]!, id[Character($0.1)]!, $0.2) }
        let f = CSRBuilder.build(name: "follow", nodeCount: 6, src: follows.map(\.0), dst: follows.map(\.1))
        let r = CSRBuilder.build(name: "repost", nodeCount: 6, src: repost.map(\.0), dst: repost.map(\.1),
                                 weights: repost.map(\.2))
        return (f, r, .ints([10, 0, 5, 0, 10, 10]))
    }

    @Test func specReferenceTable() throws {
        let t = Self.specTable()
        let r = try InfluencePassivity.compute(follows: t.follows, layer: t.repost, posts: t.posts, accountCount: 6,
                                               tolerance: 1e-12, maxIterations: 1000)
        let influence = [0.133677, 0.310751, 0.159549, 0.224236, 0.026237, 0.145550]
        let passivity = [0.159549, 0.183660, 0.159017, 0.070231, 0.155566, 0.271977]
        #expect(r.converged)
        for k in 0..<6 {
            #expect(abs(r.influence[k] - influence[k]) <= 1e-6, "influence[\(k)] = \(r.influence[k])")
            #expect(abs(r.passivity[k] - passivity[k]) <= 1e-6, "passivity[\(k)] = \(r.passivity[k])")
        }
        #expect(abs(r.influence.reduce(0, +) - 1) < 1e-12 && abs(r.passivity.reduce(0, +) - 1) < 1e-12)
    }

    /// The Q rule is per account: with `posts` read for every account (b and d, with 0
    /// posts, then accept nothing) the table is not reproduced; without a posts column
    /// every account uses its most engaged follower.
    @Test func qRuleIsPerAccount() throws {
        let t = Self.specTable()
        let perAccount = try InfluencePassivity.compute(follows: t.follows, layer: t.repost, posts: t.posts,
                                                        accountCount: 6, tolerance: 1e-12, maxIterations: 1000)
        let noPosts = try InfluencePassivity.compute(follows: t.follows, layer: t.repost, posts: nil,
                                                     accountCount: 6, tolerance: 1e-12, maxIterations: 1000)
        // Nulls and zeros in posts both fall back to the maximum rule.
        let nullPosts = Column(.int([10, 7, 5, 7, 10, 10]), valid: {
            var b = Bitmap(count: 6, value: true); b[1] = false; b[3] = false; return b
        }())
        let withNulls = try InfluencePassivity.compute(follows: t.follows, layer: t.repost, posts: nullPosts,
                                                       accountCount: 6, tolerance: 1e-12, maxIterations: 1000)
        #expect(zip(perAccount.influence, withNulls.influence).allSatisfy { abs($0 - $1) < 1e-15 })
        #expect(abs(noPosts.influence[1] - perAccount.influence[1]) > 0.01)
        // The maximum rule alone, computed by hand for b's followers: S = (c: 2, e: 1, f: 8).
        #expect(abs(noPosts.influence[1] - 0.342573) < 1e-6)
    }

    @Test func cornerCases() throws {
        let empty = Layer.empty(name: "follow", nodeCount: 0, weighted: false)
        let none = try InfluencePassivity.compute(follows: empty, layer: empty, accountCount: 0)
        #expect(none.influence.isEmpty && none.converged && none.iterations == 0)
        // Follows without any interaction: nobody accepts, so influence is 0 after the
        // first round, and passivity (spread by rejections of influence) after the second.
        let f = CSRBuilder.build(name: "follow", nodeCount: 4, src: [0, 1, 2], dst: [1, 2, 0])
        let quiet = try InfluencePassivity.compute(follows: f, layer: .empty(name: "r", nodeCount: 4, weighted: true),
                                                   accountCount: 4, tolerance: 1e-12, maxIterations: 50)
        #expect(quiet.influence == [0, 0, 0, 0] && quiet.passivity == [0, 0, 0, 0])
        #expect(quiet.converged && quiet.iterations == 3)
        // A layer with fewer nodes than accounts reads as padded.
        let short = try InfluencePassivity.compute(follows: f, layer: .empty(name: "r", nodeCount: 2, weighted: true),
                                                   accountCount: 4, tolerance: 1e-12, maxIterations: 50)
        #expect(short == quiet)
        #expect(throws: Diagnostic.self) { try InfluencePassivity.compute(follows: f, layer: f, accountCount: 4, tolerance: 0) }
        #expect(throws: Diagnostic.self) { try InfluencePassivity.compute(follows: f, layer: f, accountCount: 4, maxIterations: 0) }
    }

    @Test func reportsNonConvergence() throws {
        let t = Self.specTable()
        let r = try InfluencePassivity.compute(follows: t.follows, layer: t.repost, posts: t.posts, accountCount: 6,
                                               tolerance: 1e-15, maxIterations: 3)
        #expect(!r.converged && r.iterations == 3)
        var s = Settings(); s.tolerance = 1e-15; s.maxIterations = 3
        let out = try InfluencePassivity.output(.passivity, follows: t.follows, layer: t.repost, posts: t.posts,
                                                accountCount: 6, settings: s)
        #expect(out.notes.first?.contains("did not converge") == true && out.iterations == 3)
        #expect(doubles(out.column) == doubles(r.passivity))
    }
}
