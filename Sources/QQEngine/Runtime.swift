import QQData
import QQMetrics
import QQSyntax
import QQSemantic

/// The state plans run against: the dataset, `let` bindings, settings and the metric
/// cache. One per session; the executor reads it and asks it for metric columns.
package final class Runtime {
    /// The dataset statements see: the loaded one, or its view through the time window
    /// (SPEC §8). Assigning replaces the loaded dataset (the window stays set and is
    /// applied to the new one).
    package var dataset: Dataset {
        get { current }
        set {
            full = newValue
            windows.removeAll()
            current = view(newValue, window)
        }
    }
    /// The dataset as loaded, whatever the window.
    package private(set) var full: Dataset
    private var current: Dataset
    /// `set since` / `set until`.
    package private(set) var window = TimeWindow()
    /// Window views built so far, reused when a window comes back (at most a few).
    private var windows: [TimeWindow: Dataset] = [:]

    /// Sets the window; its graphs are filtered from the full ones once and kept.
    package func setWindow(_ w: TimeWindow) {
        window = w
        current = view(full, w)
    }

    /// Under a window, a note naming the layers among `names` that have no times (the
    /// window cannot restrict them).
    package func noteWindow(over names: [String]) {
        guard !window.isOpen else { return }
        let untimed = Set(full.untimedLayers)
        let hit = names.filter { untimed.contains($0) }
        guard !hit.isEmpty else { return }
        let n = "\(hit.joined(separator: ", ")) \(hit.count == 1 ? "has" : "have") no times: the window (\(window)) does not restrict \(hit.count == 1 ? "it" : "them")"
        if !notices.contains(n) { notices.append(n) }
    }

    private func view(_ d: Dataset, _ w: TimeWindow) -> Dataset {
        if w.isOpen { return d }
        if let v = windows[w] { return v }
        let v = d.windowed(w)
        if windows.count >= 4 { windows.removeAll() }
        windows[w] = v
        return v
    }
    package var settings = Settings()
    /// Tables bound by `let`.
    package var tables: [String: Frame] = [:]
    /// The tables `read "file"` names in the statement running, by the path as written.
    package var files: [String: Frame] = [:]
    /// Notes the binder leaves (ambiguous handles), printed with the notices.
    package let bindNotes = BindNotes()
    /// Values bound by `let` and `param`.
    package var values: [String: Value] = [:]
    package let metrics = MetricCache()
    /// Today, in days since 1970-01-01 (`days_since`); pinned in tests.
    package var today: Int32
    /// Notices for stderr collected while a statement runs (approximate betweenness).
    package var notices: [String] = []
    package var progress: ProgressSink
    /// `follows` / `interactions` as edge frames, kept for their dataset generation.
    package var edgeCache: (follows: Frame?, interactions: Frame?) = (nil, nil)
    /// The folder relative paths of `export`, plot files and `load` are resolved against.
    package var directory: String?
    /// `--safe`: refuse to write files.
    package var safe = false
    /// Terminal width and colour, for charts.
    package var width = 100
    package var color = false

    /// `path` resolved against `directory` unless it is absolute.
    package func resolve(_ path: String) -> String {
        guard let dir = directory, !dir.isEmpty, !path.hasPrefix("/") else { return path }
        return dir.hasSuffix("/") ? dir + path : dir + "/" + path
    }

    package init(dataset: Dataset, today: Int32, progress: ProgressSink) {
        self.full = dataset; self.current = dataset; self.today = today; self.progress = progress
    }

    /// What the binder sees: the dataset and the names in scope. A `let` table made from
    /// an earlier dataset keeps its columns but no longer reaches accounts or metrics.
    package func bindEnvironment() -> BindEnvironment {
        var scope: [String: ScopeEntry] = [:]
        for (k, v) in values { scope[k] = .value(v) }
        for (k, f) in tables {
            let kind: RowKind = f.generation == dataset.generation ? f.kind : .plain
            var columns: [ColumnInfo] = []
            for (name, ref) in zip(f.names, f.refs) { columns.append(ColumnInfo(name: name, type: ref.type)) }
            scope[k] = .table(RelationSchema(columns: columns, rows: kind))
        }
        var fileSchemas: [String: RelationSchema] = [:]
        for (path, f) in files {
            fileSchemas[path] = RelationSchema(columns: zip(f.names, f.refs).map { ColumnInfo(name: $0, type: $1.type) }, rows: .plain)
        }
        return BindEnvironment(dataset: dataset, scope: scope, files: fileSchemas, notes: bindNotes)
    }

    /// A stored column of `accounts` by name.
    package func storedColumn(_ name: String) throws(Diagnostic) -> Column {
        guard let c = dataset.accounts.column(name) else {
            throw Diagnostic(.internal, "internal error: accounts column '\(name)' vanished")
        }
        return c
    }

    /// A column of `accounts`, stored or computed, as long as the accounts table.
    package func accountColumn(_ col: AccountColumn) throws(Diagnostic) -> Column {
        switch col {
        case .stored(let n): return try storedColumn(n)
        case .metric(let m): return try metrics.column(m, self)
        }
    }
}

extension ColumnRef {
    /// The static type of the values the reference reads.
    package var type: ValueType {
        switch self {
        case .base(let c), .dense(let c), .lookup(let c, _): return c.type
        }
    }
}
