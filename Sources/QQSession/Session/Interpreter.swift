import QQData
import QQSyntax
import QQSemantic
import QQEngine
import QQIO

/// Running statements (SPEC §3): parse a text, run its statements in order, stop at
/// the first error. Each statement is bound before it runs, so a name or type error
/// changes nothing. Only results go to stdout; errors, notices and (in the REPL)
/// confirmations go to stderr.
extension Session {
    /// A failure already reported (by a script run with `source`); the caller only stops.
    package static let reported = Diagnostic(.alreadyReported, "")

    package func runScript(_ s: Script) -> Bool {
        if let bad = s.invalidUTF8 {
            report(Diagnostic(.syntax, "expected UTF-8 text, found bytes that are not UTF-8 (shown as '\u{FFFD}')",
                              span: SourceSpan(bad, bad + 3), hint: "save the script as UTF-8"), s)
            return false
        }
        let parsed = Parser.parse(s.text)
        for stmt in parsed.statements.prefix(parsed.statementsBeforeFirstError) {
            if !runStatement(stmt, s) { return false }
        }
        if let e = parsed.firstError {
            report(e, s)
            return false
        }
        return true
    }

    /// Runs one statement; reports its error and returns false when it fails.
    package func runStatement(_ stmt: Statement, _ s: Script) -> Bool {
        let started = Clock.now()
        rt.notices = []
        rt.directory = s.directory
        rt.safe = options.safe
        rt.width = options.width
        rt.color = options.color
        rt.files = [:]
        rt.bindNotes.removeAll()
        // Metric kernels report through the statement's sink (iterations, sources, passes).
        KernelProgress.install(rt.progress)
        var ok = true
        do {
            try readFiles(stmt)
            try execute(stmt, s)
        } catch {
            ok = false
            flushNotices()
            if error.kind != .alreadyReported {
                var d = rt.relative(error)
                if d.span == nil && d.position == nil && d.kind != .cancelled { d.span = stmt.span }
                report(d, s)
            }
        }
        if ok { flushNotices() }
        if options.timer {
            output.err("time: \(Clock.milliseconds(since: started)) ms\n")
        }
        return ok
    }

    package func flushNotices() {
        for n in rt.bindNotes.notes + rt.notices { output.err("note: \(n)\n") }
        rt.notices = []
        rt.bindNotes.removeAll()
    }

    /// Reads the files `read "…"` names in `stmt` (binding needs their columns).
    /// Relative paths resolve as `load`'s do; reading is allowed under `--safe`.
    package func readFiles(_ stmt: Statement) throws(Diagnostic) {
        for p in ReadPaths.of(stmt) {
            do {
                let table = try TableReader.read(path: readable(p.value), options: LoadOptions(progress: rt.progress))
                rt.files[p.value] = Frame(table: table, generation: -1)
            } catch {
                throw rt.relative(error).at(p.span)
            }
        }
    }

    /// Renders a diagnostic against the script's text to stderr.
    package func report(_ d: Diagnostic, _ s: Script) {
        var d = d
        if d.kind == .internal && !d.message.hasPrefix("internal error") { d.message = "internal error: " + d.message }
        output.err(DiagnosticRenderer.render(d, source: d.span == nil ? nil : s.text, file: s.file, color: options.color))
    }

    /// A confirmation on stderr, in the REPL only.
    package func confirm(_ text: String) {
        if options.interactive { output.err(text + "\n") }
    }

    package func binder() -> Binder { Binder(env: rt.bindEnvironment()) }

    package func execute(_ stmt: Statement, _ s: Script) throws(Diagnostic) {
        if let r = remote { return try executeRemote(stmt, s, r) }
        try executeLocalStatement(stmt, s)
    }

