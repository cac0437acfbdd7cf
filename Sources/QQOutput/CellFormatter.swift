import QQData

/// The display text of one column's shown cells in the box table (SPEC §6): for
/// reading, not for reading back — exact values are what csv/json are for.
///
/// - ints: full digits grouped by thousands (`12,345`), except id-like columns
///   (`id`, `*_id`, `year`) where grouping would mislead;
/// - floats: one decimal count per column so the points line up, chosen to give
///   about six significant digits to the largest value and trimmed of trailing
///   zeros the whole column shares (at least one decimal, so a float reads as one);
///   columns whose magnitudes are all below 0.001 or from 1e15 use scientific
///   notation; a non-zero value that would show as zero is written scientific;
/// - strings: control characters made visible; dates ISO; booleans `true`/`false`;
/// - null: empty, or a dimmed `null` when colour is on.
struct ColumnCells {
    var texts: [String]
    var isNull: [Bool]
    var rightAligned: Bool
    /// Strings may be cut with `…` to fit the width; numbers, dates and booleans never.
    var cuttable: Bool
}

enum CellFormatter {
    static let significant = 6

    static func format(_ col: Column, name: String, rows: Int, nullText: String) -> ColumnCells {
        var texts: [String] = []
        texts.reserveCapacity(rows)
        var nulls = [Bool](repeating: false, count: rows)
        for r in 0..<rows where col.isNull(r) { nulls[r] = true }
        switch col.storage {
        case .int(let a):
            let group = !isIDLike(name)
            for r in 0..<rows { texts.append(nulls[r] ? nullText : group ? NumberText.grouped(a[r]) : String(a[r])) }
            return ColumnCells(texts: texts, isNull: nulls, rightAligned: true, cuttable: false)
        case .float(let a):
            texts = floats(a, rows: rows, nulls: nulls, nullText: nullText)
            return ColumnCells(texts: texts, isNull: nulls, rightAligned: true, cuttable: false)
        case .bool(let a):
            for r in 0..<rows { texts.append(nulls[r] ? nullText : a[r] ? "true" : "false") }
        case .date(let a):
            for r in 0..<rows { texts.append(nulls[r] ? nullText : CivilDate(daysSinceEpoch: a[r]).iso) }
        case .datetime(let a):
            for r in 0..<rows { texts.append(nulls[r] ? nullText : DateTime.format(a[r])) }
        case .duration(let a):
            for r in 0..<rows { texts.append(nulls[r] ? nullText : DateTime.formatDuration(a[r])) }
            return ColumnCells(texts: texts, isNull: nulls, rightAligned: true, cuttable: false)
        case .string(let s):
            for r in 0..<rows { texts.append(nulls[r] ? nullText : DisplayWidth.visible(s[r])) }
            return ColumnCells(texts: texts, isNull: nulls, rightAligned: false, cuttable: true)
        case .null:
            texts = Array(repeating: nullText, count: rows)
        }
        return ColumnCells(texts: texts, isNull: nulls, rightAligned: false, cuttable: false)
    }

    /// Columns whose integers are labels rather than quantities.
    static func isIDLike(_ name: String) -> Bool {
        let n = name.lowercased()
        return n == "id" || n.hasSuffix("_id") || n == "year"
    }

    static func floats(_ a: [Double], rows: Int, nulls: [Bool], nullText: String) -> [String] {
        var digits: [DecimalDigits?] = []
        digits.reserveCapacity(rows)
        var maxExp: Int? = nil
        for r in 0..<rows {
            let v = a[r]
            guard !nulls[r], v.isFinite else { digits.append(nil); continue }
            let d = DecimalDigits(v)
            digits.append(d)
            if !d.isZero { maxExp = max(maxExp ?? d.exponent, d.exponent) }
        }
        func special(_ r: Int) -> String {
            nulls[r] ? nullText : Value.formatFloat(a[r])
        }
        // maxExp = e means the largest magnitude lies in [10^(e-1), 10^e).
        if let e = maxExp, e <= -3 || e >= 16 {
            var decimals = 0
            for case let d? in digits where !d.isZero {
                decimals = max(decimals, d.rounded(significant: significant - 1).digits.count - 1)
            }
            decimals = min(decimals, significant - 1)
            return (0..<rows).map { r in digits[r].map { $0.scientific(decimals: decimals) } ?? special(r) }
        }
        let maxDecimals = max(significant - (maxExp ?? 1), 1)
        var decimals = 1
        for case let d? in digits { decimals = max(decimals, d.rounded(decimals: maxDecimals).fractionDigits) }
        return (0..<rows).map { r in
            guard let d = digits[r] else { return special(r) }
            if !d.isZero && d.rounded(decimals: decimals).isZero { return d.scientific(decimals: 2) }
            return d.fixed(decimals: decimals, grouped: true)
        }
    }
}
