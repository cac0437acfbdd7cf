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

// Wall time of one pipeline and of PageRank on the local engine and on Spark, on a
// generated graph (docs/SPARK.md). Runs only with QQ_SPARK_BENCH=ACCOUNTS/FOLLOWS
// (e.g. 200000/2000000) and QQ_SPARK_URL; prints the figures.

@Suite(.serialized, .enabled(if: sparkURL != nil && ProcessInfo.processInfo.environment["QQ_SPARK_BENCH"] != nil,
                             "set QQ_SPARK_BENCH=ACCOUNTS/FOLLOWS and QQ_SPARK_URL to time the engines"))
struct SparkTimingTests {
    @Test func timeBothEngines() throws {
        let spec = ProcessInfo.processInfo.environment["QQ_SPARK_BENCH"]!.split(separator: "/").compactMap { Int($0) }
        let (n, m) = (spec.first ?? 200_000, spec.last ?? 2_000_000)
        let dir = NSTemporaryDirectory() + "qq-spark-bench-\(n)-\(m)"
        func clock<T>(_ body: () throws -> T) rethrows -> (T, Double) {
            let t0 = DispatchTime.now().uptimeNanoseconds
            let r = try body()
            return (r, Double(DispatchTime.now().uptimeNanoseconds - t0) / 1e9)
        }
        let generated = try Generator.generate(accounts: n, follows: m, seed: 7, progress: NoProgress())
        try Saver.save(generated, to: dir, overwrite: true)
        let (dataset, localLoad) = try clock { try Loader.load(path: dir, options: LoadOptions()).dataset }
        let engine = try SparkEngine(address: sparkURL!)
        defer { engine.close() }
        let (_, sparkLoad) = try clock { try engine.load(dir) }
        let binder = Binder(env: BindEnvironment(dataset: dataset, scope: [:]))
        func plan(_ text: String) throws -> LogicalPlan {
            guard case .relation(let p, _) = try binder.bindStatementExpression(try Parser.parseExpression(text)) else {
                throw Diagnostic(.internal, "not a pipeline")
            }
            return p
        }
        let pipeline = "accounts | where posts > 20 | summarize count() as n, avg(followers) as f by lang | sort n desc"
        let ranking = "accounts | top 10 by pagerank | select handle, pagerank"
        var lines = ["graph \(n) accounts / \(m) follows; load: local \(fmt(localLoad)) s, Spark \(fmt(sparkLoad)) s"]
        for text in [pipeline, ranking] {
            let p = try plan(text)
            let rt = Runtime(dataset: dataset, today: 0, progress: NoProgress())
            let (localResult, local) = try clock { try Executor(rt: rt).run(p) }
            let (sparkResult, spark) = try clock { try engine.run(p, settings: Settings()) }
            if case .frame(let f) = localResult, case .table(let t) = sparkResult {
                #expect(f.table().rowCount == t.rowCount)
                if text == ranking {
                    #expect(f.table().column("handle").map { c in (0..<c.count).map { c[$0] } }
                            == t.column("handle").map { c in (0..<c.count).map { c[$0] } })
                }
            }
            lines.append("\(text): local \(fmt(local)) s, Spark \(fmt(spark)) s")
        }
        print(lines.joined(separator: "\n"))
    }

    func fmt(_ s: Double) -> String { String(format: "%.2f", s) }
}
#endif
