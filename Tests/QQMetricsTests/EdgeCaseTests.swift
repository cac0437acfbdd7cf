import QQData
import Testing
import QQMetrics

/// Empty and degenerate graphs, bad settings, nulls, and the small functions.
@Suite struct EdgeCaseTests {
    static func layer(_ n: Int, _ edges: [(UInt32, UInt32)], weights: [Double]? = nil, name: String = "follow") -> Layer {
        CSRBuilder.build(name: name, nodeCount: n, src: edges.map(\.0), dst: edges.map(\.1), weights: weights)
    }

    @Test func emptyGraphGivesEmptyResults() throws {
        let g = Self.layer(0, [])
        #expect(try PageRank.compute(g).scores.isEmpty)
        #expect(try HITS.compute(g).hubs.isEmpty)
        #expect(try CoreNumber.compute(g).isEmpty)
        #expect(try Clustering.compute(g).isEmpty)
        #expect(try Betweenness.compute(g).scores.isEmpty)
        #expect(try Louvain.compute(g).community.isEmpty)
        #expect(Degree.reciprocity(g).count == 0)
        #expect(try Interaction.dialogue([], accountCount: 0).count == 0)
    }

    @Test func edgelessGraph() throws {
        let g = Self.layer(4, [])
        let pr = try PageRank.compute(g)
        #expect(pr.scores == [0.25, 0.25, 0.25, 0.25] && pr.converged)
        #expect(try HITS.compute(g).authorities == [0, 0, 0, 0])
        #expect(try CoreNumber.compute(g) == [0, 0, 0, 0])
        #expect(try Betweenness.compute(g).scores == [0, 0, 0, 0])
        let l = try Louvain.compute(g)
        #expect(l.community == [0, 1, 2, 3] && l.modularity == 0)
        let r = Degree.reciprocity(g)
        #expect(r.nullCount == 4)
        #expect(Audience.overlap(g, 0, 1) == nil)
        #expect(Audience.fakeFollowers(g, suspicious: [true, true, true, true]).nullCount == 4)
    }

    @Test func badSettingsAreErrors() {
        let g = Self.layer(3, [(0, 1)])
        #expect(throws: Diagnostic.self) { try PageRank.compute(g, damping: 1.5) }
        #expect(throws: Diagnostic.self) { try PageRank.compute(g, tolerance: 0) }
        #expect(throws: Diagnostic.self) { try PageRank.compute(g, maxIterations: 0) }
        #expect(throws: Diagnostic.self) { try HITS.compute(g, tolerance: -1) }
        #expect(throws: Diagnostic.self) { try Betweenness.compute(g, samples: 1) }
        #expect(throws: Diagnostic.self) { try Audience.within(g, of: 0, hops: -1) }
    }

    /// The single-precision gather of large graphs against the double path on the same
    /// graph: same iteration count, every score within 1e-6 of itself relatively, at the
    /// NetworkX default rule and at the tightest threshold the single path accepts.
    @Test func pageRankSinglePrecisionGatherMatchesDouble() throws {
        let rows = GeneratedRows(n: 20_000, rows: 200_000, seed: 11)
        let g = CSRBuilder.build(name: "follow", nodeCount: rows.n, src: rows.follows.src, dst: rows.follows.dst)
        for tolerance in [1e-6, 1e-6 / Double(rows.n)] {
            let exact = try PageRank.compute(g, tolerance: tolerance, maxIterations: 1000, singlePrecisionFrom: .max)
            let fast = try PageRank.compute(g, tolerance: tolerance, maxIterations: 1000, singlePrecisionFrom: 0)
            #expect(exact.converged && fast.converged)
            #expect(abs(exact.iterations - fast.iterations) <= 1)
            var worst = 0.0
            for (a, b) in zip(exact.scores, fast.scores) { worst = max(worst, abs(a - b) / a) }
            #expect(worst < 1e-6, "largest relative difference \(worst)")
            #expect(abs(fast.scores.reduce(0, +) - 1) < 1e-8)
        }
    }

    @Test func pageRankReportsNonConvergence() throws {
        let g = Self.layer(3, [(0, 1), (1, 2), (2, 0), (0, 2)])
        let r = try PageRank.compute(g, tolerance: 1e-15, maxIterations: 2)
        #expect(!r.converged && r.iterations == 2)
        let out = try MetricEngine.compute("pagerank", dataset: Self.dataset(g), settings: {
            var s = Settings(); s.tolerance = 1e-15; s.maxIterations = 2; return s
        }()) { _ throws(Diagnostic) in Column.ints([]) }
        #expect(out.notes.first?.contains("did not converge") == true)
    }

