import QQData
import Testing
@testable import QQSession
@testable import QQEngine
@testable import QQSemantic
@testable import QQSyntax

@Suite("Help registry")
struct HelpRegistryTests {
    /// Everything SPEC §3–§6 names, by category.
    static let required: [(HelpTopic.Category, [String])] = [
        (.statement, Keywords.statements),
        (.stage, Keywords.stages),
        (.source, ["accounts", "follows", "interactions", "followers", "following", "mutuals", "common_followers", "audience"]),
        (.function, ["abs", "round", "floor", "ceil", "sqrt", "ln", "log10", "exp", "pow", "min", "max", "coalesce",
                     "lower", "upper", "len", "str", "days_since", "if", "date", "percentile", "zscore"]),
        (.aggregate, ["count", "count_distinct", "sum", "avg", "median", "min", "max", "stddev", "quantile"]),
        (.graphFunction, ["overlap", "received", "sent", "pagerank"]),
        (.metric, ["followers", "following", "ratio", "mutuals", "reciprocity", "interactions", "engagement", "dialogue",
                   "pagerank", "authority", "hub", "kcore", "clustering", "betweenness", "community", "suspicious",
                   "fake_followers", "audience_quality"]),
        (.setting, ["damping", "max_iterations", "tolerance", "suspicious", "betweenness_exact_limit",
                    "betweenness_samples", "seed", "rows", "format"]),
        (.dotCommand, [".help", ".quit", ".timer", ".format", ".rows", ".history", ".schema", ".tutorial", ".run"]),
    ]

    @Test("every name of the SPEC has a topic with summary, syntax and an example")
    func coverage() {
        for (category, names) in HelpRegistryTests.required {
            for name in names {
                let t = HelpRegistry.lookupAll(name).first { $0.category == category }
                #expect(t != nil, "no \(category.rawValue) topic '\(name)'")
                guard let t else { continue }
                #expect(!t.summary.isEmpty && !t.syntax.isEmpty && !t.examples.isEmpty, "topic '\(name)' is incomplete")
            }
        }
    }

    @Test("names are unique within a category")
    func unique() {
        for c in HelpTopic.Category.allCases {
            let names = HelpRegistry.topics(in: c).map(\.name)
            #expect(Set(names).count == names.count, "duplicate names in \(c.rawValue)")
        }
    }

    @Test("every qq example parses", arguments: HelpRegistry.topics.filter { $0.category != .dotCommand })
    func examplesParse(_ topic: HelpTopic) {
        for e in topic.examples {
            let r = Parser.parse(e.code)
            #expect(r.firstError == nil, "help \(topic.name): \(e.code): \(r.firstError?.message ?? "")")
        }
    }

    @Test("see-also entries name topics")
    func seeAlso() {
        for t in HelpRegistry.topics {
            for s in t.seeAlso {
                #expect(!HelpRegistry.lookupAll(s).isEmpty || HelpRegistry.category(named: s) != nil,
                        "help \(t.name): see also '\(s)' is no topic")
            }
        }
    }

    @Test("lookup", arguments: [
        ("where", ["stage where"]),
        ("WHERE", ["stage where"]),
        ("count", ["stage count", "aggregate count"]),
        ("followers", ["source followers", "metric followers"]),
        ("pagerank(repost)", ["graph function pagerank", "metric pagerank"]),
        ("count()", ["stage count", "aggregate count"]),
        ("| top", ["stage top"]),
        ("==", ["language comparison"]),
        ("is null", ["language null"]),
        (".rows", ["dot-command .rows"]),
        ("rows", ["setting rows"]),
        ("load sample", ["statement load"]),
        ("suspicious", ["metric suspicious", "setting suspicious"]),
        ("nonsense", []),
    ])
    func lookup(_ query: String, _ expected: [String]) {
        #expect(HelpRegistry.lookupAll(query).map { "\($0.category.rawValue) \($0.name)" } == expected)
    }

    @Test("help alone lists every category")
    func index() throws {
        let text = try HelpRegistry.render(nil)
        for c in HelpTopic.Category.allCases { #expect(text.contains("\n" + c.title + " ")) }
        #expect(text.contains("where sort top"))
        for line in text.split(separator: "\n") { #expect(line.count <= 80) }
    }

    @Test("help where shows one topic")
    func one() throws {
        #expect(try HelpRegistry.render("where") == """
        where (stage): keep the rows where a condition is true

          … | where EXPR

        Rows where EXPR is false or null are dropped.

        Examples:
          accounts | where followers > 200
          accounts | where topic == "music" and not verified | count

        See also: comparison, logic

        """)
    }

    @Test("an unknown topic suggests a near one, or lists the topics that mention it")
    func unknown() throws {
        #expect(throws: Diagnostic.self) { try HelpRegistry.render("wher") }
        do {
            _ = try HelpRegistry.render("wher")
        } catch {
            #expect(error.message == "no help for 'wher'")
            #expect(error.hint == "did you mean 'where'?")
        }
        #expect(try HelpRegistry.render("louvain").hasPrefix("no topic 'louvain'; topics that mention it: community"))
    }

    @Test("help on a category lists its topics")
    func category() throws {
        let text = try HelpRegistry.render("metrics")
        #expect(text.hasPrefix("Metrics:\n  followers         accounts that follow it (in-degree)\n"))
        #expect(try HelpRegistry.render("graph functions").contains(#/  overlap +Jaccard similarity/#))
    }

    @Test("text wraps to the width")
    func wrap() {
        #expect(HelpText.wrap("aaa bbb ccc ddd", width: 8, indent: "  ") == "  aaa\n  bbb\n  ccc\n  ddd")
        #expect(HelpText.wrap("aaa bbb", width: 80, indent: "") == "aaa bbb")
    }
}
