import QQData
import Testing
import QQMetrics

/// Each big kernel checked by a different method (GAP habit): dense matrices,
/// naive peeling, brute-force triangles and path counting.
@Suite struct VerifierTests {
    /// A small random directed graph with dangling and isolated accounts.
    static func random(_ n: Int, _ m: Int, seed: UInt64, weighted: Bool = false) -> Layer {
        var rng = SplitMix64(seed: seed)
        var s: [UInt32] = [], d: [UInt32] = [], w: [Double] = []
        for _ in 0..<m {
            s.append(UInt32(rng.below(n * 3 / 4)))
            d.append(UInt32(rng.below(n * 9 / 10)))
            w.append(Double(1 + rng.below(4)))
        }
        return CSRBuilder.build(name: weighted ? "w" : "follow", nodeCount: n, src: s, dst: d, weights: weighted ? w : nil)
    }

    static let graphs: [Layer] = [random(300, 1500, seed: 1), random(500, 6000, seed: 2),
                                  GeneratedRows(n: 1000, rows: 8000, seed: 11).build().follows]

    /// Adjacency row sets.
    static func sets(_ g: Layer) -> (out: [Set<Int>], inn: [Set<Int>], und: [Set<Int>]) {
        let n = g.nodeCount
        let out = (0..<n).map { Set(g.out.neighbors($0).map(Int.init)) }
        let inn = (0..<n).map { Set(g.inn.neighbors($0).map(Int.init)) }
        return (out, inn, (0..<n).map { out[$0].union(inn[$0]) })
    }

