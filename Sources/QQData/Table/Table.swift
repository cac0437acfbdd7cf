/// A table: named, typed columns of equal length. Results of pipelines are tables;
/// the accounts of a dataset are a table whose first column is `handle`.
public struct Table: Sendable {
    public var names: [String]
    public var columns: [Column]
    public private(set) var rowCount: Int

    public init(names: [String], columns: [Column]) {
        precondition(names.count == columns.count, "table needs one name per column")
        self.names = names
        self.columns = columns
        self.rowCount = columns.first?.count ?? 0
        assert(columns.allSatisfy { $0.count == rowCount }, "table columns differ in length")
    }

    /// An empty table with no columns and `rowCount` rows (a row count without columns).
    public init(rowCount: Int) {
        names = []; columns = []; self.rowCount = rowCount
    }

    public var columnCount: Int { columns.count }

    public func index(of name: String) -> Int? { names.firstIndex(of: name) }

    public func column(_ name: String) -> Column? { index(of: name).map { columns[$0] } }

    /// Adds or replaces a column.
    public mutating func set(_ name: String, _ column: Column) {
        precondition(columns.isEmpty || column.count == rowCount, "column length differs from table")
        if columns.isEmpty { rowCount = column.count }
        if let i = index(of: name) { columns[i] = column } else { names.append(name); columns.append(column) }
    }

    public mutating func remove(_ name: String) {
        if let i = index(of: name) { names.remove(at: i); columns.remove(at: i) }
    }

    /// The rows `rows`, in that order.
    public func gather(_ rows: [UInt32]) -> Table {
        var t = Table(names: names, columns: columns.map { $0.gather(rows) })
        if columns.isEmpty { t.rowCount = rows.count }
        return t
    }

    /// Row `i` as values (slow path: for printing and tests).
    public func row(_ i: Int) -> [Value] { columns.map { $0[i] } }
}
