import QQData
import QQIO
import QQMetrics
import QQSemantic
import QQSyntax
import Testing
@testable import QQSpark

// The translation of plans into Spark SQL, without a server: what it refuses, and the
// order and null rules it writes into every query (SPEC §12).

private func plan(_ text: String) throws -> LogicalPlan {
    let ds = try Generator.generate(accounts: 50, follows: 200, seed: 3, progress: NoProgress())
    let binder = Binder(env: BindEnvironment(dataset: ds, scope: [:]))
    guard case .relation(let p, _) = try binder.bindStatementExpression(try Parser.parseExpression(text)) else {
        throw Diagnostic(.internal, "not a pipeline")
    }
    return p
}

private func sql(_ text: String) throws -> String {
    let p = try plan(text)
    var sources = SQLSources(accountColumns: ["handle", "posts", "joined", "verified", "lang"])
    for m in PlanSQL.metrics(plan: p) { sources.metrics[m] = SparkMetrics.view(m) }
    return try PlanSQL(sources: sources).query(p)
}

@Suite struct PlanSQLTests {
    @Test func supportedPipelinesTranslate() throws {
        for text in ["accounts | where posts > 10 | select handle, posts",
                     "accounts | extend r = followers / following | top 5 by r",
                     "accounts | summarize count(), avg(posts) by lang",
                     "accounts | distinct lang | count",
                     "follows | where src.followers > dst.followers | take 3",
                     "accounts | sort lang desc, handle | skip 2 | take 2"] {
            let q = try sql(text)
            #expect(q.hasPrefix("SELECT"), "\(text)")
        }
    }

    @Test func ordersAreStableAndNullsLast() throws {
        let q = try sql("accounts | sort posts desc")
        #expect(q.contains("ORDER BY _qq_k0 DESC NULLS LAST, _qq_ord"))
        #expect(q.hasSuffix("ORDER BY _qq_ord"))
        let g = try sql("accounts | summarize count() by lang")
        #expect(g.contains("min(_qq_ord) AS _qq_ord") && g.contains("GROUP BY _qq_g0"))
    }

    @Test func divisionByZeroIsNull() throws {
        let q = try sql("accounts | select posts / followers, posts % 3")
        #expect(q.contains("try_divide("))
        #expect(q.contains("= 0 THEN NULL ELSE"))
    }

    @Test func metricsJoinTheirViews() throws {
        let q = try sql("accounts | select handle, pagerank, mutuals")
        #expect(q.contains("qq_metric_pagerank") && q.contains("qq_metric_mutuals"))
    }

    @Test func textIsQuoted() {
        #expect(SQLText.string("it's \\ done") == "'it\\'s \\\\ done'")
        #expect(SQLText.quote("a`b") == "`a``b`")
        #expect(SQLText.literal(.float(.nan)) == "CAST('NaN' AS DOUBLE)")
    }

    @Test func unsupportedConstructsNameThemselves() throws {
        for (text, name) in [("accounts | sample 5 seed 1", "'sample'"),
                             ("accounts | select handle, clustering", "clustering"),
                             ("accounts | where handle matches \"^a\"", "'matches'"),
                             ("accounts | compare", "'compare'"),
                             ("interactions", "interactions"),
                             ("layers", "layers"),
                             ("accounts | top 2 by posts per lang", "'top … per'"),
                             ("accounts | join (follows | select src, dst) on handle = src", "'join'"),
                             ("accounts | select handle, trim(lang)", "trim()"),
                             ("accounts | where lang in (accounts | select lang)", "'in (PIPELINE)'")] {
            guard let p = try? plan(text) else { continue }
            var sources = SQLSources(accountColumns: ["handle", "posts", "joined", "verified", "lang"])
            for m in PlanSQL.metrics(plan: p) where SparkMetrics.kind(m) != nil { sources.metrics[m] = SparkMetrics.view(m) }
            #expect {
                _ = try PlanSQL(sources: sources).query(p)
            } throws: { error in
                let m = (error as? Diagnostic)?.message ?? ""
                return m.contains("is not available on the Spark engine") && m.contains(name)
            }
        }
    }

    @Test func supportedMetricsAreRegistryMetrics() {
        for name in SparkMetrics.supported.keys {
            #expect(MetricID(name) != nil, "\(name)")
        }
        #expect(SparkMetrics.kind(MetricID("clustering")!) == nil)
    }

    @Test func addresses() throws {
        #expect(try SparkAddress(parsing: "sc://127.0.0.1:15003") == SparkAddress(host: "127.0.0.1", port: 15003))
        #expect(try SparkAddress(parsing: "sc://spark.example/;user_id=a").port == 15002)
        #expect(try SparkAddress(parsing: "sc://[::1]:7").description == "sc://[::1]:7")
        #expect(throws: Diagnostic.self) { try SparkAddress(parsing: "http://x:1") }
        #expect(throws: Diagnostic.self) { try SparkAddress(parsing: "sc://x:99999") }
        #expect(throws: Diagnostic.self) { try SparkAddress(parsing: "sc://x;rm:1") }
    }
}