    @Test(arguments: [false, true])
    func pageRankEqualsDensePowerIteration(weighted: Bool) throws {
        let g = Self.random(200, 1200, seed: 5, weighted: weighted)
        let n = g.nodeCount
        // Dense row-stochastic matrix; dangling rows spread uniformly.
        var a = [[Double]](repeating: [Double](repeating: 0, count: n), count: n)
        for u in 0..<n {
            let total = g.out.strength(u)
            for k in g.out.offsets[u]..<g.out.offsets[u + 1] {
                a[u][Int(g.out.targets[k])] = (weighted ? g.out.weights![k] : 1) / total
            }
            if g.out.degree(u) == 0 { a[u] = [Double](repeating: 1 / Double(n), count: n) }
        }
        var x = [Double](repeating: 1 / Double(n), count: n)
        for _ in 0..<300 {
            var y = [Double](repeating: 0.15 / Double(n), count: n)
            for u in 0..<n where x[u] != 0 { for v in 0..<n { y[v] += 0.85 * x[u] * a[u][v] } }
            x = y
        }
        let r = try PageRank.compute(g, tolerance: 1e-15, maxIterations: 1000, weighted: weighted)
        for v in 0..<n { #expect(abs(r.scores[v] - x[v]) < 1e-12) }
        #expect(abs(r.scores.reduce(0, +) - 1) < 1e-12)
    }

    @Test func hitsEqualsDenseEigenvector() throws {
        let g = Self.random(150, 900, seed: 9)
        let n = g.nodeCount
        let (out, _, _) = Self.sets(g)
        // Authorities: principal eigenvector of AᵀA by dense power iteration.
        var m = [[Double]](repeating: [Double](repeating: 0, count: n), count: n)
        for u in 0..<n { for v in out[u] { for w in out[u] { m[v][w] += 1 } } }
        var a = [Double](repeating: 1, count: n)
        for _ in 0..<2000 {
            var b = [Double](repeating: 0, count: n)
            for i in 0..<n { for j in 0..<n where m[i][j] != 0 { b[i] += m[i][j] * a[j] } }
            let s = b.reduce(0, +)
            a = b.map { $0 / s }
        }
        var h = [Double](repeating: 0, count: n)
        for u in 0..<n { for v in out[u] { h[u] += a[v] } }
        let hs = h.reduce(0, +)
        h = h.map { $0 / hs }
        let r = try HITS.compute(g, tolerance: 1e-13, maxIterations: 5000)
        #expect(r.converged)
        for v in 0..<n {
            #expect(abs(r.authorities[v] - a[v]) < 1e-9)
            #expect(abs(r.hubs[v] - h[v]) < 1e-9)
        }
    }

    @Test(arguments: graphs)
    func coreNumbersEqualNaivePeeling(_ g: Layer) throws {
        let und = Self.sets(g).und
        let n = g.nodeCount
        // core(v) = largest k whose k-core (repeatedly delete nodes of degree < k) holds v.
        var core = [Int64](repeating: 0, count: n)
        var k = 1
        while true {
            var alive = [Bool](repeating: true, count: n)
            var changed = true
            while changed {
                changed = false
                for v in 0..<n where alive[v] && und[v].filter({ alive[$0] }).count < k { alive[v] = false; changed = true }
            }
            if !alive.contains(true) { break }
            for v in 0..<n where alive[v] { core[v] = Int64(k) }
            k += 1
        }
        #expect(try CoreNumber.compute(g) == core)
        #expect(try CoreNumber.compute(undirected: Undirected.csr(of: g)) == core)
    }

    @Test(arguments: graphs)
    func clusteringEqualsBruteForceTriangles(_ g: Layer) throws {
        let und = Self.sets(g).und
        let c = try Clustering.compute(g)
        for v in 0..<g.nodeCount {
            let nb = Array(und[v])
            var t = 0
            for i in 0..<nb.count { for j in (i + 1)..<max(nb.count, i + 1) where und[nb[i]].contains(nb[j]) { t += 1 } }
            let d = nb.count
            let expected = d < 2 ? 0 : Double(2 * t) / Double(d * (d - 1))
            #expect(abs(c[v] - expected) < 1e-15)
        }
    }

    @Test func undirectedViewIsTheUnionOfBothDirections() throws {
        for g in Self.graphs {
            let u = try Undirected.csr(of: g)
            let und = Self.sets(g).und
            for v in 0..<g.nodeCount { #expect(Array(u.neighbors(v)).map(Int.init) == und[v].sorted()) }
        }
    }

    @Test(arguments: [(40, 120, 3), (60, 300, 4), (80, 200, 6)])
    func betweennessEqualsAllPairsPathCounting(_ n: Int, _ m: Int, _ seed: Int) throws {
        let g = Self.random(n, m, seed: UInt64(seed))
        let out = Self.sets(g).out
        // BFS distance and path count from every source.
        var dist = [[Int]](), sigma = [[Double]]()
        for s in 0..<n {
            var d = [Int](repeating: -1, count: n), c = [Double](repeating: 0, count: n)
            d[s] = 0; c[s] = 1
            var queue = [s], head = 0
            while head < queue.count {
                let v = queue[head]; head += 1
                for w in out[v].sorted() {
                    if d[w] < 0 { d[w] = d[v] + 1; queue.append(w) }
                    if d[w] == d[v] + 1 { c[w] += c[v] }
                }
            }
            dist.append(d); sigma.append(c)
        }
        var b = [Double](repeating: 0, count: n)
        for s in 0..<n { for t in 0..<n where s != t && dist[s][t] > 0 {
            for v in 0..<n where v != s && v != t && dist[s][v] > 0 && dist[v][t] > 0 && dist[s][v] + dist[v][t] == dist[s][t] {
                b[v] += sigma[s][v] * sigma[v][t] / sigma[s][t]
            }
        } }
        let scale = 1.0 / Double((n - 1) * (n - 2))
        let r = try Betweenness.compute(g)
        #expect(!r.approximate)
        for v in 0..<n { #expect(abs(r.scores[v] - b[v] * scale) < 1e-12) }
        // Sampling every source is the exact computation.
        let all = try Betweenness.compute(g, exactLimit: 0, samples: n, seed: 3)
        #expect(!all.approximate)
        for v in 0..<n { #expect(abs(all.scores[v] - r.scores[v]) < 1e-12) }
    }

    @Test func sampledBetweennessIsSeededAndUnbiasedOnAverage() throws {
        let g = Self.random(120, 700, seed: 8)
        let exact = try Betweenness.compute(g).scores
        let a = try Betweenness.compute(g, exactLimit: 10, samples: 30, seed: 1)
        let b = try Betweenness.compute(g, exactLimit: 10, samples: 30, seed: 1)
        let c = try Betweenness.compute(g, exactLimit: 10, samples: 30, seed: 2)
        #expect(a.approximate && a.scores == b.scores && a.scores != c.scores)
        // The mean estimate over many seeds approaches the exact total.
        var total = 0.0
        for seed in 0..<200 { total += try Betweenness.compute(g, exactLimit: 10, samples: 30, seed: UInt64(seed)).scores.reduce(0, +) }
        let mean = total / 200, want = exact.reduce(0, +)
        #expect(abs(mean - want) < 0.05 * want, "mean of estimates \(mean), exact \(want)")
    }

    @Test func louvainFindsPlantedCommunities() throws {
        // Four 8-cliques joined in a ring by single edges.
        var s: [UInt32] = [], d: [UInt32] = []
        for c in 0..<4 {
            for i in 0..<8 { for j in 0..<8 where i != j { s.append(UInt32(c * 8 + i)); d.append(UInt32(c * 8 + j)) } }
            s.append(UInt32(c * 8)); d.append(UInt32(((c + 1) % 4) * 8 + 1))
        }
        let g = CSRBuilder.build(name: "follow", nodeCount: 33, src: s, dst: d)
        for seed in [UInt64(0), 1, 7] {
            let r = try Louvain.compute(g, seed: seed)
            for c in 0..<4 { #expect(Set(r.community[(c * 8)..<(c * 8 + 8)]).count == 1) }
            #expect(Set(r.community[0..<32]).count == 4)
            #expect(r.community[0] == 0 && r.community[32] == 4, "ids by first appearance; the isolated account alone")
            #expect(abs(r.modularity - (try Modularity.compute(g, community: r.community))) < 1e-12)
        }
    }
}
