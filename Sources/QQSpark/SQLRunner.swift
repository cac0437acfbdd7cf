import QQData

/// What the Spark engine's dataset and metric steps need from a Spark session: run
/// a query (rows back as a qq table), run a statement, and materialize a query as a
/// named view (a local checkpoint: computed once, lineage cut).
protocol SQLRunner: AnyObject {
    /// Runs a query; `onBatch` sees each Arrow batch as a table as it arrives.
    func query(_ sql: String, onBatch: ((Table) -> Void)?) throws(Diagnostic) -> Table
    /// Runs a statement (DDL, SET) for its effect.
    func execute(_ sql: String) throws(Diagnostic)
    /// Computes `sql` now, keeps the rows on the server (a local checkpoint) and names
    /// them `view`, replacing an earlier view of that name (whose rows are released).
    func materialize(_ sql: String, as view: String) throws(Diagnostic)
}

extension SQLRunner {
    func query(_ sql: String) throws(Diagnostic) -> Table { try query(sql, onBatch: nil) }

    /// The one value of a one-row, one-column query (null when no rows).
    func scalar(_ sql: String) throws(Diagnostic) -> Value {
        let t = try query(sql)
        guard t.columnCount >= 1, t.rowCount >= 1 else { return .null }
        return t.columns[0][0]
    }
}
