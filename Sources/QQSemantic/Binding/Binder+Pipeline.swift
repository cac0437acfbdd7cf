import QQData
import QQMetrics
import QQSyntax

extension Binder {
    /// What binding a pipeline gathers on the way: the metrics its stages read (they
    /// become one `metric` node after the source) and the ones to show in the result.
    package struct PipelineState {
        /// Every metric column read by any stage.
        package var metrics: [MetricID] = []
        /// Metrics read through the row's own account while the rows were open accounts:
        /// appended to the printed columns so `top 10 by pagerank` shows pagerank.
        package var shown: [MetricID] = []

        package mutating func note(_ e: BoundExpr, rows: RowKind) {
            e.visit { x in
                switch x.kind {
                case .accountColumn(.metric(let m), let via):
                    if !metrics.contains(m) { metrics.append(m) }
                    if via == .row, rows == .accounts(open: true), !shown.contains(m) { shown.append(m) }
                case .accountCell(_, .metric(let m)):
                    if !metrics.contains(m) { metrics.append(m) }
                default: break
                }
            }
        }
    }

    /// Binds an expression that must be a table: a pipeline, a source, or one in parentheses.
    public func bindRelation(_ e: Expr) throws(Diagnostic) -> LogicalPlan {
        switch e.kind {
        case .pipeline(let source, let stages): return try bindPipeline(source, stages)
        case .paren(let inner): return try bindRelation(inner)
        default: return try bindPipeline(e, [])
        }
    }

    /// `SOURCE | STAGE | …`
    package func bindPipeline(_ source: Expr, _ stages: [Stage]) throws(Diagnostic) -> LogicalPlan {
        var plan = try bindSource(source)
        var state = PipelineState()
        if case .neighbourhood(_, let accounts, let hops) = plan.node {
            for a in accounts { state.note(a, rows: .plain) }
            if let h = hops { state.note(h, rows: .plain) }
        }
        for stage in stages {
            switch plan.output {
            case .relation: break
            case .value:
                throw Diagnostic(.type, "'count' gives a value; no stage can follow it", span: stage.span)
            case .sideEffect:
                throw Diagnostic(.type, "nothing can follow 'export' or 'plot'", span: stage.span)
            }
            if case .compare = plan.node, case .export = stage.kind {} else if case .compare = plan.node {
                throw Diagnostic(.type, "'compare' ends a pipeline (only 'export' may follow it)", span: stage.span)
            }
            if case .export = stage.kind { plan = showMetrics(plan, state) }
            plan = try bindStage(stage, plan, &state)
        }
        if plan.output == .relation { plan = showMetrics(plan, state) }
        return insertMetrics(plan, state.metrics)
    }

    /// Shows the metrics the pipeline read in an open accounts result, right after
    /// `handle`, so `top 10 by pagerank` shows pagerank. The rows stay open.
    package func showMetrics(_ plan: LogicalPlan, _ state: PipelineState) -> LogicalPlan {
        guard plan.schema.rows == .accounts(open: true) else { return plan }
        var added: [NamedExpr] = []
        for m in state.shown where plan.schema.index(of: m.description) == nil {
            added.append(NamedExpr(name: m.description, expr: BoundExpr(.accountColumn(.metric(m), .row), type: m.type, span: .none)))
        }
        if added.isEmpty { return plan }
        var items = plan.schema.columns.enumerated().map { i, c in
            NamedExpr(name: c.name, expr: BoundExpr(.column(i), type: c.type, span: .none))
        }
        let at = plan.schema.index(of: "handle").map { $0 + 1 } ?? 0
        items.insert(contentsOf: added, at: at)
        let schema = RelationSchema(columns: items.map { ColumnInfo(name: $0.name, type: $0.expr.type) }, rows: plan.schema.rows)
        return LogicalPlan(.project(plan, items), schema: schema)
    }

    /// Puts a `metric` node right above the pipeline's source.
    package func insertMetrics(_ plan: LogicalPlan, _ metrics: [MetricID]) -> LogicalPlan {
        guard !metrics.isEmpty else { return plan }
        func rebuild(_ p: LogicalPlan) -> LogicalPlan {
            var p = p
            switch p.node {
            case .scan, .neighbourhood, .accountList:
                return LogicalPlan(.metric(p, metrics), schema: p.schema, output: p.output)
            case .metric(let i, let m): p.node = .metric(rebuild(i), m)
            case .filter(let i, let e): p.node = .filter(rebuild(i), e)
            case .project(let i, let e): p.node = .project(rebuild(i), e)
            case .extend(let i, let e): p.node = .extend(rebuild(i), e)
            case .sort(let i, let k): p.node = .sort(rebuild(i), k)
            case .topN(let i, let c, let k): p.node = .topN(rebuild(i), count: c, keys: k)
            case .topPer(let i, let c, let k, let g): p.node = .topPer(rebuild(i), count: c, keys: k, per: g)
            case .join(let i, let j): p.node = .join(rebuild(i), j)
            case .limit(let i, let o, let c): p.node = .limit(rebuild(i), offset: o, count: c)
            case .aggregate(let i, let k, let a, let o): p.node = .aggregate(rebuild(i), keys: k, aggregates: a, outputs: o)
            case .distinct(let i, let e): p.node = .distinct(rebuild(i), e)
            case .count(let i): p.node = .count(rebuild(i))
            case .sample(let i, let c, let s): p.node = .sample(rebuild(i), count: c, seed: s)
            case .compare(let i, let r): p.node = .compare(rebuild(i), rows: r)
            case .correlate(let i, let e, let m, let long): p.node = .correlate(rebuild(i), e, method: m, long: long)
            case .export(let i, let path, let o, let s): p.node = .export(rebuild(i), path: path, overwrite: o, span: s)
            case .plot(let i, let spec): p.node = .plot(rebuild(i), spec)
            }
            return p
        }
        return rebuild(plan)
    }

