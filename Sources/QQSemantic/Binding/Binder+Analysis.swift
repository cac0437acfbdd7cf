import QQData
import QQMetrics
import QQSyntax

extension Binder {
    /// The metrics `compare` shows when no `on` list is given: quantity rows, then quality rows.
    public static let defaultCompareMetrics: [String] = MetricRegistry.defaultComparison

    /// `compare @a, @b [on …]`: the named accounts, side by side.
    public func bindCompare(accounts: [Expr], on: [SelectItem]?) throws(Diagnostic) -> LogicalPlan {
        var list: [BoundExpr] = []
        for a in accounts { list.append(try accountArgument(a, .noRows)) }
        let source = LogicalPlan(.accountList(list), schema: accountsSchema())
        let rows = try compareRows(on, source.schema)
        let plan = LogicalPlan(.compare(source, rows: rows), schema: compareSchema())
        var metrics: [MetricID] = []
        for r in rows { for m in r.expr.metrics where !metrics.contains(m) { metrics.append(m) } }
        return insertMetrics(plan, metrics)
    }

    /// The rows of a comparison: the `on` list — any column of the rows flowing in,
    /// computed ones included, or any expression over them (SPEC §7) — or the default
    /// quantity-and-quality set (`posts` only when the dataset has such a numeric column).
    package func compareRows(_ on: [SelectItem]?, _ schema: RelationSchema) throws(Diagnostic) -> [CompareRow] {
        var rows: [CompareRow] = []
        if let on {
            let ctx = Context(schema: schema, aggregates: .forbidden, stage: "compare")
            for item in on {
                let b = try bindExpr(item.expr, ctx)
                guard b.type.isNumeric || b.type == .bool || b.type == .null else {
                    throw Diagnostic(.type, "'compare' shows numbers; '\(item.text)' is \(TypeRules.name(b.type))", span: item.expr.span)
                }
                rows.append(compareRow(columnName(item), b))
            }
            var seen = Set<String>()
            for (r, item) in zip(rows, on) where !seen.insert(r.name).inserted {
                throw Diagnostic(.name, "'\(r.name)' appears twice", span: item.expr.span, hint: "name one of them with 'as'")
            }
            return rows
        }
        for name in Binder.defaultCompareMetrics {
            guard let (col, type) = env.accountColumn(name), type.isNumeric || type == .bool else { continue }
            rows.append(compareRow(name, BoundExpr(.accountColumn(col, .row), type: type, span: .none)))
        }
        return rows
    }

    package func compareRow(_ name: String, _ e: BoundExpr) -> CompareRow {
        switch e.kind {
        case .accountColumn(.metric(let m), .row):
            // A leader only where the registry gives the metric a direction (SPEC §10).
            let d = m.definition
            let lower: Bool? = switch d.direction { case .higher: false; case .lower: true; case .none: nil }
            return CompareRow(name: name, expr: e, type: e.type, group: d.group.rawValue, lowerIsBetter: lower)
        default:
            return CompareRow(name: name, expr: e, type: e.type, group: "quantity", lowerIsBetter: nil)
        }
    }

    /// The columns of a comparison known before it runs (one per account follows at run time).
    package func compareSchema() -> RelationSchema {
        RelationSchema(columns: [ColumnInfo(name: "metric", type: .string), ColumnInfo(name: "kind", type: .string)], rows: .plain)
    }

    /// `correlate EXPR, EXPR, … [method …]`
    package func correlatePlan(_ input: LogicalPlan, _ items: [SelectItem], _ method: Identifier?, long: Bool = false, span: SourceSpan,
                       _ state: inout PipelineState) throws(Diagnostic) -> LogicalPlan {
        guard items.count >= 2 else {
            throw Diagnostic(.type, "'correlate' needs at least two expressions", span: span)
        }
        var named: [NamedExpr] = []
        for item in items {
            let b = try bindExpr(item.expr, Context(schema: input.schema, aggregates: .overRows, stage: "correlate"))
            state.note(b, rows: .plain)
            guard b.type.isNumeric || b.type == .null else {
                throw Diagnostic(.type, "'correlate' needs numbers, found \(TypeRules.name(b.type))", span: item.expr.span)
            }
            named.append(NamedExpr(name: columnName(item), expr: b))
        }
        try checkDistinctNames(named, items)
        var m = CorrelationMethod.spearman
        if let method {
            guard let found = CorrelationMethod(rawValue: method.name) else {
                throw Diagnostic(.name, "unknown method '\(method.name)'", span: method.span,
                                 hint: Suggest.hint(for: method.name, among: CorrelationMethod.allCases.map(\.rawValue))
                                    ?? "methods: spearman, pearson, kendall")
            }
            m = found
        }
        let columns = m.resultColumns(named.map(\.name), long: long).map { ColumnInfo(name: $0.0, type: $0.1) }
        return LogicalPlan(.correlate(input, named, method: m, long: long), schema: RelationSchema(columns: columns, rows: .plain))
    }

    /// `plot hist|scatter|bar … [bins N] [log] [to "file.svg"]`
    package func plotPlan(_ input: LogicalPlan, _ spec: PlotSpec, span: SourceSpan, _ state: inout PipelineState) throws(Diagnostic) -> LogicalPlan {
        let want = spec.kind == .hist ? 1 : 2
        guard spec.args.count == want else {
            let shape = spec.kind == .hist ? "plot hist EXPR" : spec.kind == .scatter ? "plot scatter X, Y" : spec.kind == .line ? "plot line X, Y" : "plot bar LABEL, VALUE"
            throw Diagnostic(.type, "'plot \(spec.kind.rawValue)' takes \(want == 1 ? "one expression" : "two expressions"), found \(spec.args.count)",
                             span: span, hint: "write '\(shape)'")
        }
        var named: [NamedExpr] = []
        for (i, item) in spec.args.enumerated() {
            let b = try bindExpr(item.expr, Context(schema: input.schema, aggregates: .overRows, stage: "plot"))
            state.note(b, rows: .plain)
            let isLabel = spec.kind == .bar && i == 0
            // plot line: X may be a time (a time axis with dates for ticks).
            let isTime = spec.kind == .line && i == 0 && (b.type == .datetime || b.type == .date)
            if !isLabel && !isTime && !(b.type.isNumeric || b.type == .null) {
                throw Diagnostic(.type, "'plot \(spec.kind.rawValue)' needs numbers here, found \(TypeRules.name(b.type))", span: item.expr.span)
            }
            named.append(NamedExpr(name: columnName(item), expr: b))
        }
        let bins = try spec.bins.map { (e) throws(Diagnostic) in try bindCount(e, what: "'bins'") }
        if let f = spec.file, !f.value.lowercased().hasSuffix(".svg") {
            throw Diagnostic(.type, "charts are written as SVG; name the file '….svg'", span: f.span)
        }
        let plan = PlotPlan(kind: spec.kind, args: named, bins: bins, log: spec.log, file: spec.file?.value,
                            overwrite: spec.overwrite, span: spec.file?.span ?? span)
        return LogicalPlan(.plot(input, plan), schema: input.schema, output: .sideEffect)
    }
}
