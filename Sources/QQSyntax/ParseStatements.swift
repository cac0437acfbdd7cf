import QQData

extension ParserCore {
    // program := { terminator } [ statement { terminator { terminator } statement } ] { terminator }
    package mutating func parseProgram() -> ParseResult {
        var statements: [Statement] = []
        var diagnostics: [Diagnostic] = []
        var before: Int?
        skipTerminators()
        while true {
            if case .end = peek.kind { break }
            do throws(Diagnostic) {
                stageCount = 0
                let s = try parseStatement()
                guard peek.endsStatement else { throw trailingError(after: s) }
                statements.append(s)
            } catch {
                diagnostics.append(error)
                if before == nil { before = statements.count }
                synchronize()
            }
            skipTerminators()
        }
        return ParseResult(statements: statements, diagnostics: diagnostics,
                           statementsBeforeFirstError: before ?? statements.count)
    }

    /// Panic mode: skips to the end of the current statement.
    package mutating func synchronize() {
        depth = 0
        openParens.removeAll()
        while !peek.endsStatement { advance() }
    }

    /// The error for text left over after a complete statement `s`.
    package func trailingError(after s: Statement) -> Diagnostic {
        if at(.rparen) {
            return error("unexpected ')'", at: peek.span, hint: "it closes no '('")
        }
        if at(.assign) {
            return error("'=' does not compare values", at: peek.span, hint: "did you mean '=='?")
        }
        let word = peek.keyword ?? ""
        if case .expression(let e) = s.kind, case .name(let first) = e.kind {
            if Keywords.stages.contains(first) {
                return error(expected: "'|' or end of line",
                             hint: "a pipeline starts with a source: accounts | \(first) …")
            }
            if let keyword = Suggest.closest(first, among: Keywords.statements) {
                return error(expected: "'|' or end of line", hint: "did you mean '\(keyword)'?")
            }
        }
        switch s.kind {
        case .expression, .letBinding, .print, .assert, .set, .param:
            if Keywords.stages.contains(word) {
                return error(expected: "'|' or end of line", hint: "write '| \(word)' to add a stage")
            }
            if word.hasPrefix("desc") || word.hasPrefix("asc") {
                return error(expected: "'|' or end of line", hint: "the sort orders are 'asc' and 'desc'")
            }
            return error(expected: "'|' or end of line")
        case .load:
            return error(expected: "end of line", hint: "a load may end with 'lenient'")
        case .save:
            return error(expected: "end of line", hint: "a save may end with 'overwrite'")
        default:
            return error(expected: "end of line")
        }
    }

    // statement := let | compare | describe | print | assert | set | source | param
    //            | help | load | save | generate | pipeline
    package mutating func parseStatement() throws(Diagnostic) -> Statement {
        let start = peek.span.start
        let kind: Statement.Kind
        switch peek.keyword {
        case "let":
            advance()
            let (name, value) = try parseBinding("let")
            kind = .letBinding(name: name, value: value)
        case "set":
            advance()
            let (name, value) = try parseBinding("set")
            kind = .set(name: name, value: value)
        case "param":
            advance()
            let (name, value) = try parseBinding("param")
            kind = .param(name: name, defaultValue: value)
        case "compare":
            advance()
            kind = try parseCompareStatement()
        case "describe":
            advance()
            let target = peek.endsStatement ? nil : Optional(try parseName("a table name"))
            kind = .describe(target: target)
        case "print":
            advance()
            kind = .print(try parsePipeline())
        case "assert":
            advance()
            let cond = try parsePipeline()
            let message = eat(.comma) ? Optional(try parsePipeline()) : nil
            kind = .assert(cond, message: message)
        case "source":
            advance()
            kind = .source(path: try expectString("a script path in quotes"))
        case "help":
            advance()
            kind = .help(topic: rawRestOfStatement())
        case "load":
            advance()
            kind = try parseLoad()
        case "save":
            advance()
            let path = try expectString("a path in quotes")
            kind = .save(path: path, overwrite: eat("overwrite"))
        case "generate":
            advance()
            kind = try parseGenerate()
        default:
            if case .word(let w) = peek.kind, peek(1).isOp(.assign) {
                throw error("'=' binds a name only after 'let', 'set' or 'param'", at: peek(1).span,
                            hint: "write 'let \(w) = …' to name a value, or '==' to compare")
            }
            kind = .expression(try parsePipeline())
        }
        return Statement(kind, span: SourceSpan(start, previousEnd))
    }

