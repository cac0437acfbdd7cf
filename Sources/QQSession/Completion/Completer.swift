import QQData
import QQMetrics
import QQSyntax
import QQSemantic
import QQEngine

/// Tab completion that knows where the cursor stands (SPEC §6): stage names after `|`,
/// columns, metrics and functions in expressions, handles after `@`, file paths inside
/// quotes after `load`/`source`/`save`/`export`/`to` and `.run`, dot-commands after a
/// `.` at line start, statement keywords at the start of a statement, settings after
/// `set`, topics after `help`, and the clause words a stage takes (`by`, `desc`, …)
/// after a complete operand.
///
/// It reads the text before the cursor with the real lexer, so strings, comments and
/// `;` are understood exactly as the parser understands them.
public enum Completer {
    /// The most handles offered at once.
    public static let handleLimit = 100

    /// Completions for `line` with the cursor at UTF-8 offset `cursor`: the candidates
    /// replace the text from `start` to the cursor.
    public static func complete(line: String, cursor: Int, context: CompletionContext) -> Completions {
        let bytes = Array(line.utf8)
        let cur = min(max(0, cursor), bytes.count)
        let before = Array(bytes[..<cur])
        if let dot = dotCommandStart(before) { return dotCommand(before, dot, context) }

        let lexed = Lexer.tokenize(String(decoding: before, as: UTF8.self))
        if let quote = lexed.openQuote, lexed.tokens.count >= 2 {
            return insideString(before, lexed.tokens, quote, context)
        }
        if let at = handleStart(before) {
            let prefix = String(decoding: before[(at + 1)...], as: UTF8.self)
            return handles(prefix, start: at, context)
        }
        var ws = cur
        while ws > 0, Lexer.isWordByte(before[ws - 1]) { ws -= 1 }
        if let help = helpTopic(before, lexed.tokens) { return help }
        let word = String(decoding: before[ws...], as: UTF8.self)
        if ws > 0, before[ws - 1] == 0x2E, ws > 1, before[ws - 2] != 0x2E {  // a member after `.`
            return Completions(start: ws, candidates: filter(context.columns + context.metrics, word))
        }
        let head = String(decoding: before[..<ws], as: UTF8.self)
        let tokens = Array(Lexer.tokenize(head).tokens.dropLast())
        let statement = tokens.lastIndex(where: \.endsStatement).map { Array(tokens[($0 + 1)...]) } ?? tokens
        var ctx = context
        if let pipeline = pipelineBeforeStage(statement, head), let columns = context.schema(pipeline) {
            ctx.columns = columns
            ctx.metrics = []
        }
        let all = candidates(for: statement, ctx)
        // Where a column may stand, the columns that match come first and alone
        // (`follows | select s` → `src`, not `sqrt`); functions when none matches.
        let columns = filter(ctx.columns + ctx.metrics, word)
        if !word.isEmpty, !columns.isEmpty, !ctx.columns.isEmpty, Set(all).isSuperset(of: ctx.columns) {
            return Completions(start: ws, candidates: columns)
        }
        return Completions(start: ws, candidates: filter(all, word))
    }

    /// Handles after `@`: sorted, at most `handleLimit`, with the number left out.
    package static func handles(_ prefix: String, start: Int, _ ctx: CompletionContext) -> Completions {
        let found = ctx.handles(prefix, handleLimit)
        let total = max(ctx.handleCount(prefix), found.count)
        return Completions(start: start, candidates: found.sorted().map(spell), more: total - found.count)
    }

