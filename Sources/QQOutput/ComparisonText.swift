import QQData

/// Numbers of a `compare` table as the terminal shows them: row by row (each row is one
/// metric), one number of decimals per row. Part of the one display formatter of
/// numbers (with `CellFormatter` for columns and `NumberText` for single numbers).
public enum ComparisonText {
    /// The comparison for reading in a terminal: each row's numbers as text with one
    /// number of decimals per row (about four significant digits for its largest
    /// value), ints grouped by thousands, so a row of PageRanks and a row of follower
    /// counts both read naturally. Exact values stay in csv/json output.
    public static func displayTable(_ t: Table) -> Table {
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
    public static func rowText(_ values: [Value]) -> [String?] {
        let numbers = values.map(\.asDouble)
        let integral = values.allSatisfy { if case .int = $0 { return true } else { return $0.isNull } }
            || numbers.allSatisfy { $0 == nil || ($0! == $0!.rounded() && abs($0!) < 1e15) }
        if integral {
            // Ints print as themselves (Double(Int64.max) does not convert back); other
            // values here are whole and below 1e15.
            return values.map { v -> String? in
                if case .int(let i) = v { return NumberText.grouped(i) }
                return v.asDouble.map { NumberText.grouped(Int64(exactly: $0) ?? 0) }
            }
        }
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
    public static func fixed(_ d: Double, _ decimals: Int) -> String {
        guard d.isFinite else { return Value.formatFloat(d) }
        var scale = 1.0
        for _ in 0..<decimals { scale *= 10 }
        let n = (abs(d) * scale).rounded()
        guard n < 9e15 else { return Value.formatFloat(d) }
        let whole = Int64(n / scale), frac = Int64(n - Double(whole) * scale)
        var f = String(frac)
        while f.count < decimals { f = "0" + f }
        return (d < 0 && n > 0 ? "-" : "") + NumberText.grouped(whole) + "." + f
    }
}
