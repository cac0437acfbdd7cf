import QQData
import QQSyntax
import QQSemantic

/// How a frame's column reaches its values, so that subsetting rows moves one
/// selection vector instead of every column.
package enum ColumnRef: Sendable {
    /// A column as long as the frame's base, read through the frame's `rows`.
    case base(Column)
    /// A column already aligned with the frame's rows (position k is row k).
    case dense(Column)
    /// `values[ids[baseRow]]`: endpoint handles and layer names of edge rows.
    case lookup(Column, ids: [UInt32])
}

/// A relation during execution: named columns over a base, plus a selection vector
/// (`rows`) of base positions in order. No row objects: stages compute positions and
/// compose them into `rows`; columns are gathered only when read.
///
/// Account frames (`kind.isAccounts`): base position = account id. Edge frames: base
/// position = edge index, and `src`/`dst` give each edge's endpoint account ids.
package struct Frame: Sendable {
    package var names: [String]
    package var refs: [ColumnRef]
    /// Base positions of the rows, in order; nil means every base position in order.
    package var rows: [UInt32]?
    package var count: Int
    package var kind: RowKind
    /// Endpoint account ids by base position (edge frames).
    package var src: [UInt32]?
    package var dst: [UInt32]?
    /// The dataset generation that account and edge ids refer to.
    package var generation: Int
    /// A `compare` result: its rows mix kinds of numbers, so a terminal table formats
    /// each row on its own (see `Comparison.displayTable`).
    package var isComparison = false

    package init(names: [String], refs: [ColumnRef], rows: [UInt32]?, count: Int, kind: RowKind,
         src: [UInt32]? = nil, dst: [UInt32]? = nil, generation: Int) {
        self.names = names; self.refs = refs; self.rows = rows; self.count = count; self.kind = kind
        self.src = src; self.dst = dst; self.generation = generation
    }

    /// A plain frame over materialised columns (aggregates, correlation matrices).
    package init(table: Table, generation: Int = 0) {
        self.init(names: table.names, refs: table.columns.map { .dense($0) }, rows: nil,
                  count: table.rowCount, kind: .plain, generation: generation)
    }

    /// Base position of row `k`.
    @inline(__always) package func basePosition(_ k: Int) -> Int { rows.map { Int($0[k]) } ?? k }

    /// Account ids of the rows (account frames), or endpoint ids (edge frames).
    package func accountIDs(_ via: Endpoint) -> [UInt32] {
        switch via {
        case .row:
            return rows ?? (0..<UInt32(count)).map { $0 }
        case .src, .dst:
            let ids = (via == .src ? src : dst) ?? []
            return rows.map { Gather.array(ids, $0) } ?? ids
        }
    }

    /// The values of column `i` for the current rows.
    package func column(_ i: Int) -> Column { materialize(refs[i]) }

    package func materialize(_ ref: ColumnRef) -> Column {
        switch ref {
        case .dense(let c): return c
        case .base(let c): return rows.map { Gather.column(c, $0) } ?? c
        case .lookup(let c, let ids): return Gather.column(c, rows.map { Gather.array(ids, $0) } ?? ids)
        }
    }

    /// Keeps the rows at `positions` (indices into the current rows), in that order.
    package func select(_ positions: [UInt32]) -> Frame {
        var f = self
        f.rows = Gather.compose(rows, positions)
        f.count = positions.count
        f.refs = refs.map { ref in
            if case .dense(let c) = ref { return .dense(Gather.column(c, positions)) }
            return ref
        }
        return f
    }

    /// Adds or replaces a column.
    package mutating func set(_ name: String, _ ref: ColumnRef) {
        if let i = names.firstIndex(of: name) { refs[i] = ref } else { names.append(name); refs.append(ref) }
    }

    /// Every column for the current rows, as a table.
    package func table() -> Table {
        if refs.isEmpty { return Table(rowCount: count) }
        return Table(names: names, columns: refs.map(materialize))
    }

    /// `table()`, reporting an internal error instead of trapping if a column's length
    /// ever disagreed with the row count (a bug, never user data).
    package func checkedTable() throws(Diagnostic) -> Table {
        let columns = refs.map(materialize)
        if let bad = columns.firstIndex(where: { $0.count != count }) {
            throw Diagnostic(.internal, "internal error: column '\(names[bad])' has \(columns[bad].count) rows, expected \(count)")
        }
        if refs.isEmpty { return Table(rowCount: count) }
        return Table(names: names, columns: columns)
    }
}
