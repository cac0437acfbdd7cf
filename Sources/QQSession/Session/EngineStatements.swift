#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import QQData
import QQSyntax
import QQSemantic
import QQEngine

/// Running statements on another engine (SPEC §12): `set engine = "sc://HOST:PORT"`
/// or `qq --engine sc://…` hands every pipeline's logical plan to a `PlanEngine`
/// (the Spark engine), which runs it where the data is. The session never imports an
/// engine: the executable registers how to connect (`SessionOptions.connectEngine`),
/// and a build without one says how to get it.
///
/// What the engine cannot run is its error naming the construct; nothing falls back
/// to the local engine silently. The statements that need local data (`generate`,
/// `save`, `compare`, `let` of a table, partial loads) are refused here by name.
package final class RemoteEngine {
    package let engine: any PlanEngine
    /// What the last `load` gave; nil until then (qq starts with no dataset there).
    package var loaded: EngineDataset?
    /// The local dataset before the switch: `set engine = "local"` restores it.
    package let localDataset: Dataset

    package init(engine: any PlanEngine, localDataset: Dataset) {
        self.engine = engine; self.localDataset = localDataset
    }
}

/// Connects to a plan engine by address (`sc://HOST:PORT`); set by the executable when
/// it is built with one (`swift build --traits Spark`).
public typealias EngineConnector = @Sendable (String) throws(Diagnostic) -> any PlanEngine

extension Session {
    /// The name shown for the current engine (`local`, or the remote engine's description).
    package var engineName: String { remote?.engine.description ?? "local" }

    /// Switches engines: "local", or an address the registered connector understands.
    package func switchEngine(to address: String) throws(Diagnostic) -> String {
        if address == "local" {
            if let r = remote {
                r.engine.close()
                remote = nil
                replaceDataset(r.localDataset)
            }
            return "engine = local"
        }
        guard address.hasPrefix("sc://") else {
            throw Diagnostic(.runtime, "unknown engine '\(address)'", hint: "engines: \"local\", or a Spark Connect address \"sc://HOST:PORT\"")
        }
        guard let connect = options.connectEngine else {
            throw Diagnostic(.runtime, "this qq was built without the Spark engine",
                             hint: "build it with 'swift build --traits Spark' (see docs/SPARK.md), or use the local engine")
        }
        let engine = try connect(address)
        let local = remote?.localDataset ?? rt.dataset
        remote?.engine.close()
        remote = RemoteEngine(engine: engine, localDataset: local)
        // No dataset on the cluster until a `load`: bind against an empty one.
        replaceDataset(Dataset.empty(origin: engine.description))
        return "engine = \(engine.description) (no dataset until 'load \"folder\"')"
    }

    /// The error for a statement the remote engine does not run.
    package func notOnEngine(_ what: String, span: SourceSpan?, hint: String? = nil) -> Diagnostic {
        Diagnostic(.runtime, "\(what) is not available on the Spark engine", span: span,
                   hint: hint ?? "run it on the local engine: set engine = \"local\"")
    }

    /// Runs one statement on the remote engine (`execute` sends every statement here while one is set).
    package func executeRemote(_ stmt: Statement, _ s: Script, _ r: RemoteEngine) throws(Diagnostic) {
        switch stmt.kind {
        case .expression(let e), .print(let e):
            if binder().namesWholeAccount(e) { throw notOnEngine("an account by handle (@handle)", span: e.span) }
            try showRemote(try evaluateRemote(e, r))
        case .letBinding(let name, let value):
            if BindEnvironment.reservedNames.contains(name.name) {
                throw Diagnostic(.name, "'\(name.name)' is built in and cannot be rebound", span: name.span, hint: "choose another name")
            }
            guard case .value(let v) = try evaluateRemote(value, r) else {
                throw notOnEngine("'let' of a table", span: value.span, hint: "bind values ('let n = accounts | count'); tables stay on the cluster")
            }
            rt.tables[name.name] = nil
            rt.values[name.name] = v
            confirm("\(name.name) = \(v.isNull ? "null" : v.description)")
        case .compare:
            throw notOnEngine("'compare'", span: stmt.span)
        case .describe(let target):
            guard target == nil else { throw notOnEngine("'describe \(target!.name)'", span: stmt.span) }
            describeRemote(r)
        case .load(let target, _):
            guard case .path(let p) = target else { throw notOnEngine("this form of 'load'", span: stmt.span, hint: "load \"folder\" names files the cluster reads") }
            let loaded: EngineDataset
            do { loaded = try r.engine.load(clusterPath(p.value)) } catch { throw error.at(p.span) }
            r.loaded = loaded
            replaceDataset(Session.schemaDataset(loaded, origin: p.value))
            confirm("loaded \(p.value) on \(r.engine.description): \(loaded.accountCount) accounts, \(loaded.followCount) follows")
        case .generate:
            throw notOnEngine("'generate'", span: stmt.span, hint: "generate locally, 'save \"folder\"', then load that folder on the cluster")
        case .save:
            throw notOnEngine("'save'", span: stmt.span)
        case .answer:
            throw notOnEngine("'answer' (the tutorial runs on the local engine)", span: stmt.span)
        case .assert, .set, .source, .param, .help:
            try executeLocalStatement(stmt, s)
        }
    }

