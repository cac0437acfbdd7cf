import QQData
import Testing
import QQMetrics

/// The registry lists SPEC §5 in order, and the engine computes each entry with the type it declares.
@Suite struct RegistryTests {
    static let spec = ["followers", "following", "ratio", "mutuals", "reciprocity", "interactions", "engagement",
                       "dialogue", "pagerank", "authority", "hub", "kcore", "clustering", "betweenness", "community",
                       "suspicious", "fake_followers", "audience_quality"]

    @Test func everySpecColumnInSpecOrder() {
        #expect(MetricRegistry.all.map(\.name) == Self.spec)
        for m in MetricRegistry.all + MetricRegistry.functions {
            #expect(!m.summary.isEmpty && !m.definition.isEmpty && !m.networkx.isEmpty, "\(m.name)")
            for d in m.dependsOn { #expect(Self.spec.contains(d)) }
        }
        #expect(MetricRegistry.definition("received")?.layer == .required)
    }

    @Test func settingsInvalidateExactlyTheirMetrics() {
        #expect(MetricRegistry.invalidated(bySetting: "damping") == ["pagerank", "audience_quality"])
        #expect(MetricRegistry.invalidated(bySetting: "tolerance") == ["pagerank", "authority", "hub", "audience_quality"])
        #expect(MetricRegistry.invalidated(bySetting: "seed") == ["betweenness", "community"])
        #expect(MetricRegistry.invalidated(bySetting: "suspicious") == ["suspicious", "fake_followers"])
        #expect(MetricRegistry.invalidated(bySetting: "rows") == [])
    }

    @Test func suspiciousRulesNameTheirSource() {
        #expect(MetricRegistry.defaultSuspiciousRule.contains("posts == 0"))
        #expect(!MetricRegistry.defaultSuspiciousRuleWithoutPosts.contains("posts"))
        #expect(MetricRegistry.suspiciousHelp.contains("Cresci"))
    }

    @Test func engineComputesEveryColumnWithItsDeclaredType() throws {
        let rows = GeneratedRows(n: 300, rows: 2000, seed: 4)
        let built = rows.build()
        var h = HandleIndex()
        for i in 0..<rows.n { _ = h.insert("a\(i)") }
        let t = Table(names: ["handle"], columns: [Column(.string(StringStore((0..<rows.n).map { "a\($0)" })))])
        let ds = Dataset(accounts: t, handles: h, follows: built.follows, layers: built.layers, origin: "test")
        let flags = Column(.bool((0..<rows.n).map { $0 % 3 == 0 }))
        for m in MetricRegistry.all where m.name != "suspicious" {
            let out = try MetricEngine.compute(m.name, dataset: ds, settings: Settings()) { (dep) throws(Diagnostic) -> Column in
                if dep == "suspicious" { return flags }
                return try MetricEngine.compute(dep, dataset: ds, settings: Settings()) { _ throws(Diagnostic) in flags }.column
            }
            #expect(out.column.count == rows.n, "\(m.name)")
            #expect(out.column.type == m.type, "\(m.name)")
            if !m.nullable { #expect(out.column.nullCount == 0, "\(m.name)") }
        }
        for f in ["received", "sent", "pagerank"] {
            #expect(try MetricEngine.compute(f, layer: "repost", dataset: ds, settings: Settings()) { _ throws(Diagnostic) in flags }.column.count == rows.n)
        }
        #expect(throws: Diagnostic.self) {
            try MetricEngine.compute("received", layer: "nope", dataset: ds, settings: Settings()) { _ throws(Diagnostic) in flags }
        }
        #expect(throws: Diagnostic.self) {
            try MetricEngine.compute("fame", dataset: ds, settings: Settings()) { _ throws(Diagnostic) in flags }
        }
    }
}