    /// The text of the pipeline whose stage the cursor is in, up to (not including)
    /// that stage's `|`: what the binder reads to know the columns flowing into the
    /// stage. Nil outside a pipeline stage. Inside brackets, the pipeline starts after
    /// the innermost open `(`; at the top, after `let NAME =` or a statement word.
    package static func pipelineBeforeStage(_ stmt: [Token], _ text: String) -> String? {
        var open: [Int] = []  // token indices of open brackets
        var pipes: [[Int]] = [[]]
        for (k, t) in stmt.enumerated() {
            if t.isOp(.lparen) { open.append(k); pipes.append([]) }
            else if t.isOp(.rparen), !open.isEmpty { open.removeLast(); pipes.removeLast() }
            else if t.isOp(.pipe) { pipes[pipes.count - 1].append(k) }
        }
        guard let pipe = pipes.last?.last else { return nil }
        var first = open.last.map { $0 + 1 } ?? 0
        if open.isEmpty {
            if stmt.first?.keyword == "let", stmt.count > 2, stmt[2].isOp(.assign) { first = 3 }
            else if let w = stmt.first?.keyword, ["print", "assert", "compare"].contains(w) { first = 1 }
        }
        guard first < pipe else { return nil }
        let bytes = Array(text.utf8)
        let lo = stmt[first].span.start, hi = stmt[pipe].span.start
        guard lo < hi, hi <= bytes.count else { return nil }
        return String(decoding: bytes[lo..<hi], as: UTF8.self)
    }

    /// What may come next after the tokens of the current statement.
    package static func candidates(for stmt: [Token], _ ctx: CompletionContext) -> [String] {
        let expression = ctx.columns + ctx.metrics + functionNames + ctx.names + Keywords.pipelineSources + ["true", "false", "null", "not"]
        let sourceStart = Keywords.pipelineSources + functionSources + ctx.names
        guard let last = stmt.last else { return Keywords.statements + sourceStart }
        let first = stmt.first?.keyword
        if last.isOp(.pipe) { return Keywords.stages }
        if stmt.count == 1 {
            switch first {
            case "set": return ctx.settings
            case "describe": return Keywords.sources + ctx.names
            case "load": return ["follows", "accounts", "layer", "sample"]
            default: break
            }
        }
        if first == "set", stmt.count >= 2, let name = stmt[1].keyword {
            if stmt.count == 2 { return ["="] }
            if stmt.count == 3, stmt[2].isOp(.assign) { return ctx.settingValues(name) }
        }
        if first == "let", stmt.count == 3, stmt[2].isOp(.assign) { return sourceStart + functionNames.filter { !functionSources.contains($0 + "(") } }
        if last.isOp(.lparen), stmt.count >= 2, let f = stmt[stmt.count - 2].keyword, MetricRegistry.definition(f).map({ $0.layer != .none && $0.layer != .duration }) == true {
            return ctx.layers
        }
        switch last.kind {
        case .word("plot"): return Keywords.plotKinds
        case .word("method"): return Keywords.correlationMethods
        case .word("on"): return ctx.metrics
        case .word(let w) where expressionKeywords.contains(w): return expression
        case .op(let op) where op != .rparen: return expression
        case .word, .quotedWord, .number, .string, .handle, .op(.rparen):
            let clause = clauseKeywords[currentClause(stmt)] ?? []
            let noOperators: Set<String> = ["load", "save", "export", "generate", "describe", "source", "help"]
            return clause + (noOperators.contains(currentClause(stmt)) ? [] : operatorKeywords)
        default: return []
        }
    }

    /// After `help`, the topic being typed (which may start with `.` or be an operator).
    package static func helpTopic(_ b: [UInt8], _ tokens: [Token]) -> Completions? {
        let real = tokens.dropLast()
        let stmt = real.lastIndex(where: \.endsStatement).map { Array(real[($0 + 1)...]) } ?? Array(real)
        guard stmt.first?.keyword == "help", b.count > stmt[0].span.end else { return nil }
        var ws = b.count
        while ws > stmt[0].span.end, b[ws - 1] != 0x20, b[ws - 1] != 0x09 { ws -= 1 }
        return Completions(start: ws, candidates: filter(HelpRegistry.names, String(decoding: b[ws...], as: UTF8.self)))
    }

