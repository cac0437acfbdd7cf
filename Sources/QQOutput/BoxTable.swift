import QQData

/// The terminal table of SPEC §6: box drawing, fitted to the width.
///
/// Layout, in order: format the shown rows (`CellFormatter`); give each column its
/// natural width (header and cells); when the table is too wide, shrink text
/// columns from the widest down (water-filling, never below 8 columns, cutting
/// with `…`), and when even that is not enough drop columns from the right and say
/// which ones in a note. Past `maxRows` rows a footer `… N more rows` follows.
///
/// A width of 0 or less means output that is not a terminal (SPEC §6): every
/// column at its full width, nothing cut.
enum BoxTable {
    static let minTextWidth = 8

    static func render(_ t: Table, options: RenderOptions) -> String {
        (try? render(t, options: options, totalRows: nil, cancellable: false)) ?? ""
    }

    /// `t` as a box table; `totalRows` is the row count of the whole result when `t`
    /// holds only its first rows (the footer counts the rest). With `cancellable`,
    /// Ctrl-C stops the row loop (`Cancellation.check()` every 1024 rows).
    static func render(_ t: Table, options: RenderOptions, totalRows: Int?,
                       cancellable: Bool) throws(Diagnostic) -> String {
        let total = max(totalRows ?? t.rowCount, t.rowCount)
        if t.columns.isEmpty { return "(\(total) \(total == 1 ? "row" : "rows"), no columns)\n" }
        let shown = options.maxRows > 0 ? min(t.rowCount, options.maxRows) : t.rowCount
        let unlimited = options.width <= 0
        let nullText = options.color ? "null" : ""
        let cells = zip(t.columns, t.names).map { CellFormatter.format($0, name: $1, rows: shown, nullText: nullText) }
        let headers = t.names.map(DisplayWidth.visible)

        var natural: [Int] = []
        var minimum: [Int] = []
        let cap = unlimited ? Int.max : max(options.width - 4, minTextWidth)
        for (c, cell) in cells.enumerated() {
            let h = DisplayWidth.of(headers[c])
            let widest = cell.texts.reduce(0) { max($0, DisplayWidth.of($1)) }
            let nat = min(max(h, widest, 1), cap)
            natural.append(nat)
            minimum.append(cell.cuttable ? min(nat, minTextWidth) : min(nat, max(widest, min(h, 4), 1)))
        }
        var kept = cells.count
        while !unlimited && kept > 1 && minimum[0..<kept].reduce(0, +) + 3 * kept + 1 > options.width { kept -= 1 }
        let widths = unlimited ? natural : fit(natural: Array(natural[0..<kept]), minimum: Array(minimum[0..<kept]),
                         cuttable: cells[0..<kept].map(\.cuttable), available: options.width - 3 * kept - 1)

        let bold = options.color ? "\u{1B}[1m" : "", dim = options.color ? "\u{1B}[2m" : ""
        let reset = options.color ? "\u{1B}[0m" : ""
        func rule(_ left: String, _ mid: String, _ right: String) -> String {
            left + widths.map { String(repeating: "─", count: $0 + 2) }.joined(separator: mid) + right + "\n"
        }
        var out = rule("┌", "┬", "┐")
        out += "│"
        for c in 0..<kept {
            out += " " + styled(headers[c], widths[c], cells[c].rightAligned, bold, reset) + " │"
        }
        out += "\n"
        if shown > 0 {
            out += rule("├", "┼", "┤")
            for r in 0..<shown {
                if cancellable && r & 1023 == 1023 { try Cancellation.check() }
                out += "│"
                for c in 0..<kept {
                    let cell = cells[c]
                    let style = cell.isNull[r] ? dim : ""
                    out += " " + styled(cell.texts[r], widths[c], cell.rightAligned, style, style.isEmpty ? "" : reset)
                        + " │"
                }
                out += "\n"
            }
        }
        out += rule("└", "┴", "┘")
        if total == 0 { out += "(no rows)\n" }
        if shown < total { out += "… \(total - shown) more rows\n" }
        if kept < cells.count {
            let rest = t.names[kept...].map(DisplayWidth.visible)
            let note = "… \(rest.count) more \(rest.count == 1 ? "column" : "columns"): " + rest.joined(separator: ", ")
            out += DisplayWidth.truncate(note, to: max(options.width, 20)) + "\n"
        }
        return out
    }

    /// `text` cut and padded to `width`, the style codes around the text only (not the padding).
    static func styled(_ text: String, _ width: Int, _ right: Bool, _ on: String, _ off: String) -> String {
        let cut = DisplayWidth.truncate(text, to: width)
        let fill = String(repeating: " ", count: max(0, width - DisplayWidth.of(cut)))
        return right ? fill + on + cut + off : on + cut + off + fill
    }

    /// Widths that fit `available` columns: text columns give way first; only when
    /// they are all at their minimum are the headers of other columns cut.
    static func fit(natural: [Int], minimum: [Int], cuttable: [Bool], available: Int) -> [Int] {
        let textFirst = natural.indices.map { cuttable[$0] ? minimum[$0] : natural[$0] }
        if textFirst.reduce(0, +) <= available { return waterFill(natural: natural, minimum: textFirst, available: available) }
        return waterFill(natural: textFirst, minimum: minimum, available: available)
    }

    /// Each `natural` width capped at a common level C (but not below its
    /// `minimum`), C as large as fits; columns still above C share the remainder
    /// from the left.
    static func waterFill(natural: [Int], minimum: [Int], available: Int) -> [Int] {
        if natural.reduce(0, +) <= available { return natural }
        func total(_ cap: Int) -> Int {
            zip(natural, minimum).reduce(0) { $0 + max($1.1, min($1.0, cap)) }
        }
        var lo = 0, hi = natural.max() ?? 0
        while lo < hi {
            let mid = (lo + hi + 1) / 2
            if total(mid) <= available { lo = mid } else { hi = mid - 1 }
        }
        var widths = zip(natural, minimum).map { max($0.1, min($0.0, lo)) }
        var spare = available - widths.reduce(0, +)
        for c in widths.indices where spare > 0 && widths[c] < natural[c] {
            widths[c] += 1; spare -= 1
        }
        return widths
    }
}
