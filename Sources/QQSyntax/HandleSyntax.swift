/// How a handle is written so that it reads back as the same account (SPEC §7): bare
/// (`@dailykos.com`, `@alice@mastodon.social`) when the lexer takes it whole as one
/// handle token, else quoted (`@"john doe"`). Used by did-you-mean hints and by Tab
/// completion. A bare handle always resolves to itself, since the binder reads the
/// longest dotted prefix that is an account.
public enum HandleSyntax {
    /// `@handle` or `@"handle"`, whichever reads back as `handle`.
    public static func written(_ handle: String) -> String {
        isBare(handle) ? "@" + handle : "@" + quoted(handle)
    }

    /// True when `handle` can be written without quotes: letters, digits and `_ . - @`,
    /// starting with a letter, digit or `_`, and not ending in `.`, `-` or `@`.
    public static func isBare(_ handle: String) -> Bool {
        let scalars = Array(handle.unicodeScalars)
        guard let first = scalars.first, let last = scalars.last, isWord(first), isWord(last) else { return false }
        return scalars.allSatisfy { isWord($0) || $0 == "." || $0 == "-" || $0 == "@" }
    }

    /// `"text"` with `\` and `"` escaped, and control characters as the lexer's escapes.
    public static func quoted(_ text: String) -> String {
        var out = "\""
        for c in text.unicodeScalars {
            switch c {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\t": out += "\\t"
            case "\r": out += "\\r"
            case "\0": out += "\\0"
            default: out.unicodeScalars.append(c)
            }
        }
        return out + "\""
    }

    /// A character the lexer takes inside a handle as a word character.
    private static func isWord(_ c: Unicode.Scalar) -> Bool {
        if c.isASCII {
            let b = UInt8(c.value)
            return (b >= 97 && b <= 122) || (b >= 65 && b <= 90) || (b >= 48 && b <= 57) || b == 95
        }
        return c.properties.isAlphabetic || c.properties.numericType != nil
    }
}
