import QQData
import QQSyntax
import QQSemantic

extension Executor {
    /// `compare [on …]`: one row per metric, one column per account.
    package func compare(_ f: Frame, _ rows: [CompareRow]) throws(Diagnostic) -> Frame {
        var out = Frame(table: try Comparison.table(f, rows, rt))
        out.isComparison = true
        return out
    }
}

/// `compare`: accounts side by side. One row per metric (quantity rows, then quality
/// rows, as listed), one column per account named by its handle, and `leader`: the
/// handle with the best value of the row (the largest, or the smallest where less is
/// better, as for fake_followers), `tie` when several share it, empty when no value
/// or no meaningful order (community ids).
package enum Comparison {
    /// More accounts than this make an unreadable comparison.
    package static let maxAccounts = 50

    package static func table(_ f: Frame, _ rows: [CompareRow], _ rt: Runtime) throws(Diagnostic) -> Table {
        guard f.kind.isAccounts else { throw Diagnostic(.runtime, "'compare' needs account rows") }
        guard f.count <= maxAccounts else {
            throw Diagnostic(.runtime, "'compare' shows at most \(maxAccounts) accounts, this pipeline has \(f.count)",
                             hint: "keep a few first, for example '| top 5 by followers | compare'")
        }
        let ids = f.accountIDs(.row)
        let handles = ids.map { rt.dataset.handle(Int($0)) }
        var values: [[Value]] = []   // values[row][account]
        let ev = Evaluator(frame: f, rt: rt)
        for r in rows {
            let c = try ev.eval(r.expr)
            values.append((0..<f.count).map { c[$0] })
        }
        let allInts = rows.allSatisfy { $0.type == .int || $0.type == .bool }
        var columns: [Column] = [Column.from(rows.map { .string($0.name) }), Column.from(rows.map { .string($0.group) })]
        var names = ["metric", "kind"]
        for (a, h) in handles.enumerated() {
            var name = h
            var k = 2
            while names.contains(name) { name = "\(h) (\(k))"; k += 1 }
            names.append(name)
            var b = ColumnBuilder(type: allInts ? .int : .float, capacity: rows.count)
            for r in 0..<rows.count {
                switch values[r][a] {
                case .bool(let x): b.append(.int(x ? 1 : 0))
                case let v: b.append(v)
                }
            }
            columns.append(b.finish())
        }
        var leaders: [Value] = []
        for (r, row) in rows.enumerated() {
            leaders.append(leader(values[r], handles, lowerIsBetter: row.lowerIsBetter))
        }
        names.append("leader")
        var lb = ColumnBuilder(type: .string, capacity: rows.count)
        for l in leaders { lb.append(l) }
        columns.append(lb.finish())
        return Table(names: names, columns: columns)
    }

    /// The handle holding the best value, `tie` for a shared best, null when none.
    package static func leader(_ values: [Value], _ handles: [String], lowerIsBetter: Bool?) -> Value {
        guard let lower = lowerIsBetter else { return .null }
        var best: Double? = nil
        var who: [Int] = []
        for (i, v) in values.enumerated() {
            let x: Double
            switch v {
            case .bool(let b): x = b ? 1 : 0
            default: guard let d = v.asDouble, !d.isNaN else { continue }; x = d
            }
            if let b = best, x == b { who.append(i); continue }
            if best == nil || (lower ? x < best! : x > best!) { best = x; who = [i] }
        }
        if who.isEmpty || values.count < 2 { return .null }
        return who.count == 1 ? .string(handles[who[0]]) : .string("tie")
    }
}