    @Test func degreeFamilyOnAKnownGraph() {
        // 0 <-> 1 mutual, 2 -> 0, 3 isolated.
        let g = Self.layer(4, [(0, 1), (1, 0), (2, 0), (2, 2), (2, 0)])
        #expect(g.droppedSelfLoops == 1 && g.duplicateRows == 1)
        #expect(Degree.followers(g) == [2, 1, 0, 0])
        #expect(Degree.following(g) == [1, 1, 1, 0])
        #expect(Degree.ratio(g) == [2, 1, 0, 0])
        #expect(Degree.mutuals(g) == [1, 1, 0, 0])
        let r = Degree.reciprocity(g)
        #expect(r[0] == .float(2.0 / 3) && r[1] == .float(1) && r[2] == .float(0) && r[3] == .null)
        #expect(Audience.mutuals(g, of: 0) == [1])
        #expect(Audience.followers(g, of: 0) == [1, 2])
        #expect(Audience.commonFollowers(g, 0, 1) == [])
        #expect(Audience.overlap(g, 0, 0) == 1)
    }

    @Test func interactionColumns() throws {
        let repost = Self.layer(4, [(0, 1), (0, 1), (1, 0), (2, 1)], weights: [2, 1, 1, 5], name: "repost")
        let mention = Self.layer(4, [(1, 2)], weights: [1], name: "mention")
        #expect(Interaction.received(repost) == [1, 8, 0, 0])
        #expect(Interaction.sent(repost) == [3, 1, 5, 0])
        let total = Interaction.interactions([repost, mention], accountCount: 4)
        #expect(total == [1, 8, 1, 0])
        let e = Interaction.engagement(interactions: total, followers: [1, 0, 2, 0])
        #expect(e[0] == .float(1) && e[1] == .null && e[2] == .float(0.5))
        let d = try Interaction.dialogue([repost, mention], accountCount: 4)
        // 0: partners {1}, two-way. 1: sent {0, 2}, received {0, 2} → both ways with 0 and 2... 2 only received from 1? 2 sent to 1 and received from 1.
        #expect(d[0] == .float(1) && d[1] == .float(1) && d[2] == .float(1) && d[3] == .null)
        let one = try Interaction.dialogue([repost], accountCount: 4)
        #expect(one[1] == .float(0.5) && one[2] == .float(0))
    }

    @Test func percentilesAverageTies() {
        // pandas: pd.Series([3, 1, 3, 2]).rank(pct=True) * 100 → 87.5, 25, 87.5, 50
        #expect(Audience.percentiles([3, 1, 3, 2]) == [87.5, 25, 87.5, 50])
        #expect(Audience.percentiles([]) == [])
    }

    @Test func audienceWithinHops() throws {
        // 3 -> 2 -> 1 -> 0, 4 -> 0, 0 -> 3 (cycle back).
        let g = Self.layer(6, [(3, 2), (2, 1), (1, 0), (4, 0), (0, 3)])
        #expect(try Audience.within(g, of: 0, hops: 0) == [])
        #expect(try Audience.within(g, of: 0, hops: 1) == [1, 4])
        #expect(try Audience.within(g, of: 0, hops: 2) == [1, 2, 4])
        #expect(try Audience.within(g, of: 0, hops: 10) == [1, 2, 3, 4])
        #expect(try Audience.within(g, of: 5, hops: 3) == [])
    }

    @Test func audienceQualityAndFakeFollowers() {
        let g = Self.layer(4, [(1, 0), (2, 0), (3, 1)])
        let q = Audience.audienceQuality(g, pagerank: [0.4, 0.3, 0.2, 0.1])
        #expect(q[0] == .float((75.0 + 50) / 2) && q[1] == .float(25) && q[2] == .null)
        let f = Audience.fakeFollowers(g, suspicious: [false, true, false, false])
        #expect(f[0] == .float(0.5) && f[1] == .float(0) && f[3] == .null)
    }

    static func dataset(_ g: Layer, layers: [Layer] = []) -> Dataset {
        var h = HandleIndex()
        for i in 0..<g.nodeCount { _ = h.insert("a\(i)") }
        let t = Table(names: ["handle"], columns: [Column(.string(StringStore((0..<g.nodeCount).map { "a\($0)" })))])
        return Dataset(accounts: t, handles: h, follows: g, layers: layers, origin: "test")
    }
}
