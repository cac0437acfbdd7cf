#if Spark
import Foundation
import QQData
import QQIO
@testable import QQEngine
import QQMetrics
import QQSemantic
import QQSyntax
import QQSpark
import Testing

// The same pipelines on the local engine and on a live Spark Connect server give the
// same tables, ties and orders included (SPEC §12). The server comes from
// scripts/spark-server (scripts/test-spark starts it, runs these and stops it); without
// QQ_SPARK_URL these tests are skipped.

let sparkURL = ProcessInfo.processInfo.environment["QQ_SPARK_URL"]

/// One generated graph, saved as a CSV folder, loaded both locally and on Spark.
final class SparkFixture: @unchecked Sendable {
    let dir: String
    let dataset: Dataset
    let engine: SparkEngine
    let loaded: EngineDataset

    static let shared: Result<SparkFixture, Diagnostic> = {
        do throws(Diagnostic) { return .success(try SparkFixture()) } catch { return .failure(error) }
    }()

    init() throws(Diagnostic) {
        let parent = NSTemporaryDirectory() + "qq-spark-test-\(getpid())"
        do { try FileManager.default.createDirectory(atPath: parent, withIntermediateDirectories: true) } catch {
            throw Diagnostic(.io, "cannot create \(parent): \(error)")
        }
        dir = parent + "/data"
        // SPEC §2: generate, then `save "dir"` writes the folder `load` (and Spark) reads.
        let generated = try Generator.generate(accounts: 400, follows: 3000, seed: 7, progress: NoProgress())
        try Saver.save(generated, to: dir, overwrite: true)
        dataset = try Loader.load(path: dir, options: LoadOptions()).dataset
        engine = try SparkEngine(address: sparkURL ?? "sc://127.0.0.1:15002")
        loaded = try engine.load(dir)
    }

    /// The plan of a pipeline, bound against the local dataset.
    func plan(_ text: String) throws -> LogicalPlan {
        let binder = Binder(env: BindEnvironment(dataset: dataset, scope: [:]))
        guard case .relation(let plan, _) = try binder.bindStatementExpression(try Parser.parseExpression(text)) else {
            throw Diagnostic(.internal, "not a pipeline: \(text)")
        }
        return plan
    }

    func local(_ plan: LogicalPlan, _ settings: Settings) throws -> EngineResult {
        let rt = Runtime(dataset: dataset, today: 0, progress: NoProgress())
        rt.settings = settings
        switch try Executor(rt: rt).run(plan) {
        case .frame(let f): return .table(f.table())
        case .value(let v): return .value(v)
        default: throw Diagnostic(.internal, "no table")
        }
    }
}

func fixture() throws -> SparkFixture {
    switch SparkFixture.shared {
    case .success(let f): return f
    case .failure(let e): throw e
    }
}

/// Cells agree: equal, or floats within `tolerance` (absolute, and relative for large values).
func same(_ a: Value, _ b: Value, _ tolerance: Double) -> Bool {
    switch (a, b) {
    case (.float(let x), .float(let y)):
        if x.isNaN && y.isNaN { return true }
        return abs(x - y) <= tolerance * max(1, abs(x))
    default: return a == b
    }
}

func expectSameTables(_ text: String, tolerance: Double = 1e-9, settings: Settings = Settings(),
                      sourceLocation: SourceLocation = #_sourceLocation) throws {
    let f = try fixture()
    let plan = try f.plan(text)
    let local = try f.local(plan, settings)
    let spark = try f.engine.run(plan, settings: settings)
    switch (local, spark) {
    case (.value(let a), .value(let b)):
        #expect(same(a, b, tolerance), "\(text): local \(a), Spark \(b)", sourceLocation: sourceLocation)
    case (.table(let a), .table(let b)):
        #expect(a.names == b.names, "\(text): columns", sourceLocation: sourceLocation)
        #expect(a.rowCount == b.rowCount, "\(text): \(a.rowCount) rows locally, \(b.rowCount) on Spark", sourceLocation: sourceLocation)
        #expect(a.columns.map(\.type) == b.columns.map(\.type), "\(text): types", sourceLocation: sourceLocation)
        guard a.rowCount == b.rowCount, a.columnCount == b.columnCount else { return }
        var mismatches = 0
        for i in 0..<a.rowCount where mismatches < 3 {
            let x = a.row(i), y = b.row(i)
            if !zip(x, y).allSatisfy({ same($0, $1, tolerance) }) {
                mismatches += 1
                Issue.record("\(text): row \(i): local \(x), Spark \(y)", sourceLocation: sourceLocation)
            }
        }
    default:
        Issue.record("\(text): local \(local), Spark \(spark)", sourceLocation: sourceLocation)
    }
}

