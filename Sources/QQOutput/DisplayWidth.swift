/// Terminal display width of text: how many columns a string takes on screen.
///
/// Counted per grapheme cluster (a `Character`), as wcwidth-style terminals draw
/// them: East Asian wide and fullwidth characters and emoji take 2 columns,
/// combining marks and format characters 0, everything else 1. Control characters
/// never reach the terminal: `visible(_:)` turns them into escapes first.
public enum DisplayWidth {
    /// Columns taken by `s` (after `visible(_:)`).
    public static func of(_ s: String) -> Int {
        // Fast path: printable ASCII is one column per byte.
        if s.utf8.allSatisfy({ $0 >= 0x20 && $0 < 0x7F }) { return s.utf8.count }
        var n = 0
        for c in s { n += of(c) }
        return n
    }

    /// Columns taken by one grapheme cluster.
    public static func of(_ c: Character) -> Int {
        let scalars = c.unicodeScalars
        guard let first = scalars.first else { return 0 }
        if c.isASCII { return first.value < 0x20 || first.value == 0x7F ? 0 : 1 }
        let p = first.properties
        if p.isEmojiPresentation { return 2 }
        if p.isEmoji && scalars.contains(where: { $0.value == 0xFE0F }) { return 2 }
        if isWide(first.value) { return 2 }
        switch p.generalCategory {
        case .nonspacingMark, .enclosingMark, .format, .control: return 0
        default: return 1
        }
    }

    /// East Asian Wide (W) and Fullwidth (F) blocks (Unicode 15 EastAsianWidth.txt,
    /// merged into ranges; emoji are handled by their presentation property).
    static func isWide(_ v: UInt32) -> Bool {
        if v < 0x1100 { return false }
        for r in wideRanges where r.contains(v) { return true }
        return false
    }

    private static let wideRanges: [ClosedRange<UInt32>] = [
        0x1100...0x115F, 0x2329...0x232A, 0x2E80...0x303E, 0x3041...0x33FF,
        0x3400...0x4DBF, 0x4E00...0x9FFF, 0xA000...0xA4CF, 0xA960...0xA97F,
        0xAC00...0xD7A3, 0xF900...0xFAFF, 0xFE10...0xFE19, 0xFE30...0xFE6F,
        0xFF00...0xFF60, 0xFFE0...0xFFE6, 0x16FE0...0x16FE4, 0x17000...0x18CFF,
        0x1B000...0x1B2FF, 0x1F200...0x1F2FF, 0x20000...0x2FFFD, 0x30000...0x3FFFD,
    ]

    /// `s` with control characters written as escapes (`\n`, `\t`, `\r`, `\u{1b}`),
    /// so data can never move the cursor or change colours in a terminal.
    public static func visible(_ s: String) -> String {
        if !s.unicodeScalars.contains(where: isControl) { return s }
        var out = ""
        for u in s.unicodeScalars {
            if !isControl(u) { out.unicodeScalars.append(u); continue }
            switch u.value {
            case 0x0A: out += "\\n"
            case 0x09: out += "\\t"
            case 0x0D: out += "\\r"
            default: out += "\\u{" + String(u.value, radix: 16) + "}"
            }
        }
        return out
    }

    private static func isControl(_ u: Unicode.Scalar) -> Bool {
        u.value < 0x20 || (u.value >= 0x7F && u.value < 0xA0)
    }

    /// `s` cut to at most `width` columns, ending in `…` when anything was cut.
    public static func truncate(_ s: String, to width: Int) -> String {
        if width <= 0 { return "" }
        if of(s) <= width { return s }
        var out = ""
        var used = 0
        for c in s {
            let w = of(c)
            if used + w > width - 1 { break }
            out.append(c); used += w
        }
        return out + "…"
    }

    /// `s` padded with spaces to `width` columns, on the left when `right` (right-aligned).
    public static func pad(_ s: String, to width: Int, right: Bool = false) -> String {
        let fill = width - of(s)
        if fill <= 0 { return s }
        let spaces = String(repeating: " ", count: fill)
        return right ? spaces + s : s + spaces
    }

    /// `s` centred in `width` columns (extra space on the right).
    public static func center(_ s: String, in width: Int) -> String {
        let fill = width - of(s)
        if fill <= 0 { return s }
        return String(repeating: " ", count: fill / 2) + s + String(repeating: " ", count: fill - fill / 2)
    }
}
