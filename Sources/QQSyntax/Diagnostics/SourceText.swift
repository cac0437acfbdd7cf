import QQData

/// Source text with its line table: maps UTF-8 offsets (what `SourceSpan` holds) to
/// 1-based lines and character columns, and slices spans back to text.
///
/// Columns count characters (grapheme clusters), as swift-syntax does, so an `é` or an
/// emoji is one column however many bytes it takes. Offsets past the end clamp to it.
public struct SourceText: Sendable {
    /// The text itself.
    public let text: String
    package let bytes: [UInt8]
    /// Offset of the first byte of each line; `lineStarts[0] == 0`.
    package let lineStarts: [Int]

    /// - Complexity: O(n) in the length of `text`.
    public init(_ text: String) {
        self.text = text
        let b = Array(text.utf8)
        var starts = [0]
        for (i, c) in b.enumerated() where c == 0x0A { starts.append(i + 1) }
        self.bytes = b
        self.lineStarts = starts
    }

    /// The text of `span` (clamped to the text).
    public func slice(_ span: SourceSpan) -> String {
        let s = min(max(0, span.start), bytes.count), e = min(max(s, span.end), bytes.count)
        return String(decoding: bytes[s..<e], as: UTF8.self)
    }

    /// The 1-based line holding `offset`.
    /// - Complexity: O(log lines).
    public func line(of offset: Int) -> Int {
        let o = min(max(0, offset), bytes.count)
        var lo = 0, hi = lineStarts.count - 1
        while lo < hi {
            let mid = (lo + hi + 1) / 2
            if lineStarts[mid] <= o { lo = mid } else { hi = mid - 1 }
        }
        return lo + 1
    }

    /// 1-based line and character column of `offset`.
    public func location(of offset: Int) -> (line: Int, column: Int) {
        let o = min(max(0, offset), bytes.count)
        let line = line(of: o)
        let start = lineStarts[line - 1]
        return (line, String(decoding: bytes[start..<o], as: UTF8.self).count + 1)
    }

    /// `LINE:COL` of `offset`, as notes such as `(to close '(' at 3:5)` write it.
    public func position(of offset: Int) -> String {
        let (l, c) = location(of: offset)
        return "\(l):\(c)"
    }

    /// The byte range of line `n` (1-based) without its newline (and without a `\r` before it).
    public func lineRange(_ n: Int) -> Range<Int> {
        let start = lineStarts[n - 1]
        var end = n < lineStarts.count ? lineStarts[n] - 1 : bytes.count
        if end > start && bytes[end - 1] == 0x0D { end -= 1 }
        return start..<end
    }

    /// The text of line `n` (1-based), without its line ending.
    public func lineText(_ n: Int) -> String {
        String(decoding: bytes[lineRange(n)], as: UTF8.self)
    }

    /// The number of lines (a text ending in a newline has an empty last line).
    public var lineCount: Int { lineStarts.count }
}
