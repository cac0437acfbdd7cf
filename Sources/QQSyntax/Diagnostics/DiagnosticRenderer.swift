import QQData

/// The one renderer of diagnostics, for the REPL, scripts and loaders alike
/// (swift-syntax keeps the `Diagnostic` value apart from the printer; so do we).
///
/// Shapes:
/// ```
/// report.qq:2:18: error: unknown column 'folowers'      (a script: file:LINE:COL)
///   accounts | where folowers > 10                      (the source line)
///                    ^~~~~~~~                           (carets under the whole span)
/// hint: did you mean 'followers'?
/// (to close '(' at 1:5)                                 (notes, one per line)
/// ```
/// In the REPL (no file) the first line is `error: message`. A diagnostic about a data
/// file (`position`) starts `file:LINE:COL: error: message`. Columns count characters;
/// the caret line accounts for tabs (stops every 4 columns) and double-width characters.
/// Colour (ANSI) only when `color` is true. The result ends with a newline.
public enum DiagnosticRenderer {
    /// Tab stops in the echoed source line.
    package static let tabWidth = 4

    /// `d` as text: `source` is the text its span points into (nil for data-file
    /// diagnostics), `file` the script's name (nil in the REPL), `color` whether to use ANSI.
    public static func render(_ d: Diagnostic, source: String?, file: String?, color: Bool) -> String {
        let paint = Paint(enabled: color)
        var lines: [String] = []
        let label = paint.severity(d.severity)
        let message = paint.bold(d.message)

        if let span = d.span, let source {
            let text = SourceText(source)
            let offset = anchor(span.start, in: text)
            let (line, column) = text.location(of: offset)
            let prefix = file.map { "\($0):\(line):\(column): " } ?? ""
            lines.append(prefix + label + " " + message)
            let range = text.lineRange(line)
            let lineBytes = text.bytes[range]
            let before = String(decoding: lineBytes.prefix(offset - range.lowerBound), as: UTF8.self)
            let end = min(max(span.end, offset), range.upperBound)
            let inside = String(decoding: text.bytes[offset..<max(offset, end)], as: UTF8.self)
            let startColumn = width(of: before, from: 0)
            let spanWidth = width(of: inside, from: startColumn)
            lines.append("  " + expandTabs(String(decoding: lineBytes, as: UTF8.self)))
            let carets = "^" + String(repeating: "~", count: max(0, spanWidth - 1))
            lines.append("  " + String(repeating: " ", count: startColumn) + paint.caret(carets))
        } else if let p = d.position {
            lines.append("\(p.file):\(p.line):\(p.column): " + label + " " + message)
        } else {
            lines.append((file.map { "\($0): " } ?? "") + label + " " + message)
        }
        if let hint = d.hint { lines.append(paint.hint("hint:") + " " + hint) }
        lines.append(contentsOf: d.notes)
        return lines.joined(separator: "\n") + "\n"
    }

    /// An offset at the very end of a text that ends in a newline points at that
    /// newline instead, so "found end of input" marks the end of the last line.
    package static func anchor(_ offset: Int, in text: SourceText) -> Int {
        let o = min(max(0, offset), text.bytes.count)
        if o == text.bytes.count, o > 0, text.bytes[o - 1] == 0x0A { return o - 1 }
        return o
    }

    /// Display width of `s` when it starts at display column `start` (tabs to the next stop).
    package static func width(of s: String, from start: Int) -> Int {
        var col = start
        for c in s {
            if c == "\t" { col += tabWidth - col % tabWidth } else { col += displayWidth(c) }
        }
        return col - start
    }

    package static func expandTabs(_ s: String) -> String {
        var out = "", col = 0
        for c in s {
            if c == "\t" {
                let n = tabWidth - col % tabWidth
                out += String(repeating: " ", count: n); col += n
            } else {
                out.append(c); col += displayWidth(c)
            }
        }
        return out
    }

    /// Terminal columns a character takes: 2 for East Asian wide and emoji, else 1.
    package static func displayWidth(_ c: Character) -> Int {
        guard let s = c.unicodeScalars.first else { return 1 }
        let v = s.value
        if v < 0x1100 { return 1 }
        if s.properties.isEmojiPresentation { return 2 }
        switch v {
        case 0x1100...0x115F, 0x2E80...0x303E, 0x3041...0x33FF, 0x3400...0x4DBF, 0x4E00...0x9FFF,
             0xA000...0xA4CF, 0xAC00...0xD7A3, 0xF900...0xFAFF, 0xFE30...0xFE4F, 0xFF00...0xFF60,
             0xFFE0...0xFFE6, 0x1F300...0x1F64F, 0x1F900...0x1F9FF, 0x20000...0x3FFFD:
            return 2
        default:
            return 1
        }
    }
}

/// ANSI styling that collapses to plain text when colour is off.
package struct Paint {
    package var enabled: Bool

    package func wrap(_ s: String, _ code: String) -> String { enabled ? "\u{1B}[\(code)m\(s)\u{1B}[0m" : s }
    package func bold(_ s: String) -> String { wrap(s, "1") }
    package func caret(_ s: String) -> String { wrap(s, "1;32") }
    package func hint(_ s: String) -> String { wrap(s, "1;36") }

    package func severity(_ s: Diagnostic.Severity) -> String {
        switch s {
        case .error: return wrap("error:", "1;31")
        case .warning: return wrap("warning:", "1;33")
        case .note: return wrap("note:", "1;36")
        }
    }
}
