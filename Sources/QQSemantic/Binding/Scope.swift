import QQData
import QQMetrics
import QQSyntax

/// What a name bound by `let` or `param` stands for, as the binder sees it.
public enum ScopeEntry: Sendable {
    /// A value (`let n = bigs | count`, `param who = @alice`).
    case value(Value)
    /// A table (`let bigs = accounts | where …`) with its schema.
    case table(RelationSchema)
}

/// Everything the binder may look at: the dataset (handles, account columns, layers)
/// and the names in scope. Binding never runs anything.
public struct BindEnvironment: Sendable {
    public var dataset: Dataset
    public var scope: [String: ScopeEntry]
    /// The schemas of the files `read` names in the statement being bound, by the path
    /// as written (the session reads them before binding).
    public var files: [String: RelationSchema]
    /// Where binding leaves notes for stderr (an ambiguous handle).
    public var notes: BindNotes

    public init(dataset: Dataset, scope: [String: ScopeEntry], files: [String: RelationSchema] = [:],
                notes: BindNotes = BindNotes()) {
        self.dataset = dataset; self.scope = scope; self.files = files; self.notes = notes
    }

    /// Built-in relation names that `let` may not rebind.
    public static let reservedNames: Set<String> = Set(Keywords.sources)

    /// The stored columns of `accounts` (the data file's, starting with `handle`).
    public var storedAccountColumns: [ColumnInfo] {
        zip(dataset.accounts.names, dataset.accounts.columns).map { ColumnInfo(name: $0, type: $1.type) }
    }

    /// Resolves a column of `accounts` by name: a stored column first (the user's data
    /// wins over a metric of the same name), then a metric.
    public func accountColumn(_ name: String) -> (AccountColumn, ValueType)? {
        if let i = dataset.accounts.index(of: name) {
            return (.stored(name), dataset.accounts.columns[i].type)
        }
        if let m = MetricID(name) { return (.metric(m), m.type) }
        return nil
    }

    /// Every name an open accounts relation can reach (for suggestions).
    public var accountColumnNames: [String] {
        var names = dataset.accounts.names
        for m in MetricRegistry.all where !names.contains(m.name) { names.append(m.name) }
        return names
    }

    /// Names of values in scope (for suggestions).
    public var valueNames: [String] {
        scope.compactMap { if case .value = $0.value { return $0.key } else { return nil } }.sorted()
    }

    /// Names of tables in scope (for suggestions).
    public var tableNames: [String] {
        scope.compactMap { if case .table = $0.value { return $0.key } else { return nil } }.sorted()
    }
}

/// Notes the binder leaves for the user (printed as `note: …` on stderr after the
/// statement). A reference type so that a binder copied by value still reports to one
/// place; used from one thread at a time (the session's).
public final class BindNotes: @unchecked Sendable {
    public private(set) var notes: [String] = []
    public init() {}
    public func add(_ note: String) { if !notes.contains(note) { notes.append(note) } }
    public func removeAll() { notes.removeAll() }
}
