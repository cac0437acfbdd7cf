/// Markdown cell text: a `|` inside a cell is written `\|`, a line break (LF, CR
/// or CRLF) `<br>`, so a value never breaks its table row (`ExactWriter` lays out the table).
enum MarkdownWriter {
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