@Suite(.serialized, .enabled(if: sparkURL != nil, "set QQ_SPARK_URL=sc://HOST:PORT to run the Spark engine's tests (scripts/test-spark does)"))
struct SparkEngineTests {
    @Test func theLoadMatchesTheLocalDataset() throws {
        let f = try fixture()
        #expect(f.loaded.accountCount == f.dataset.accountCount)
        #expect(f.loaded.followCount == f.dataset.follows.edgeCount)
        #expect(f.loaded.accounts.map(\.name) == f.dataset.accounts.names)
        #expect(f.loaded.accounts.map(\.type) == f.dataset.accounts.columns.map(\.type))
        try expectSameTables("accounts")
        try expectSameTables("follows")
    }

    @Test func filterSelectExtend() throws {
        try expectSameTables("accounts | where posts > 50 and verified | select handle, posts, lang")
        try expectSameTables("accounts | extend per_day = posts / (posts % 7), big = posts >= 100 | where lang == \"en\" or lang is null")
        try expectSameTables("accounts | select handle, p = posts * 2 - 1, j = joined + 30, upper(lang) as l, if(verified, 1, 0) as v")
        try expectSameTables("accounts | where handle startswith \"a\" or handle contains \"7\" | select handle, len(handle) as n, abs(0 - posts)")
    }

    @Test func sortTopTakeSkip() throws {
        try expectSameTables("accounts | sort lang, posts desc")
        try expectSameTables("accounts | top 15 by posts")
        try expectSameTables("accounts | top 7 by lang asc")
        try expectSameTables("accounts | sort verified desc | skip 20 | take 9")
    }

    @Test func summarizeDistinctCount() throws {
        try expectSameTables("accounts | summarize count(), avg(posts), sum(posts), max(joined) by lang")
        try expectSameTables("accounts | summarize count() as n, median(posts) as med, stddev(posts) as sd, quantile(posts, 0.9) as q by verified, lang")
        try expectSameTables("accounts | summarize count_distinct(lang), min(handle)")
        try expectSameTables("accounts | distinct lang, verified")
        try expectSameTables("accounts | where posts > 10 | count")
        try expectSameTables("follows | summarize count() as n by dst | top 5 by n")
    }

    @Test func degreeMetrics() throws {
        try expectSameTables("accounts | select handle, followers, following, ratio, mutuals, reciprocity")
        try expectSameTables("accounts | top 20 by followers | select handle, followers, ratio")
        try expectSameTables("follows | where src.followers > dst.followers | select src, dst, src.mutuals")
        try expectSameTables("accounts | summarize avg(followers), max(mutuals) by lang")
    }

    @Test func pagerankToOneInAMillion() throws {
        try expectSameTables("accounts | select handle, pagerank", tolerance: 1e-6)
        try expectSameTables("accounts | top 10 by pagerank | select handle, pagerank", tolerance: 1e-6)
        var s = Settings()
        s.damping = 0.7
        s.tolerance = 1e-10
        try expectSameTables("accounts | select handle, pagerank", tolerance: 1e-9, settings: s)
    }

    @Test func divisionByZeroIsNull() throws {
        try expectSameTables("accounts | select handle, followers / following as r, followers % following as m")
    }

    @Test func unsupportedConstructsSaySo() throws {
        let f = try fixture()
        for (text, name) in [("accounts | sample 5 seed 1", "'sample'"), ("accounts | select handle, clustering", "clustering"),
                             ("accounts | where handle matches \"^a\"", "'matches'"), ("followers(@a1) | count", "followers")] {
            guard let plan = try? f.plan(text) else { continue }
            do {
                _ = try f.engine.run(plan, settings: Settings())
                Issue.record("\(text) ran on Spark")
            } catch let e as Diagnostic {
                #expect(e.message.contains("is not available on the Spark engine") && e.message.contains(name), "\(text): \(e.message)")
            }
        }
    }
}
#endif