    /// A pipeline's result or a value, computed on the remote engine.
    package func evaluateRemote(_ e: Expr, _ r: RemoteEngine) throws(Diagnostic) -> EngineResult {
        switch try binder().bindStatementExpression(e) {
        case .value(let b):
            return .value(try value(of: b))
        case .relation(let plan, let parenthesized):
            let result = try r.engine.run(plan, settings: rt.settings, onBatch: nil)
            if parenthesized, case .table(let t) = result, t.columnCount == 1, t.rowCount == 1 {
                return .value(t.columns[0][0])
            }
            return result
        }
    }

    /// Prints a remote result through the same printers as a local one.
    package func showRemote(_ result: EngineResult) throws(Diagnostic) {
        switch result {
        case .table(let t): try printTable(Frame(table: t, generation: -1))
        case .value(let v): printValue(v)
        }
    }

    /// The value of a bound expression. On a remote engine, pipelines inside it run
    /// there first (their values become literals); what needs local rows is refused.
    package func value(of bound: BoundExpr) throws(Diagnostic) -> Value {
        guard let r = remote else { return try Evaluator.values(rt).value(bound) }
        return try Evaluator.values(rt).value(try remoteSubqueries(bound, r))
    }

    private func remoteSubqueries(_ b: BoundExpr, _ r: RemoteEngine) throws(Diagnostic) -> BoundExpr {
        switch b.kind {
        case .subquery(let plan):
            switch try r.engine.run(plan, settings: rt.settings, onBatch: nil) {
            case .value(let v): return BoundExpr(.literal(v), type: b.type, span: b.span)
            case .table(let t):
                guard t.columnCount == 1 else {
                    throw Diagnostic(.runtime, "a pipeline used as a value must yield one column, this one yields \(t.columnCount)", span: b.span)
                }
                guard t.rowCount <= 1 else {
                    throw Diagnostic(.runtime, "a pipeline used as a value must yield one row, this one yields \(t.rowCount)", span: b.span,
                                     hint: "end it with '| count', '| summarize …' or '| take 1'")
                }
                return BoundExpr(.literal(t.rowCount == 0 ? .null : t.columns[0][0]), type: b.type, span: b.span)
            }
        case .inSet:
            throw notOnEngine("'in (PIPELINE)' in a value", span: b.span)
        case .accountCell:
            throw notOnEngine("an account's cell (@handle.column)", span: b.span)
        case .overlap:
            throw notOnEngine("overlap()", span: b.span)
        case .accountColumn, .column, .aggregate, .columnwise:
            throw Diagnostic(.internal, "internal error: a row expression outside a pipeline", span: b.span)
        default:
            return try b.mapChildren { (x) throws(Diagnostic) in try remoteSubqueries(x, r) }
        }
    }

    /// A path for the cluster: an address with a scheme (`hdfs://`, `s3a://`) as
    /// written; a local path resolved as `load` resolves it and made absolute, since
    /// the cluster's working folder is not ours (a local server shares our files).
    package func clusterPath(_ path: String) -> String {
        if path.contains("://") { return path }
        let p = readable(path)
        guard !p.hasPrefix("/"), let cwd = getcwd(nil, 0) else { return p }
        defer { free(cwd) }
        return Paths.normalize(Paths.join(String(cString: cwd), p))
    }

    /// `describe` on a remote engine: where the data is and what `accounts` holds.
    package func describeRemote(_ r: RemoteEngine) {
        guard let d = r.loaded else {
            output.out("engine: \(r.engine.description)\nno dataset yet: load \"folder\" names files the cluster reads\n")
            return
        }
        var text = "engine: \(r.engine.description)\naccounts: \(d.accountCount)\nfollows: \(d.followCount)\ncolumns:"
        for c in d.accounts { text += " \(c.name) \(TypeRules.name(c.type))," }
        output.out(String(text.dropLast()) + "\n")
    }

    /// A dataset with the engine's `accounts` columns and no rows: the binder binds
    /// names and types against it (the rows stay on the cluster).
    package static func schemaDataset(_ d: EngineDataset, origin: String) -> Dataset {
        let columns = d.accounts.isEmpty ? [ColumnInfo(name: "handle", type: .string)] : d.accounts
        let table = Table(names: columns.map(\.name), columns: columns.map { ColumnBuilder(type: $0.type).finish() })
        return Dataset(accounts: table, handles: HandleIndex(), follows: .empty(name: "follow", nodeCount: 0, weighted: false),
                       layers: [], origin: origin)
    }
}
