import Foundation
import QQData
import Testing
import QQMetrics

/// The graph of one layer, the per-layer metric entry point, ARI/NMI against
/// scikit-learn's values (`Fixtures/partitions/cases.csv`), and layer statistics on
/// small graphs worked by hand.
@Suite struct LayerGraphTests {
    static func layer(_ n: Int, _ edges: [(UInt32, UInt32)], weights: [Double]? = nil, name: String = "repost") -> Layer {
        CSRBuilder.build(name: name, nodeCount: n, src: edges.map(\.0), dst: edges.map(\.1),
                         weights: weights ?? edges.map { _ in 1 })
    }

    @Test func membersAreTheAccountsWithAnEdge() throws {
        // 0 -> 1 twice (weights add), 2 -> 2 only (dropped at load), 3 -> 1, 4 untouched, 5 <- 3.
        let l = Self.layer(6, [(0, 1), (0, 1), (2, 2), (3, 1), (3, 5)], weights: [2, 3, 7, 1, 1])
        let g = LayerGraph(l, accountCount: 6)
        #expect(g.members == [0, 1, 3, 5] && g.count == 4)
        #expect(g.node(of: 3) == 2 && g.node(of: 2) == nil && g.node(of: 4) == nil && g.node(of: -1) == nil && g.node(of: 99) == nil)
        #expect(!g.layer.weighted && g.layer.out.weights == nil && g.layer.edgeCount == 3)
        #expect(Array(g.layer.out.neighbors(2)) == [1, 3] && Array(g.layer.inn.neighbors(1)) == [0, 2])
        let k = try LayerMetrics.kcore(g)
        #expect(k.nullCount == 2 && k.isNull(2) && k.isNull(4))
        #expect((0..<6).map { k.double($0) } == [1, 1, nil, 1, nil, 1])
        // HITS over the layer's accounts only: authorities 1 (two in-edges) and 5.
        let h = try LayerMetrics.hits(g, tolerance: 1e-12, maxIterations: 1000)
        #expect(h.authority.isNull(4) && abs((0..<6).compactMap { h.authority.double($0) }.reduce(0, +) - 1) < 1e-12)
    }

    @Test func shortLayersAndEveryAccountPresent() throws {
        // A layer with fewer nodes than accounts reads as padded.
        let l = Self.layer(3, [(0, 1), (1, 2), (2, 0)])
        let g = LayerGraph(l, accountCount: 5)
        #expect(g.members == [0, 1, 2])
        let c = try LayerMetrics.clustering(g)
        #expect(c.count == 5 && c.nullCount == 2)
        // When every account has an edge, columns carry no validity bitmap.
        let full = LayerGraph(l, accountCount: 3)
        let fullColumn = try LayerMetrics.clustering(full)
        #expect(full.validity() == nil && fullColumn.valid == nil)
        // Edges to nodes beyond the accounts are ignored.
        let cut = LayerGraph(l, accountCount: 2)
        #expect(cut.members == [0, 1] && cut.layer.edgeCount == 1)
        // An edgeless layer: every account null, no node.
        let none = LayerGraph(.empty(name: "r", nodeCount: 4, weighted: true), accountCount: 4)
        #expect(none.count == 0)
        for name in LayerMetrics.Kind.allCases {
            let out = try LayerMetrics.compute(name, layer: .empty(name: "r", nodeCount: 4, weighted: true),
                                               accountCount: 4, settings: Settings())
            #expect(out.column.count == 4 && out.column.nullCount == 4, "\(name)")
        }
    }

    @Test func computeDispatchesAndReports() throws {
        let l = Self.layer(5, [(0, 1), (1, 2), (2, 0), (3, 4)])
        var s = Settings()
        let c = try LayerMetrics.compute(.community, layer: l, accountCount: 6, settings: s)
        #expect(c.modularity != nil && c.column.isNull(5) && c.column.double(0) == 0 && c.column.double(3) == 1)
        s.tolerance = 1e-15; s.maxIterations = 1
        let h = try LayerMetrics.compute(.hub, layer: Self.layer(4, [(0, 1), (1, 2), (2, 3), (3, 1), (0, 2)]),
                                         accountCount: 4, settings: s)
        #expect(h.notes.first?.contains("did not converge") == true)
        s = Settings(); s.betweennessExactLimit = 2; s.betweennessSamples = 2
        let b = try LayerMetrics.compute(.betweenness, layer: l, accountCount: 6, settings: s)
        #expect(b.notes.first?.contains("approximate") == true)
    }

