import QQData
import QQSyntax
import QQSemantic

/// Runs a `LogicalPlan` over the runtime's data: one method per node kind, columns
/// and selection vectors throughout (see `Frame`). Stateless apart from the runtime.
package struct Executor {
    package let rt: Runtime

    package init(rt: Runtime) { self.rt = rt }

    /// What running a plan gave.
    package enum Result {
        case frame(Frame)
        case value(Value)
        /// A chart drawn for the terminal.
        case chart(String)
        /// A side effect (a file written), with a confirmation line for interactive use.
        case done(String)
    }

    package func run(_ plan: LogicalPlan) throws(Diagnostic) -> Result {
        switch plan.node {
        case .count(let input):
            return .value(.int(Int64(try frame(input).count)))
        case .export(let input, let path, let overwrite, let span):
            return .done(try export(try frame(input), path: path, overwrite: overwrite, span: span))
        case .plot(let input, let spec):
            return try plot(try frame(input), spec)
        default:
            return .frame(try frame(plan))
        }
    }

    /// The value of a pipeline used as a value: its one cell; no rows give null.
    package func scalar(_ plan: LogicalPlan, span: SourceSpan) throws(Diagnostic) -> Value {
        switch try run(plan) {
        case .value(let v): return v
        case .frame(let f):
            guard f.refs.count == 1 else {
                throw Diagnostic(.runtime, "a pipeline used as a value must yield one column, this one yields \(f.refs.count)", span: span)
            }
            guard f.count <= 1 else {
                throw Diagnostic(.runtime, "a pipeline used as a value must yield one row, this one yields \(f.count)", span: span,
                                 hint: "end it with '| count', '| summarize …' or '| take 1'")
            }
            return f.count == 0 ? .null : f.column(0)[0]
        case .chart, .done:
            throw Diagnostic(.runtime, "this pipeline has no value", span: span)
        }
    }

    /// Every account, open to all columns and metrics.
    package static func accountsFrame(_ rt: Runtime) -> Frame {
        let t = rt.dataset.accounts
        return Frame(names: t.names, refs: t.columns.map { .base($0) }, rows: nil, count: t.rowCount,
                     kind: .accounts(open: true), generation: rt.dataset.generation)
    }

    /// Accounts with the given ids, in that order.
    package func accounts(_ ids: [UInt32]) -> Frame {
        var f = Executor.accountsFrame(rt)
        f.rows = ids
        f.count = ids.count
        return f
    }

    /// The relation a plan node produces. A pipeline is a chain of nodes, one per
    /// stage: it is walked down to its source and the stages are applied in a loop,
    /// not by recursion, so a pipeline of `Parser.maxStages` stages needs no deep stack
    /// (a debug build's frame for `apply` is about 20 KB).
    package func frame(_ plan: LogicalPlan) throws(Diagnostic) -> Frame {
        var stages: [LogicalPlan] = []
        var source = plan
        while let input = source.node.stageInput {
            stages.append(source)
            source = input
        }
        var f = try apply(source, to: nil)
        for stage in stages.reversed() { f = try apply(stage, to: f) }
        return f
    }

    /// One node over the frame its input produced (nil for a source).
    private func apply(_ plan: LogicalPlan, to inputFrame: Frame?) throws(Diagnostic) -> Frame {
        try Cancellation.check()
        func frame(_ input: LogicalPlan) throws(Diagnostic) -> Frame {
            guard let inputFrame else { throw Diagnostic(.internal, "internal error: a stage without its input") }
            return inputFrame
        }
        switch plan.node {
        case .scan(.accounts): return Executor.accountsFrame(rt)
        case .scan(.follows): return EdgeTables.follows(rt)
        case .scan(.interactions): return EdgeTables.interactions(rt)
        case .scan(.layers): return EdgeTables.layers(rt)
        case .scan(.file(let path)):
            guard let f = rt.files[path] else { throw Diagnostic(.internal, "internal error: file '\(path)' was not read") }
            return f
        case .scan(.binding(let name)):
            guard var f = rt.tables[name] else { throw Diagnostic(.internal, "internal error: table '\(name)' vanished") }
            if f.generation != rt.dataset.generation { f.kind = .plain }
            return f
        case .neighbourhood(let hood, let args, let hopsExpr):
            let values = Evaluator.values(rt)
            var ids: [UInt32] = []
            for a in args { ids.append(try accountID(try values.value(a), span: a.span)) }
            var hops = 0
            if let h = hopsExpr { hops = try count(h, what: "audience's hop count") }
            return accounts(try GraphKernels.neighbourhood(hood, rt.dataset, ids, hops: hops))
        case .accountList(let args):
            let values = Evaluator.values(rt)
            var ids: [UInt32] = []
            for a in args { ids.append(try accountID(try values.value(a), span: a.span)) }
            return accounts(ids)
        case .metric(let input, let metrics):
            for m in metrics { _ = try rt.metrics.column(m, rt) }
            return try frame(input)
        case .filter(let input, let predicate): return try filter(try frame(input), predicate)
        case .project(let input, let items): return try project(try frame(input), items, rows: plan.schema.rows)
        case .extend(let input, let items): return try extend(try frame(input), items)
        case .sort(let input, let keys): return try sort(try frame(input), keys)
        case .topN(let input, let n, let keys): return try top(try frame(input), n, keys)
        case .limit(let input, let offset, let n): return try limit(try frame(input), offset: offset, count: n)
        case .topPer(let input, let n, let keys, let per):
            let f = try frame(input)
            let k = try count(n, what: "'top' count")
            let groups = try Evaluator(frame: f, rt: rt).eval(per)
            return f.select(try TopPer.positions(k, keys: try sortKeys(keys, f), groups: groups, count: f.count))
        case .join(let input, let plan):
            let left = try frame(input)
            return try Join.run(left, try self.frame(plan.right), plan, rt)
        case .aggregate(let input, let keys, let aggregates, let outputs):
            return try summarize(try frame(input), keys: keys, aggregates: aggregates, outputs: outputs)
        case .distinct(let input, let items): return try distinct(try frame(input), items)
        case .sample(let input, let n, let seed): return try sample(try frame(input), n, seed: seed)
        case .compare(let input, let rows): return try compare(try frame(input), rows)
        case .correlate(let input, let items, let method, let long): return try correlate(try frame(input), items, method, long: long)
        case .count, .export, .plot:
            throw Diagnostic(.internal, "internal error: a value or side effect used as a table")
        }
    }

    /// A constant count: a whole number ≥ 0.
    package func count(_ e: BoundExpr, what: String) throws(Diagnostic) -> Int {
        let v = try Evaluator.values(rt).value(e)
        guard let d = v.asDouble, d >= 0, d == d.rounded(), d < 9e15 else {
            throw Diagnostic(.runtime, "\(what) must be a whole number of at least 0, found \(v.isNull ? "null" : v.description)", span: e.span)
        }
        return Int(d)
    }

    /// The id of the account a handle value names.
    package func accountID(_ v: Value, span: SourceSpan) throws(Diagnostic) -> UInt32 {
        guard case .string(let h) = v else {
            throw Diagnostic(.runtime, "expected an account, found \(v.isNull ? "null" : v.description)", span: span)
        }
        guard let id = rt.dataset.handles.id(of: h) else {
            throw Diagnostic(.name, "unknown account '@\(h)'", span: span)
        }
        return id
    }
}

extension LogicalPlan.Node {
    /// The input of a stage node (the node below it in the pipeline); nil for a source.
    var stageInput: LogicalPlan? {
        switch self {
        case .scan, .neighbourhood, .accountList: return nil
        case .metric(let p, _), .filter(let p, _), .project(let p, _), .extend(let p, _), .sort(let p, _),
             .topN(let p, _, _), .topPer(let p, _, _, _), .join(let p, _), .limit(let p, _, _), .aggregate(let p, _, _, _), .distinct(let p, _),
             .count(let p), .sample(let p, _, _), .compare(let p, _), .correlate(let p, _, _, _),
             .export(let p, _, _, _), .plot(let p, _):
            return p
        }
    }
}
