import QQData

/// A table as HTML for reports (SPEC §11): the cells read as the terminal shows them
/// (`CellFormatter`: thousands separators, one decimal count per float column), and
/// every number keeps its exact value in `data-value` and as a tooltip (`title`), so
/// nothing is lost by rounding for display. Numbers are right-aligned.
public enum HTMLTable {
    /// `table` with its first `shown` rows; `total` is the full row count (a footer
    /// says how many more there are).
    public static func render(_ table: Table, shown: Int, total: Int) -> String {
        let rows = min(shown, table.rowCount)
        let cells = zip(table.columns, table.names).map { CellFormatter.format($0.0, name: $0.1, rows: rows, nullText: "") }
        var out = "<table>\n<thead><tr>"
        for (i, name) in table.names.enumerated() {
            out += cells[i].rightAligned ? "<th class=\"num\">" : "<th>"
            out += escape(name) + "</th>"
        }
        out += "</tr></thead>\n<tbody>\n"
        for r in 0..<rows {
            out += "<tr>"
            for (i, col) in table.columns.enumerated() {
                let c = cells[i]
                if c.isNull[r] { out += "<td class=\"null\"></td>"; continue }
                let text = escape(c.texts[r])
                if let exact = exactNumber(col, r), exact != c.texts[r] {
                    let e = escape(exact)
                    out += "<td class=\"num\" data-value=\"\(e)\" title=\"\(e)\">\(text)</td>"
                } else if c.rightAligned {
                    out += "<td class=\"num\">\(text)</td>"
                } else {
                    out += "<td>\(text)</td>"
                }
            }
            out += "</tr>\n"
        }
        out += "</tbody>\n</table>\n"
        if total > rows {
            out += "<p class=\"more\">… \(NumberText.grouped(Int64(total - rows))) more rows (\(NumberText.grouped(Int64(total))) in all)</p>\n"
        }
        return out
    }

    /// The exact text of a numeric cell (what csv prints), nil for other types.
    static func exactNumber(_ c: Column, _ r: Int) -> String? {
        switch c.storage {
        case .int(let a): return String(a[r])
        case .float(let a): return Value.formatFloat(a[r])
        default: return nil
        }
    }

    /// Text for HTML character data and attribute values.
    public static func escape(_ s: String) -> String {
        var out = ""
        out.reserveCapacity(s.utf8.count)
        for ch in s.unicodeScalars {
            switch ch {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            default: out.unicodeScalars.append(ch)
            }
        }
        return out
    }
}