    /// Every case of the fixture: degenerate partitions and LCG-generated label pairs.
    @Test func ariAndNmiMatchScikitLearn() throws {
        let rows = try Fixture.lines(Fixture.directory.appendingPathComponent("partitions/cases.csv")).dropFirst()
        #expect(rows.count >= 15)
        for r in rows {
            let a = r[3].split(separator: " ").map { Int64($0)! }, b = r[4].split(separator: " ").map { Int64($0)! }
            let ari = PartitionAgreement.ari(a, b), nmi = PartitionAgreement.nmi(a, b)
            #expect(abs(ari - Double(r[1])!) <= 1e-12, "\(r[0]) ari: qq \(ari), scikit-learn \(r[1])")
            #expect(abs(nmi - Double(r[2])!) <= 1e-12, "\(r[0]) nmi: qq \(nmi), scikit-learn \(r[2])")
        }
    }

    /// ARI from pairs counted one by one (Hubert & Arabie's form) and NMI from the
    /// textbook sums, on seeded random labelings: a verifier by another method.
    @Test func agreementByBruteForce() {
        var rng = SplitMix64(seed: 5)
        for trial in 0..<40 {
            let n = 2 + Int(rng.next() % 60), ka = 1 + rng.next() % 6, kb = 1 + rng.next() % 9
            let a = (0..<n).map { _ in Int64(rng.next() % ka) }, b = (0..<n).map { _ in Int64(rng.next() % kb) }
            var both = 0.0, inA = 0.0, inB = 0.0
            for i in 0..<n {
                for j in (i + 1)..<n {
                    let sa = a[i] == a[j], sb = b[i] == b[j]
                    if sa { inA += 1 }
                    if sb { inB += 1 }
                    if sa && sb { both += 1 }
                }
            }
            let pairs = Double(n * (n - 1) / 2), expected = inA * inB / pairs
            let maxIndex = (inA + inB) / 2
            let ari = maxIndex == expected ? 1 : (both - expected) / (maxIndex - expected)
            #expect(abs(PartitionAgreement.ari(a, b) - ari) < 1e-12, "trial \(trial)")
            // NMI = I(a; b) / ((H(a) + H(b)) / 2) with probabilities from counts.
            var joint: [Int64: Double] = [:], pa: [Int64: Double] = [:], pb: [Int64: Double] = [:]
            for i in 0..<n {
                joint[a[i] * 100 + b[i], default: 0] += 1; pa[a[i], default: 0] += 1; pb[b[i], default: 0] += 1
            }
            let total = Double(n)
            var mi = 0.0
            for (key, c) in joint {
                let x = pa[key / 100]!, y = pb[key % 100]!
                mi += c / total * log(c * total / (x * y))
            }
            let h = { (d: [Int64: Double]) in -d.values.reduce(0.0) { $0 + $1 / total * log($1 / total) } }
            let nmi: Double
            if pa.count == 1 && pb.count == 1 { nmi = 1 } else if mi < 1e-15 { nmi = 0 } else { nmi = mi / ((h(pa) + h(pb)) / 2) }
            #expect(abs(PartitionAgreement.nmi(a, b) - nmi) < 1e-12, "trial \(trial)")
        }
    }

    @Test func agreementSkipsNullsAndIgnoresLabelValues() {
        let a: [Int64?] = [0, 0, nil, 1, 1, 2]
        let b: [Int64?] = [5, 5, 9, nil, 7, 7]
        #expect(PartitionAgreement.ari(a, b) == PartitionAgreement.ari([0, 0, 1, 2], [5, 5, 7, 7]))
        #expect(PartitionAgreement.nmi(a, b) == PartitionAgreement.nmi([0, 0, 1, 2], [5, 5, 7, 7]))
        #expect(PartitionAgreement.ari([1, 1, 2], [Int64.min, Int64.min, Int64.max]) == 1)
        // Large enough that products of pair counts overflow 64 bits (values from
        // scikit-learn: x = i mod 3, y = i mod 6 except 0 where 7 divides i).
        let n = 120_000
        let x = (0..<n).map { Int64($0 % 3) }, y = (0..<n).map { Int64($0 % 7 == 0 ? 0 : $0 % 6) }
        #expect(abs(PartitionAgreement.ari(x, y) - 0.41378711823701564) <= 1e-12)
        #expect(abs(PartitionAgreement.nmi(x, y) - 0.5977521338422768) <= 1e-12)
    }

    @Test func layerStatisticsByHand() {
        // 0 <-> 1 reciprocated, 1 -> 2, 2 -> 2 dropped, 3 untouched; weights 2+1, 4, 1, 5.
        let l = Self.layer(4, [(0, 1), (1, 0), (1, 2), (0, 1), (2, 2)], weights: [2, 4, 1, 1, 5])
        let s = LayerStatistics(l)
        #expect(s.layer == "repost" && s.accounts == 3 && s.edges == 3 && s.weight == 8)
        #expect(s.reciprocity == 2.0 / 3.0 && s.density == 3.0 / 6.0)
        let e = LayerStatistics(.empty(name: "mention", nodeCount: 3, weighted: true))
        #expect(e.accounts == 0 && e.edges == 0 && e.reciprocity == nil && e.density == 0)
    }
}
