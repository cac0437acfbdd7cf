import QQData
import QQSyntax
import QQSemantic

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

    /// The comparison for reading in a terminal: each row's numbers as text with one
    /// number of decimals per row (about four significant digits for its largest
    /// value), ints grouped by thousands, so a row of PageRanks and a row of follower
    /// counts both read naturally. Exact values stay in csv/json output.
    package static func displayTable(_ t: Table) -> Table {
        guard t.columnCount > 3 else { return t }
        let accounts = 2..<(t.columnCount - 1)
        var texts = [[Value]](repeating: [], count: t.columnCount)
        for r in 0..<t.rowCount {
            let values = accounts.map { t.columns[$0][r] }
            let cells = rowText(values)
            for (k, c) in accounts.enumerated() { texts[c].append(cells[k].map { .string($0) } ?? .null) }
        }
        var columns = t.columns
        for c in accounts {
            var b = ColumnBuilder(type: .string, capacity: t.rowCount)
            for v in texts[c] { b.append(v) }
            columns[c] = b.finish()
        }
        return Table(names: t.names, columns: columns)
    }

    /// One row's cells as text (nil for null).
    package static func rowText(_ values: [Value]) -> [String?] {
        let numbers = values.map(\.asDouble)
        let integral = values.allSatisfy { if case .int = $0 { return true } else { return $0.isNull } }
            || numbers.allSatisfy { $0 == nil || ($0! == $0!.rounded() && abs($0!) < 1e15) }
        if integral { return numbers.map { $0.map { grouped(Int64($0)) } } }
        let largest = numbers.compactMap { $0 }.filter(\.isFinite).map(abs).max() ?? 0
        var decimals = 3
        if largest > 0 {
            var e = 0
            var x = largest
            while x >= 10 { x /= 10; e += 1 }
            while x < 1 { x *= 10; e -= 1 }
            decimals = max(1, min(12, 3 - e))
        }
        return numbers.map { d in d.map { fixed($0, decimals) } }
    }

    /// `d` with exactly `decimals` digits after the point.
    package static func fixed(_ d: Double, _ decimals: Int) -> String {
        guard d.isFinite else { return Value.formatFloat(d) }
        var scale = 1.0
        for _ in 0..<decimals { scale *= 10 }
        let n = (abs(d) * scale).rounded()
        guard n < 9e15 else { return Value.formatFloat(d) }
        let whole = Int64(n / scale), frac = Int64(n - Double(whole) * scale)
        var f = String(frac)
        while f.count < decimals { f = "0" + f }
        return (d < 0 && n > 0 ? "-" : "") + grouped(whole) + "." + f
    }

    /// An integer with thousands separators.
    package static func grouped(_ v: Int64) -> String {
        let digits = String(v.magnitude)
        var out = ""
        for (i, ch) in digits.enumerated() {
            if i > 0 && (digits.count - i) % 3 == 0 { out.append(",") }
            out.append(ch)
        }
        return (v < 0 ? "-" : "") + out
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

/// `correlate`: the matrix of pairwise coefficients. Each coefficient uses the rows
/// where both expressions are non-null (SciPy's `spearmanr`, `pearsonr`, `kendalltau`
/// with tau-b); a constant input gives null. Rows and columns are the expressions;
/// `n` is the smallest number of rows behind any coefficient of the row.
package enum Correlation {
    package static func table(_ f: Frame, _ items: [NamedExpr], _ method: CorrelationMethod, _ rt: Runtime) throws(Diagnostic) -> Table {
        let ev = Evaluator(frame: f, rt: rt)
        var data: [[Double]] = []
        var present: [[Bool]] = []
        for item in items {
            let c = try ev.eval(item.expr)
            let d = c.doubles
            data.append(d)
            present.append((0..<c.count).map { !c.isNull($0) && !d[$0].isNaN })
        }
        let k = items.count
        var r = [[Double?]](repeating: [Double?](repeating: nil, count: k), count: k)
        var n = [[Int]](repeating: [Int](repeating: 0, count: k), count: k)
        for i in 0..<k {
            for j in i..<k {
                var x: [Double] = [], y: [Double] = []
                for row in 0..<f.count where present[i][row] && present[j][row] {
                    x.append(data[i][row]); y.append(data[j][row])
                }
                try Cancellation.check()
                let v: Double?
                switch method {
                case .pearson: v = Statistics.pearson(x, y)
                case .spearman: v = Statistics.spearman(x, y)
                case .kendall: v = KendallTau.tauB(x, y)
                }
                // A variable with itself is exactly 1 (when it varies at all).
                let exact = i == j ? v.map { _ in 1.0 } : v
                r[i][j] = exact; r[j][i] = exact
                n[i][j] = x.count; n[j][i] = x.count
            }
        }
        var columns: [Column] = [Column.from(items.map { .string($0.name) })]
        for j in 0..<k {
            columns.append(Column.floats((0..<k).map { r[$0][j] ?? 0 }, valid: Bitmap.from((0..<k).map { r[$0][j] != nil })))
        }
        columns.append(Column.ints((0..<k).map { i in Int64((0..<k).filter { $0 != i }.map { n[i][$0] }.min() ?? 0) }))
        return Table(names: ["variable"] + items.map(\.name) + ["n"], columns: columns)
    }
}
