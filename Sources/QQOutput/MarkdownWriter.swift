import QQData

/// GitHub-flavoured Markdown tables with exact values, padded so the source reads
/// as a table too. Numeric columns are right-aligned (`---:`). A `|` inside a cell
/// is written `\|`, a line break `<br>`; null is an empty cell.
enum MarkdownWriter {
    static func render(_ t: Table) -> String {
        guard !t.columns.isEmpty else { return "" }
        let n = t.columns.count
        let header = t.names.map(cell)
        var cells: [[String]] = Array(repeating: [], count: n)
        for c in 0..<n {
            let col = t.columns[c]
            cells[c].reserveCapacity(t.rowCount)
            for r in 0..<t.rowCount { cells[c].append(cell(ValueText.field(col[r]))) }
        }
        let right = t.columns.map { $0.type.isNumeric }
        var widths = [Int](repeating: 3, count: n)
        for c in 0..<n {
            widths[c] = max(widths[c], DisplayWidth.of(header[c]))
            for s in cells[c] { widths[c] = max(widths[c], DisplayWidth.of(s)) }
        }
        var out = ""
        func line(_ texts: [String]) {
            out += "|"
            for c in 0..<n { out += " " + DisplayWidth.pad(texts[c], to: widths[c], right: right[c]) + " |" }
            out += "\n"
        }
        line(header)
        out += "|"
        for c in 0..<n {
            out += right[c] ? " " + String(repeating: "-", count: widths[c] - 1) + ": |"
                : " " + String(repeating: "-", count: widths[c]) + " |"
        }
        out += "\n"
        for r in 0..<t.rowCount { line((0..<n).map { cells[$0][r] }) }
        return out
    }

    /// Escapes what would break a table row; control characters other than line breaks become visible escapes.
    static func cell(_ s: String) -> String {
        var out = ""
        var pendingCR = false
        for u in s.unicodeScalars {
            if pendingCR { pendingCR = false; if u == "\n" { continue } }
            switch u {
            case "|": out += "\\|"
            case "\n": out += "<br>"
            case "\r": out += "<br>"; pendingCR = true
            default: out.unicodeScalars.append(u)
            }
        }
        return DisplayWidth.visible(out)
    }
}