    // binding := name '=' pipeline        (after let, set or param)
    package mutating func parseBinding(_ keyword: String) throws(Diagnostic) -> (Identifier, Expr) {
        let name = try parseName("a name after '\(keyword)'", bindable: keyword != "set")
        guard eat(.assign) else {
            let hint = at(.eq) ? "'\(keyword)' takes a single '='" : nil
            throw error(expected: "'=' after '\(keyword) \(name.name)'", hint: hint)
        }
        return (name, try parsePipeline())
    }

    /// name := WORD | `QUOTED`. With `bindable`, statement and expression keywords and
    /// the built-in sources are refused (they would be unreachable as names).
    package mutating func parseName(_ what: String, bindable: Bool = false) throws(Diagnostic) -> Identifier {
        switch peek.kind {
        case .word(let w):
            if bindable, Keywords.reserved.contains(w) {
                throw error("'\(w)' is a reserved word and cannot be a name", at: peek.span,
                            hint: "choose another name, such as '\(w)_'")
            }
            return Identifier(w, span: advance().span)
        case .quotedWord(let w):
            return Identifier(w, span: advance().span)
        default:
            throw error(expected: what)
        }
    }

    // compare_statement := 'compare' or_expr { ',' or_expr } [ 'on' items ]
    package mutating func parseCompareStatement() throws(Diagnostic) -> Statement.Kind {
        guard !peek.endsStatement else {
            throw error(expected: "accounts to compare", hint: "compare @alice, @bob")
        }
        var accounts = [try parseOr()]
        while eat(.comma) { accounts.append(try parseOr()) }
        let on = eat("on") ? Optional(try parseItems()) : nil
        return .compare(accounts: accounts, on: on)
    }

    // names := name { ',' name }
    package mutating func parseNameList(_ what: String) throws(Diagnostic) -> [Identifier] {
        var names = [try parseName(what)]
        while eat(.comma) { names.append(try parseName(what)) }
        return names
    }

    /// The raw text after `help` up to the end of the statement, trimmed; nil when empty.
    package mutating func rawRestOfStatement() -> String? {
        guard !peek.endsStatement else { return nil }
        let start = peek.span.start
        while !peek.endsStatement { advance() }
        let text = src.slice(SourceSpan(start, previousEnd))
        return text.isEmpty ? nil : text
    }

    // load := 'load' ( STRING | 'follows' STRING | 'accounts' STRING | 'layer' name STRING ) [ 'lenient' ]
    //       | 'load' 'sample'
    package mutating func parseLoad() throws(Diagnostic) -> Statement.Kind {
        let target: LoadTarget
        switch peek.kind {
        case .string(let s): target = .path(StringLiteral(s, span: advance().span))
        case .word("sample"):
            advance()
            return .load(.sample, lenient: false)
        case .word("follows"):
            advance()
            target = .follows(try expectString("an edge-list path in quotes"))
        case .word("accounts"):
            advance()
            target = .accounts(try expectString("an accounts file path in quotes"))
        case .word("layers"):
            advance()
            let path = try expectString("an edge-file path in quotes, as in: load layers \"activity.txt\" by 4 time 3")
            guard eat("by") else { throw error(expected: "'by' and the column naming each row's layer", hint: "load layers \"activity.txt\" by 4 time 3") }
            let by = try parseColumnRef()
            let time = eat("time") ? Optional(try parseColumnRef()) : nil
            target = .layers(path, by: by, time: time)
        case .word("layer"):
            advance()
            let name = try parseName("a layer name, as in: load layer repost \"retweets.csv\"")
            target = .layer(name, try expectString("a path in quotes"))
        default:
            throw error(expected: "a path in quotes, 'follows', 'accounts', 'layer' or 'sample'",
                        hint: peek.keyword != nil ? "paths are written in quotes: load \"data/dir\"" : nil)
        }
        return .load(target, lenient: eat("lenient"))
    }

    /// A column of a file: a header name, a quoted name, or a 1-based position.
    package mutating func parseColumnRef() throws(Diagnostic) -> String {
        switch peek.kind {
        case .word(let w): advance(); return w
        case .string(let s): advance(); return s
        case .number(.int(let i)) where i >= 1: advance(); return String(i)
        default: throw error(expected: "a column name or a position like 4")
        }
    }

    // generate := 'generate' 'accounts' or_expr 'follows' or_expr [ 'seed' or_expr ] [ 'times' ]
    package mutating func parseGenerate() throws(Diagnostic) -> Statement.Kind {
        try expect(word: "accounts")
        let n = try parseOr()
        try expect(word: "follows")
        let m = try parseOr()
        let seed = eat("seed") ? Optional(try parseOr()) : nil
        return .generate(accounts: n, follows: m, seed: seed, times: eat("times"))
    }
}
