extension String {
    /// Without leading and trailing whitespace (spaces, tabs, newlines).
    var trimmed: String {
        let chars = Substring(self).drop { $0.isWhitespace }
        return String(chars.reversed().drop { $0.isWhitespace }.reversed())
    }

    /// The string right-aligned in `width` characters.
    func leftPadded(to width: Int, with pad: Character = " ") -> String {
        count >= width ? self : String(repeating: pad, count: width - count) + self
    }

    /// Without `_` digit separators (`1_000`).
    func replacingUnderscores() -> String { String(filter { $0 != "_" }) }
    /// Each newline replaced by `s`.
    func replacingNewlines(with s: String) -> String {
        split(separator: "\n", omittingEmptySubsequences: false).joined(separator: s)
    }
}
