import QQData
import Testing
import QQMetrics

/// Every metric against NetworkX's values (`scripts/metric-reference`), to 1e-6.
/// Scores that sum to 1 (PageRank, HITS) are compared after scaling by n, so the
/// 1e-6 holds relative to the average score rather than to 1.
@Suite struct ReferenceTests {
    static let graphs = ["karate", "florentine", "lesmis", "gen1k", "gen3k", "gen50k"]

    /// What qq computes for fixture column `name` (nil for input-only columns).
    static func compute(_ name: String, _ f: Fixture, _ ds: Dataset, suspicious: Column) throws -> [Double?]? {
        var s = Settings()
        var metric = name, layer: String? = nil
        switch name {
        case "id", "handle", "nx_community", "posts", "suspicious": return nil
        case "pagerank_tight": metric = "pagerank"; s.tolerance = 1e-10; s.maxIterations = 1000
        case "hub_svd", "authority_svd": metric = String(name.dropLast(4)); s.tolerance = 1e-10; s.maxIterations = 1000
        default:
            for prefix in ["received_", "sent_", "pagerank_"] where name.hasPrefix(prefix) {
                metric = String(prefix.dropLast()); layer = String(name.dropFirst(prefix.count))
            }
        }
        let out = try MetricEngine.compute(metric, layer: layer, dataset: ds, settings: s) { (dep) throws(Diagnostic) -> Column in
            if dep == "suspicious" { return suspicious }
            return try MetricEngine.compute(dep, dataset: ds, settings: Settings()) { _ throws(Diagnostic) in
                throw Diagnostic(.internal, "nested dependency")
            }.column
        }
        return doubles(out.column)
    }

    /// Absolute tolerance for column `name` on a graph of `n` accounts.
    static func tolerance(_ name: String, _ n: Int) -> Double {
        if name.hasPrefix("pagerank") || name.hasPrefix("hub") || name.hasPrefix("authority") { return 1e-6 / Double(n) }
        if name == "betweenness" { return 1e-9 }
        return 1e-6
    }

    /// The suspicious flags: the fixture's test rule (classic graphs) or the default rule.
    static func suspicious(_ f: Fixture, _ ds: Dataset) -> Column {
        let n = ds.accountCount
        if f.summary["generator"] == nil {
            return Column(.bool(f.column("suspicious").map { $0 == 1 }))
        }
        let fol = Degree.followers(ds.follows), fing = Degree.following(ds.follows), ratio = Degree.ratio(ds.follows)
        guard case .int(let posts) = ds.accounts.column("posts")!.storage else { fatalError("posts") }
        return Column(.bool((0..<n).map { v in (fing[v] >= 50 && ratio[v] <= 0.02) || posts[v] == 0 || fol[v] < 0 }))
    }

    @Test(arguments: graphs)
    func everyMetricMatchesNetworkX(_ graph: String) throws {
        let f = try Fixture(graph)
        let ds = try f.dataset()
        let n = ds.accountCount
        #expect(ds.follows.edgeCount == Int(f.summary["follow_edges"]!)!)
        for l in ds.layers { #expect(l.edgeCount == Int(f.summary["edges_\(l.name)"]!)!, "\(l.name) edges") }
        let susp = Self.suspicious(f, ds)
        var checked = 0
        for name in f.columns.keys.sorted() {
            let expected = f.column(name)
            let all: [Double?]
            if name == "suspicious" {
                all = (0..<n).map { susp[$0] == .bool(true) ? 1 : 0 }
            } else if let got = try Self.compute(name, f, ds, suspicious: susp) {
                all = got
            } else { continue }
            #expect(all.count == n, "\(name) has one value per account")
            let tol = Self.tolerance(name, n)
            var bad = 0
            for (i, id) in f.ids.enumerated() {
                let e = expected[i], a = all[id]
                let ok = (e == nil && a == nil) || (e != nil && a != nil && abs(e! - a!) <= tol)
                if !ok {
                    bad += 1
                    if bad <= 3 { Issue.record("\(graph) \(name)[\(id)]: qq \(String(describing: a)), NetworkX \(String(describing: e))") }
                }
            }
            // Over all accounts: the sum and the null count.
            if let sum = f.number("sum_\(name)") {
                let mine = all.reduce(0.0) { $0 + ($1 ?? 0) }
                #expect(abs(mine - sum) <= 1e-8 * max(1, abs(sum)), "\(graph) Σ\(name): qq \(mine), NetworkX \(sum)")
                #expect(all.filter { $0 == nil }.count == Int(f.summary["nulls_\(name)"]!)!, "\(graph) nulls in \(name)")
            }
            checked += 1
        }
        #expect(checked >= 20, "\(graph): \(checked) columns checked")
    }

    @Test(arguments: graphs)
    func louvainModularityAtLeastNetworkX(_ graph: String) throws {
        let f = try Fixture(graph)
        let ds = try f.dataset()
        let seed = UInt64(f.summary["louvain_seed"]!)!
        let r = try Louvain.compute(ds.follows, seed: seed)
        let q = try Modularity.compute(ds.follows, community: r.community)
        #expect(abs(q - r.modularity) < 1e-9)
        let nxq = f.number("louvain_modularity")!
        #expect(q >= nxq - 0.01, "\(graph): qq modularity \(q), NetworkX louvain \(nxq)")
        // The modularity function itself agrees with NetworkX on NetworkX's own partition.
        if f.has("nx_community") {
            let partition = f.column("nx_community").map { Int64($0!) }
            #expect(abs(try Modularity.compute(ds.follows, community: partition) - nxq) < 1e-9)
        }
        // Same seed, same partition (checked on the smaller graphs to keep debug runs short).
        if ds.accountCount <= 5000 { #expect(try Louvain.compute(ds.follows, seed: seed).community == r.community) }
    }

    @Test(arguments: graphs)
    func audienceAndOverlapMatchNetworkX(_ graph: String) throws {
        let f = try Fixture(graph)
        let ds = try f.dataset()
        var probes = 0
        for (key, value) in f.summary where key.hasPrefix("audience_") && key.hasSuffix("_count") {
            let parts = key.split(separator: "_")
            let a = UInt32(parts[1])!, k = Int(parts[2])!
            let ids = try Audience.within(ds.follows, of: a, hops: k)
            #expect(ids.count == Int(value)!, "\(graph) \(key)")
            #expect(ids.reduce(0) { $0 + Int($1) } == Int(f.summary["audience_\(a)_\(k)_idsum"]!)!)
            #expect(ids == ids.sorted() && !ids.contains(a))
            probes += 1
        }
        for (key, value) in f.summary where key.hasPrefix("overlap_") {
            let parts = key.split(separator: "_")
            let got = Audience.overlap(ds.follows, UInt32(parts[1])!, UInt32(parts[2])!)
            if value.isEmpty { #expect(got == nil, "\(graph) \(key)") } else {
                #expect(got != nil && abs(got! - Double(value)!) < 1e-12, "\(graph) \(key)")
            }
            probes += 1
        }
        #expect(probes >= 15)
    }
}