    /// A pipeline's source: `accounts`, `follows`, `interactions`, a `let` table, a
    /// graph neighbourhood, `@handle`, or a pipeline in parentheses.
    package func bindSource(_ e: Expr) throws(Diagnostic) -> LogicalPlan {
        switch e.kind {
        case .name("accounts"):
            return LogicalPlan(.scan(.accounts), schema: accountsSchema())
        case .name("follows"):
            // With a time column (SPEC §8), edges have a `time`.
            // With a weight column (SPEC §9), a `weight`.
            let weight = env.dataset.follows.followWeights != nil ? [ColumnInfo(name: "weight", type: .float)] : []
            let time = env.dataset.follows.times != nil ? [ColumnInfo(name: "time", type: .datetime)] : []
            return LogicalPlan(.scan(.follows), schema: RelationSchema(columns: [
                ColumnInfo(name: "src", type: .string), ColumnInfo(name: "dst", type: .string)] + weight + time, rows: .edges(open: true)))
        case .name("interactions"):
            let time = env.dataset.layers.contains { $0.events != nil } ? [ColumnInfo(name: "time", type: .datetime)] : []
            return LogicalPlan(.scan(.interactions), schema: RelationSchema(columns: [
                ColumnInfo(name: "src", type: .string), ColumnInfo(name: "dst", type: .string),
                ColumnInfo(name: "layer", type: .string), ColumnInfo(name: "weight", type: .float)] + time, rows: .edges(open: true)))
        case .name("layers"):
            let types: [ValueType] = [.string, .int, .int, .float, .float, .float, .datetime, .datetime]
            return LogicalPlan(.scan(.layers), schema: RelationSchema(
                columns: zip(LayerStatistics.columnNames(env.dataset), types).map { ColumnInfo(name: $0, type: $1) }, rows: .plain))
        case .name(let n):
            if case .table(let schema)? = env.scope[n] { return LogicalPlan(.scan(.binding(n)), schema: schema) }
            if case .value? = env.scope[n] {
                throw Diagnostic(.type, "'\(n)' is a value, not a table", span: e.span, hint: "a pipeline starts with a table such as 'accounts'")
            }
            throw Diagnostic(.name, "unknown table '\(n)'", span: e.span,
                             hint: Suggest.hint(for: n, among: Keywords.sources + env.tableNames))
        case .call(let f, let args):
            guard let hood = Neighbourhood(rawValue: f.name) else {
                throw Diagnostic(.type, "'\(f.name)(…)' is not a table", span: e.span,
                                 hint: "a pipeline starts with accounts, follows, interactions, a let name, or followers(@a), following(@a), mutuals(@a), common_followers(@a, @b), audience(@a, k)")
            }
            try arity(f, args, (hood.accountArguments + (hood.takesHops ? 1 : 0))...(hood.accountArguments + (hood.takesHops ? 1 : 0)))
            var accounts: [BoundExpr] = []
            for a in args.prefix(hood.accountArguments) { accounts.append(try accountArgument(a, .noRows)) }
            var hops: BoundExpr? = nil
            var schema = accountsSchema()
            if hood.takesHops {
                hops = try bindCount(args[hood.accountArguments], what: "audience's hop count")
                schema.columns.append(ColumnInfo(name: "hops", type: .int))
            }
            return LogicalPlan(.neighbourhood(hood, accounts: accounts, hops: hops), schema: schema)
        case .account, .member:
            let a = try accountArgument(e, .noRows)
            if case .accountCell = a.kind {
                throw Diagnostic(.type, "a pipeline starts with a table; '\(ExprText.compact(e) ?? "this")' is one value", span: e.span,
                                 hint: "start with the account alone, such as '@alice | select handle, followers'")
            }
            return LogicalPlan(.accountList([a]), schema: accountsSchema())
        case .read(let path):
            guard let schema = env.files[path.value] else {
                throw Diagnostic(.internal, "internal error: '\(path.value)' was not read before binding", span: path.span)
            }
            return LogicalPlan(.scan(.file(path.value)), schema: schema)
        case .paren(let inner):
            return try bindRelation(inner)
        case .pipeline:
            return try bindRelation(e)
        default:
            throw Diagnostic(.type, "a pipeline starts with a table", span: e.span,
                             hint: "start with accounts, follows, interactions, a let name, or followers(@a)")
        }
    }

    /// The schema of `accounts`: its stored columns, open to every metric.
    package func accountsSchema() -> RelationSchema {
        RelationSchema(columns: env.storedAccountColumns, rows: .accounts(open: true))
    }

    /// A count (`top N`, `take N`, `sample N`, `bins N`, audience's k): a constant whole number.
    package func bindCount(_ e: Expr, what: String) throws(Diagnostic) -> BoundExpr {
        let b = try bindExpr(e, .noRows)
        guard b.type.isNumeric else {
            throw Diagnostic(.type, "\(what) must be a number, found \(TypeRules.name(b.type))", span: e.span)
        }
        if case .literal(let v) = b.kind, let d = v.asDouble, d < 0 || d != d.rounded() {
            throw Diagnostic(.type, "\(what) must be a whole number of at least 0, found \(v)", span: e.span)
        }
        return b
    }
}