    /// Runs a statement on the local engine (and the statements that need no engine).
    package func executeLocalStatement(_ stmt: Statement, _ s: Script) throws(Diagnostic) {
        switch stmt.kind {
        case .expression(let e):
            // A bare `follows` prints straight from the follow graph, a block at a
            // time: the first row shows before the 20-million-row edge table exists.
            // (Follows with times or weights print through the table, which has their columns.)
            if rt.dataset.follows.times == nil, rt.dataset.follows.followWeights == nil, case .relation(let plan, false) = try binder().bindStatementExpression(e),
               case .scan(.follows) = plan.node {
                return try printRows(followsRows())
            }
            if binder().namesWholeAccount(e) {
                try show(try Executor(rt: rt).run(try binder().bindRelation(e)))
                return
            }
            try show(try evaluate(e))
        case .print(let e):
            try show(try evaluate(e))
        case .letBinding(let name, let value):
            try bind(name, value)
        case .compare(let accounts, let on):
            try show(try Executor(rt: rt).run(try binder().bindCompare(accounts: accounts, on: on)))
        case .describe(let target):
            try describe(target)
        case .assert(let cond, let message):
            try assertion(cond, message, span: stmt.span)
        case .set(let name, let value):
            try set(name, value, s)
        case .source(let path):
            try source(path, s)
        case .param(let name, let value):
            try param(name, value)
        case .help(let topic):
            try help(topic, span: stmt.span)
        case .load(let target, let lenient):
            try load(target, lenient: lenient, span: stmt.span)
        case .generate(let accounts, let follows, let seed, let times):
            try generate(accounts: accounts, follows: follows, seed: seed, times: times, span: stmt.span)
        case .save(let path, let overwrite):
            try save(path, overwrite: overwrite)
        }
    }

    /// What an expression statement, `print` or `let` computed.
    package enum Evaluated {
        case result(Executor.Result)
        /// A parenthesized pipeline: a value when it yields one cell.
        case parenthesized(Frame)
    }

    package func evaluate(_ e: Expr) throws(Diagnostic) -> Executor.Result {
        switch try binder().bindStatementExpression(e) {
        case .value(let b):
            return .value(try Evaluator.values(rt).value(b))
        case .relation(let plan, let parenthesized):
            let r = try Executor(rt: rt).run(plan)
            if parenthesized, case .frame(let f) = r, f.refs.count == 1, f.count == 1 {
                return .value(f.column(0)[0])
            }
            return r
        }
    }

    /// Prints a result: tables and charts to stdout, values as their text alone.
    package func show(_ r: Executor.Result) throws(Diagnostic) {
        switch r {
        case .frame(let f): try printTable(f)
        case .value(let v): printValue(v)
        case .chart(let text): output.out(text.hasSuffix("\n") ? text : text + "\n")
        case .done(let message): confirm(message)
        }
    }

    /// `let name = EXPR`: a table or a value, replacing any earlier binding of the name.
    package func bind(_ name: Identifier, _ value: Expr) throws(Diagnostic) {
        if BindEnvironment.reservedNames.contains(name.name) {
            throw Diagnostic(.name, "'\(name.name)' is built in and cannot be rebound", span: name.span, hint: "choose another name")
        }
        switch try evaluate(value) {
        case .frame(let f):
            rt.values[name.name] = nil
            rt.tables[name.name] = f
            confirm("\(name.name): \(f.count) row\(f.count == 1 ? "" : "s")")
        case .value(let v):
            rt.tables[name.name] = nil
            rt.values[name.name] = v
            confirm("\(name.name) = \(v.isNull ? "null" : v.description)")
        case .chart, .done:
            throw Diagnostic(.type, "'let' needs a table or a value; this pipeline writes a file or a chart", span: value.span)
        }
    }

    /// `assert COND [, MESSAGE]`: an error carrying the message when COND is not true.
    package func assertion(_ cond: Expr, _ message: Expr?, span: SourceSpan) throws(Diagnostic) {
        let b = binder()
        let bound = try b.bindValue(cond)
        guard bound.type == .bool || bound.type == .null else {
            throw Diagnostic(.type, "'assert' needs a true/false condition, found \(TypeRules.name(bound.type))", span: cond.span)
        }
        let v = try value(of: bound)
        if case .bool(true) = v { return }
        var text = "assertion failed"
        if let message {
            let m = try value(of: try b.bindValue(message))
            text += ": " + (m.isNull ? "null" : m.description)
        } else if v.isNull {
            text += " (the condition is null)"
        }
        throw Diagnostic(.runtime, text, span: cond.span)
    }
}

/// Wall-clock timing for `--timer`.
package enum Clock {
    package static func now() -> ContinuousClock.Instant { ContinuousClock.now }

    /// Milliseconds since `start`, with three decimals.
    package static func milliseconds(since start: ContinuousClock.Instant) -> String {
        let d = ContinuousClock.now - start
        let micros = d.components.seconds * 1_000_000 + d.components.attoseconds / 1_000_000_000_000
        let frac = String(micros % 1000)
        return "\(micros / 1000)." + String(repeating: "0", count: 3 - frac.count) + frac
    }
}
