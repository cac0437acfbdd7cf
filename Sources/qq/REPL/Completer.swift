#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import QQSession

/// Tab completion for the REPL. The shell completes what only it knows —
/// dot-commands and their arguments — and asks the session for everything in the
/// language (stages after `|`, columns and metrics, handles after `@`, settings).
/// Inside an open quote, when the session has nothing, it offers file paths.
struct Completer {
    let session: Session

    /// Candidates for `line` with the cursor at UTF-8 offset `cursor`.
    func complete(line: String, cursor: Int) -> Completions {
        let bytes = Array(line.utf8)
        let cursor = min(max(0, cursor), bytes.count)
        let before = String(decoding: bytes[..<cursor], as: UTF8.self)
        let lead = before.prefix { $0 == " " || $0 == "\t" }.utf8.count
        if before.dropFirst(lead).hasPrefix(".") {
            return dotCommand(before: before, lead: lead, cursor: cursor)
        }
        let answer = session.completions(line: line, cursor: cursor)
        if answer.candidates.isEmpty, let quote = Completer.openQuote(in: bytes[..<cursor]) {
            let word = String(decoding: bytes[(quote + 1)..<cursor], as: UTF8.self)
            return Completions(start: quote + 1, candidates: Completer.paths(prefix: word))
        }
        return answer
    }

    private func dotCommand(before: String, lead: Int, cursor: Int) -> Completions {
        let text = before.dropFirst(lead)
        guard let space = text.firstIndex(of: " ") else {
            let names = DotCommand.all.map(\.name).filter { $0.hasPrefix(text) }
            return Completions(start: lead, candidates: names)
        }
        let name = String(text[..<space])
        let argument = text[text.index(after: space)...].drop { $0 == " " }
        let start = cursor - argument.utf8.count
        let options: [String]
        switch name {
        case ".format": options = FormatOption.allValueStrings
        case ".timer": options = ["on", "off"]
        case ".tutorial": options = ["reset"]
        case ".run": return Completions(start: start, candidates: Completer.paths(prefix: String(argument)))
        default: options = []
        }
        return Completions(start: start, candidates: options.filter { $0.hasPrefix(argument) })
    }

    /// The offset of the quote that is still open at the end of `bytes`, if any.
    static func openQuote(in bytes: ArraySlice<UInt8>) -> Int? {
        var open: (index: Int, quote: UInt8)?
        var i = bytes.startIndex
        while i < bytes.endIndex {
            let b = bytes[i]
            if let o = open {
                if b == UInt8(ascii: "\\") { i += 1 } else if b == o.quote { open = nil }
            } else if b == UInt8(ascii: "\"") || b == UInt8(ascii: "'") {
                open = (i, b)
            } else if b == UInt8(ascii: "#") {
                return nil
            }
            i += 1
        }
        return open?.index
    }

    /// Files and folders whose path starts with `prefix` (folders end in `/`);
    /// hidden entries only when the name typed so far starts with a dot.
    static func paths(prefix: String) -> [String] {
        let slash = prefix.lastIndex(of: "/")
        let dirPart = slash.map { String(prefix[...$0]) } ?? ""
        let base = slash.map { String(prefix[prefix.index(after: $0)...]) } ?? prefix
        let expanded = dirPart.hasPrefix("~/") ? Paths.homeDirectory() + dirPart.dropFirst(1) : dirPart
        guard let dir = opendir(expanded.isEmpty ? "." : expanded) else { return [] }
        defer { closedir(dir) }
        var names: [String] = []
        while let entry = readdir(dir) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                String(decoding: raw.prefix { $0 != 0 }, as: UTF8.self)
            }
            if name == "." || name == ".." || !name.hasPrefix(base) { continue }
            if name.hasPrefix(".") && !base.hasPrefix(".") { continue }
            let full = dirPart + name
            names.append(Invocation.isDirectory(expanded + name) ? full + "/" : full)
        }
        return names.sorted()
    }
}
