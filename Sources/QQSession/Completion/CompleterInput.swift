import QQData
import QQOutput
import QQSyntax
import QQSemantic
import QQEngine

// Completion inside strings (file paths, quoted handles) and of dot-commands.
extension Completer {
    /// The dot-commands (SPEC §6) and their aliases, from the one table.
    package static let dotCommands: [String] = DotCommand.all.map(\.name) + DotCommand.aliases.keys.sorted()

    /// Where a dot-command starts: a `.` as the line's first non-blank character.
    package static func dotCommandStart(_ b: [UInt8]) -> Int? {
        guard let f = b.firstIndex(where: { $0 != 0x20 && $0 != 0x09 }), b[f] == 0x2E else { return nil }  // .
        if f + 1 < b.count, NumberLiteral.isDigit(b[f + 1]) { return nil }
        return f
    }

    /// `.na|` completes the command; after it, `.run` takes a path, `.format` a format,
    /// `.timer` on/off and `.help` a topic.
    package static func dotCommand(_ b: [UInt8], _ f: Int, _ ctx: CompletionContext) -> Completions {
        guard let space = b[f...].firstIndex(where: { $0 == 0x20 || $0 == 0x09 }) else {
            return Completions(start: f, candidates: filter(dotCommands, String(decoding: b[f...], as: UTF8.self)))
        }
        let command = String(decoding: b[f..<space], as: UTF8.self)
        var argStart = space
        while argStart < b.count, b[argStart] == 0x20 || b[argStart] == 0x09 { argStart += 1 }
        let arg = String(decoding: b[argStart...], as: UTF8.self)
        switch DotCommand.canonical(command) {
        case ".run", ".output", ".once":
            if argStart < b.count, b[argStart] == 0x22 || b[argStart] == 0x27 {  // " '
                let quote = Character(Unicode.Scalar(b[argStart]))
                return paths(String(arg.dropFirst()), start: argStart + 1, closing: quote, ctx)
            }
            return paths(arg, start: argStart, closing: nil, ctx)
        case ".format": return Completions(start: argStart, candidates: filter(OutputFormat.allCases.map(\.rawValue), arg))
        case ".tutorial": return Completions(start: argStart, candidates: filter(["reset"], arg))
        case ".timer": return Completions(start: argStart, candidates: filter(["on", "off"], arg))
        case ".help": return Completions(start: argStart, candidates: filter(HelpRegistry.names, arg))
        default: return Completions(start: b.count, candidates: [])
        }
    }

    /// The cursor is inside a string still open: a quoted handle (`@"…`), or a path after
    /// `load`, `load follows|accounts`, `load layer NAME`, `source`, `save`, `export` or `to`.
    package static func insideString(_ b: [UInt8], _ tokens: [Token], _ quote: Character, _ ctx: CompletionContext) -> Completions {
        let open = tokens[tokens.count - 2].span.start
        if b[open] == 0x40 {  // @"…
            let prefix = String(decoding: b[min(open + 2, b.count)...], as: UTF8.self)
            return handles(prefix, start: open, ctx)
        }
        let k = tokens.count - 3
        let word = k >= 0 ? tokens[k].keyword : nil
        let before = k >= 1 ? tokens[k - 1].keyword : nil
        let pathWord = ["load", "source", "save", "export", "to"].contains(word ?? "")
            || (["follows", "accounts"].contains(word ?? "") && before == "load")
            || (k >= 2 && before == "layer" && tokens[k - 2].keyword == "load")
        guard pathWord else { return Completions(start: b.count, candidates: []) }
        return paths(String(decoding: b[(open + 1)...], as: UTF8.self), start: open + 1, closing: quote, ctx)
    }

    /// Files and directories that complete `typed` (a path so far): directories end in
    /// `/`, files get the closing quote when there is one. Hidden entries only when the
    /// typed name starts with `.`.
    package static func paths(_ typed: String, start: Int, closing: Character?, _ ctx: CompletionContext) -> Completions {
        let slash = typed.lastIndex(of: "/")
        let dir = slash.map { String(typed[...$0]) } ?? ""
        let file = slash.map { String(typed[typed.index(after: $0)...]) } ?? typed
        let entries = ctx.listDirectory(dir) ?? []
        let found = entries.filter { $0.hasPrefix(file) && (!$0.hasPrefix(".") || file.hasPrefix(".")) }
        let candidates = found.map { e in dir + e + (e.hasSuffix("/") ? "" : closing.map(String.init) ?? "") }
        return Completions(start: start, candidates: candidates)
    }
}