    /// The stage (after the last `|`) or statement keyword the cursor is in.
    package static func currentClause(_ stmt: [Token]) -> String {
        if let pipe = stmt.lastIndex(where: { $0.isOp(.pipe) }), pipe + 1 < stmt.count {
            return stmt[pipe + 1].keyword ?? ""
        }
        return stmt.first?.keyword ?? ""
    }

    /// Words after which an expression starts.
    package static let expressionKeywords: Set<String> = [
        "where", "by", "select", "extend", "summarize", "distinct", "correlate", "top", "take", "skip", "sort",
        "sample", "seed", "bins", "and", "or", "not", "in", "between", "print", "assert", "compare", "contains",
        "startswith", "endswith", "matches", "is",
    ]

    package static let operatorKeywords = ["and", "or", "not", "in", "between", "is", "contains", "startswith", "endswith", "matches"]

    /// The words each stage or statement takes after an operand.
    package static let clauseKeywords: [String: [String]] = [
        "top": ["by", "asc", "desc"], "sort": ["asc", "desc"], "summarize": ["as", "by"],
        "select": ["as"], "extend": ["as"], "distinct": ["as"], "correlate": ["as", "method"],
        "sample": ["seed"], "plot": ["bins", "log", "to", "overwrite"], "export": ["overwrite"],
        "compare": ["on"], "load": ["lenient"], "save": ["overwrite"], "generate": ["follows", "seed"],
    ]

    /// Every callable name: functions, aggregates, graph functions and graph sources.
    package static let functionNames: [String] = {
        var seen = Set<String>()
        return HelpRegistry.topics.filter { [.function, .aggregate, .graphFunction].contains($0.category) || ($0.category == .source && $0.syntax.first?.contains("(") == true) }
            .map(\.name).filter { seen.insert($0).inserted }
    }()

    /// The graph sources written as calls (`followers(`, `mutuals(`, `audience(`, …),
    /// offered where a pipeline may start.
    package static let functionSources: [String] = {
        var seen = Set<String>()
        return HelpRegistry.topics.filter { $0.category == .source && $0.syntax.first?.contains("(") == true }
            .map { $0.name + "(" }.filter { seen.insert($0).inserted }
    }()

    /// What Tab adds after a unique candidate: a space, unless the candidate opens
    /// something that continues (`followers(`, a folder `data/`, `set x =`-style `=`).
    public static func separator(after candidate: String) -> String {
        guard let last = candidate.last else { return "" }
        return last == "(" || last == "/" || last == "." ? "" : " "
    }

    /// Candidates starting with `word` (ignoring case), each once, sorted.
    package static func filter(_ candidates: [String], _ word: String) -> [String] {
        let w = word.lowercased()
        var seen = Set<String>()
        return candidates.filter { $0.lowercased().hasPrefix(w) && seen.insert($0).inserted }.sorted()
    }

    /// `@name`, or `@"any text"` when the handle would not read back bare: the lexer
    /// reads letters, digits, `_`, `.` and `-` (not last) after `@`.
    package static func spell(_ handle: String) -> String {
        let u = Array(handle.utf8)
        let plain = !u.isEmpty && handle.unicodeScalars.allSatisfy { s in
            s.isASCII ? Lexer.isWordByte(UInt8(s.value)) || s == "." || s == "-"
                : s.properties.isAlphabetic || s.properties.numericType != nil
        } && u.last != 0x2E && u.last != 0x2D
        if plain { return "@" + handle }
        var out = "@\""
        for c in handle {
            if c == "\\" || c == "\"" { out.append("\\") }
            out.append(c)
        }
        return out + "\""
    }

    /// The offset of the `@` when the cursor ends a bare `@handle`.
    package static func handleStart(_ b: [UInt8]) -> Int? {
        var i = b.count
        while i > 0, Lexer.isWordByte(b[i - 1]) || b[i - 1] == 0x2E || b[i - 1] == 0x2D { i -= 1 }  // . -
        return i > 0 && b[i - 1] == 0x40 ? i - 1 : nil  // @
    }
}
