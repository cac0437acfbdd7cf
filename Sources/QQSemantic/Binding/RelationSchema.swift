import QQData
import QQSyntax

/// What the rows of a relation stand for. It decides which names reach beyond the
/// relation's visible columns: an accounts relation that has not been projected can
/// name every column of `accounts` and every metric; an edge relation can name
/// `src.col` and `dst.col`.
public enum RowKind: Sendable, Equatable {
    /// Each row is one account (the executor keeps its account id). `open` until a
    /// `select` fixes the columns: then only visible columns resolve, but the rows are
    /// still accounts (for `compare`).
    case accounts(open: Bool)
    /// Each row is one edge of the follow layer or of an interaction layer; `open`
    /// until a `select`: `src.col` / `dst.col` reach the endpoints' account columns.
    case edges(open: Bool)
    /// Rows with no identity (aggregates, distinct values, correlation matrices).
    case plain

    /// True when rows are accounts (open or not).
    public var isAccounts: Bool { if case .accounts = self { return true } else { return false } }

    /// The same kind after a projection: names beyond the visible columns stop resolving.
    public var closed: RowKind {
        switch self {
        case .accounts: return .accounts(open: false)
        case .edges: return .edges(open: false)
        case .plain: return .plain
        }
    }
}

/// A visible column: its name and static type.
public struct ColumnInfo: Sendable, Equatable {
    public var name: String
    public var type: ValueType
    public init(name: String, type: ValueType) { self.name = name; self.type = type }
}

/// The static shape of a relation flowing through a pipeline: visible columns and
/// what the rows are. The binder checks names and types against it before anything runs.
public struct RelationSchema: Sendable, Equatable {
    public var columns: [ColumnInfo]
    public var rows: RowKind

    public init(columns: [ColumnInfo], rows: RowKind) { self.columns = columns; self.rows = rows }

    /// Index of the first visible column called `name`.
    public func index(of name: String) -> Int? { columns.firstIndex { $0.name == name } }

    public var names: [String] { columns.map(\.name) }
}
