#if Spark
import QQData
import QQMetrics
import QQSemantic
import QQSyntax

/// The Spark engine (SPEC §12): runs logical plans on a Spark cluster through Spark
/// Connect. Sources are views over the files of the loaded folder, stages are SQL
/// (`PlanSQL`), metrics are aggregations and an iterative PageRank computed on the
/// cluster and kept there until the next load or a settings change.
public final class SparkEngine: PlanEngine, @unchecked Sendable {
    private let connection: SparkConnection
    private var dataset: SparkDataset?
    /// Metrics computed on the cluster, with the settings they were computed with.
    private var metrics: [MetricID: Settings] = [:]

    /// Connects to `address` (`sc://HOST:PORT`).
    public init(address: String) throws(Diagnostic) {
        connection = try SparkConnection(try SparkAddress(parsing: address))
    }

    public var description: String { "spark \(connection.address)" }

    public func load(_ path: String) throws(Diagnostic) -> EngineDataset {
        let ds = try SparkDataset.load(path, on: connection)
        dataset = ds
        metrics = [:]
        return EngineDataset(accounts: ds.accountColumns, layers: [], accountCount: ds.accountCount, followCount: ds.followCount)
    }

    public func run(_ plan: LogicalPlan, settings: Settings, onBatch: ((Table) -> Void)?) throws(Diagnostic) -> EngineResult {
        guard let ds = dataset else {
            throw Diagnostic(.runtime, "no dataset on the Spark engine yet", hint: "load \"folder\" names files the cluster reads")
        }
        var sources = SQLSources(accountColumns: ds.accountColumns.map(\.name))
        for m in PlanSQL.metrics(plan: plan) {
            let stale: Bool
            if let s = metrics[m] { stale = SparkMetrics.kind(m) == .pagerank && !SparkEngine.samePageRank(s, settings) } else { stale = true }
            if stale {
                try SparkMetrics.compute(m, settings: settings, accounts: ds.accountCount, on: connection)
                metrics[m] = settings
            }
            sources.metrics[m] = SparkMetrics.view(m)
        }
        let sql = try PlanSQL(sources: sources).query(plan)
        let names = plan.schema.columns.map(\.name)
        if case .count = plan.node {
            return .value(try connection.scalar(sql))
        }
        let types = plan.schema.columns.map(\.type)
        let t = try connection.query(sql) { batch in onBatch?(SparkEngine.named(batch, names, types)) }
        return .table(SparkEngine.named(t, names, types))
    }

    public func close() { connection.close() }

    static func samePageRank(_ a: Settings, _ b: Settings) -> Bool {
        a.damping == b.damping && a.tolerance == b.tolerance && a.maxIterations == b.maxIterations
    }

    /// The rows under qq's column names (Spark's are `_c0…`); all-null columns take the plan's type.
    static func named(_ t: Table, _ names: [String], _ types: [ValueType]) -> Table {
        if names.isEmpty { return Table(rowCount: t.rowCount) }
        if t.columnCount == 0 {
            return Table(names: names, columns: types.map { ColumnBuilder(type: $0).finish() })
        }
        guard t.columnCount == names.count else { return t }
        var cols = t.columns
        for (k, c) in cols.enumerated() where c.type == .null && types[k] != .null {
            var b = ColumnBuilder(type: types[k], capacity: c.count)
            for _ in 0..<c.count { b.appendNull() }
            cols[k] = b.finish()
        }
        return Table(names: names, columns: cols)
    }
}
#endif
