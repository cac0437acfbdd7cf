import QQData

/// The state plans run against: the dataset, `let` bindings, settings and the metric
/// cache. One per session; the executor reads it and asks it for metric columns.
final class Runtime {
    var dataset: Dataset
    var settings = Settings()
    /// Tables bound by `let`.
    var tables: [String: Frame] = [:]
    /// Values bound by `let` and `param`.
    var values: [String: Value] = [:]
    let metrics = MetricCache()
    /// Today, in days since 1970-01-01 (`days_since`); pinned in tests.
    var today: Int32
    /// Notices for stderr collected while a statement runs (approximate betweenness).
    var notices: [String] = []
    var progress: ProgressSink
    /// `follows` / `interactions` as edge frames, kept for their dataset generation.
    var edgeCache: (follows: Frame?, interactions: Frame?) = (nil, nil)
    /// The folder relative paths of `export`, plot files and `load` are resolved against.
    var directory: String?
    /// `--safe`: refuse to write files.
    var safe = false
    /// Terminal width and colour, for charts.
    var width = 100
    var color = false

    /// `path` resolved against `directory` unless it is absolute.
    func resolve(_ path: String) -> String {
        guard let dir = directory, !dir.isEmpty, !path.hasPrefix("/") else { return path }
        return dir.hasSuffix("/") ? dir + path : dir + "/" + path
    }

    init(dataset: Dataset, today: Int32, progress: ProgressSink) {
        self.dataset = dataset; self.today = today; self.progress = progress
    }

    /// What the binder sees: the dataset and the names in scope. A `let` table made from
    /// an earlier dataset keeps its columns but no longer reaches accounts or metrics.
    func bindEnvironment() -> BindEnvironment {
        var scope: [String: ScopeEntry] = [:]
        for (k, v) in values { scope[k] = .value(v) }
        for (k, f) in tables {
            let kind: RowKind = f.generation == dataset.generation ? f.kind : .plain
            var columns: [ColumnInfo] = []
            for (name, ref) in zip(f.names, f.refs) { columns.append(ColumnInfo(name: name, type: ref.type)) }
            scope[k] = .table(RelationSchema(columns: columns, rows: kind))
        }
        return BindEnvironment(dataset: dataset, scope: scope)
    }

    /// A stored column of `accounts` by name.
    func storedColumn(_ name: String) throws(Diagnostic) -> Column {
        guard let c = dataset.accounts.column(name) else {
            throw Diagnostic(.internal, "internal error: accounts column '\(name)' vanished")
        }
        return c
    }

    /// A column of `accounts`, stored or computed, as long as the accounts table.
    func accountColumn(_ col: AccountColumn) throws(Diagnostic) -> Column {
        switch col {
        case .stored(let n): return try storedColumn(n)
        case .metric(let m): return try metrics.column(m, self)
        }
    }
}

extension ColumnRef {
    /// The static type of the values the reference reads.
    var type: ValueType {
        switch self {
        case .base(let c), .dense(let c), .lookup(let c, _): return c.type
        }
    }
}
