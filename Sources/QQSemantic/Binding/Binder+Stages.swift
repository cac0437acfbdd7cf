import QQData
import QQSyntax

extension Binder {
    /// Binds one stage over `input`'s schema.
    package func bindStage(_ stage: Stage, _ input: LogicalPlan, _ state: inout PipelineState) throws(Diagnostic) -> LogicalPlan {
        let schema = input.schema
        func rows(_ name: String) -> Context { Context(schema: schema, aggregates: .overRows, stage: name) }
        func bind(_ e: Expr, _ ctx: Context) throws(Diagnostic) -> BoundExpr {
            let b = try bindExpr(e, ctx)
            state.note(b, rows: schema.rows)
            return b
        }
        switch stage.kind {
        case .where(let e):
            let p = try bind(e, rows("where"))
            guard p.type == .bool || p.type == .null else {
                throw Diagnostic(.type, "'where' needs a true/false condition, found \(TypeRules.name(p.type))", span: e.span,
                                 hint: "compare it, for example 'where x > 0'")
            }
            return LogicalPlan(.filter(input, p), schema: schema)
        case .sort(let keys):
            var specs: [SortSpec] = []
            for k in keys { specs.append(SortSpec(expr: try orderable(try bind(k.expr, rows("sort"))), descending: k.descending ?? false)) }
            return LogicalPlan(.sort(input, specs), schema: schema)
        case .top(let n, let keys, let per):
            let count = try bindCount(n, what: "'top' count")
            var specs: [SortSpec] = []
            for k in keys { specs.append(SortSpec(expr: try orderable(try bind(k.expr, rows("top"))), descending: k.descending ?? true)) }
            if let per {
                let g = try bind(per, Context(schema: schema, aggregates: .forbidden, stage: "top … per"))
                return LogicalPlan(.topPer(input, count: count, keys: specs, per: g), schema: schema)
            }
            return LogicalPlan(.topN(input, count: count, keys: specs), schema: schema)
        case .join(let spec):
            return try joinPlan(input, spec, &state)
        case .take(let n):
            return LogicalPlan(.limit(input, offset: nil, count: try bindCount(n, what: "'take' count")), schema: schema)
        case .skip(let n):
            return LogicalPlan(.limit(input, offset: try bindCount(n, what: "'skip' count"), count: nil), schema: schema)
        case .select(let items):
            var named: [NamedExpr] = []
            for item in items { named.append(NamedExpr(name: columnName(item), expr: try bind(item.expr, rows("select")))) }
            try checkDistinctNames(named, items)
            if named.allSatisfy(\.expr.containsAggregate) {
                return try aggregatePlan(input, keys: [], items: named, itemSpans: items.map(\.expr.span))
            }
            let out = RelationSchema(columns: named.map { ColumnInfo(name: $0.name, type: $0.expr.type) }, rows: schema.rows.closed)
            return LogicalPlan(.project(input, named), schema: out)
        case .extend(let items):
            var named: [NamedExpr] = []
            var out = schema
            for item in items {
                let n = NamedExpr(name: columnName(item), expr: try bind(item.expr, rows("extend")))
                named.append(n)
                if let i = out.index(of: n.name) { out.columns[i].type = n.expr.type } else {
                    out.columns.append(ColumnInfo(name: n.name, type: n.expr.type))
                }
            }
            return LogicalPlan(.extend(input, named), schema: out)
        case .summarize(let aggs, let by):
            var keys: [NamedExpr] = []
            for k in by {
                let b = try bind(k.expr, Context(schema: schema, aggregates: .forbidden, stage: "summarize"))
                keys.append(NamedExpr(name: columnName(k), expr: b))
            }
            var named: [NamedExpr] = []
            for a in aggs {
                named.append(NamedExpr(name: columnName(a), expr: try bind(a.expr, Context(schema: schema, aggregates: .grouped, stage: "summarize"))))
            }
            return try aggregatePlan(input, keys: keys, items: named, itemSpans: aggs.map(\.expr.span))
        case .distinct(let items):
            var named: [NamedExpr] = []
            for item in items {
                named.append(NamedExpr(name: columnName(item), expr: try bind(item.expr, Context(schema: schema, aggregates: .forbidden, stage: "distinct"))))
            }
            try checkDistinctNames(named, items)
            let out = RelationSchema(columns: named.map { ColumnInfo(name: $0.name, type: $0.expr.type) }, rows: .plain)
            return LogicalPlan(.distinct(input, named), schema: out)
        case .count:
            return LogicalPlan(.count(input), schema: RelationSchema(columns: [ColumnInfo(name: "count", type: .int)], rows: .plain), output: .value)
        case .sample(let n, let seed):
            let c = try bindCount(n, what: "'sample' count")
            let s = try seed.map { (e) throws(Diagnostic) in try bindCount(e, what: "'sample' seed") }
            return LogicalPlan(.sample(input, count: c, seed: s), schema: schema)
        case .compare(let on):
            guard schema.rows.isAccounts else {
                throw Diagnostic(.type, "'compare' needs account rows", span: stage.span,
                                 hint: "compare accounts, for example 'accounts | top 5 by followers | compare'")
            }
            let rows = try compareRows(on, schema)
            for r in rows { state.note(r.expr, rows: .plain) }
            return LogicalPlan(.compare(input, rows: rows), schema: compareSchema(), output: .relation)
        case .correlate(let items, let method, let long):
            return try correlatePlan(input, items, method, long: long, span: stage.span, &state)
        case .plot(let spec):
            return try plotPlan(input, spec, span: stage.span, &state)
        case .export(let path, let overwrite):
            return LogicalPlan(.export(input, path: path.value, overwrite: overwrite, span: path.span), schema: schema, output: .sideEffect)
        }
    }

    /// A select item's column name: its `as` name, else its column name, else its source text.
    package func columnName(_ item: SelectItem) -> String {
        if let a = item.alias { return a.name }
        if case .name(let n) = item.expr.kind { return n }
        return item.text
    }

    package func checkDistinctNames(_ named: [NamedExpr], _ items: [SelectItem]) throws(Diagnostic) {
        var seen = Set<String>()
        for (n, item) in zip(named, items) where !seen.insert(n.name).inserted {
            throw Diagnostic(.name, "column '\(n.name)' appears twice", span: item.expr.span, hint: "name one of them with 'as'")
        }
    }

    package func orderable(_ e: BoundExpr) throws(Diagnostic) -> BoundExpr {
        guard TypeRules.isOrdered(e.type) else {
            throw Diagnostic(.type, "cannot sort by \(TypeRules.name(e.type))", span: e.span)
        }
        return e
    }

    /// Splits summarize items into pure aggregate calls and outputs over the group table.
    package func aggregatePlan(_ input: LogicalPlan, keys: [NamedExpr], items: [NamedExpr], itemSpans: [SourceSpan]) throws(Diagnostic) -> LogicalPlan {
        var aggregates: [BoundExpr] = []
        var outputs: [NamedExpr] = []
        for item in items {
            guard item.expr.containsAggregate else {
                throw Diagnostic(.type, "'\(item.name)' is not an aggregate", span: item.expr.span,
                                 hint: "summarize takes aggregates such as count(), avg(x); to group by it write 'by \(item.name)'")
            }
            outputs.append(NamedExpr(name: item.name, expr: try lift(item.expr, keyCount: keys.count, &aggregates)))
        }
        var columns = keys.map { ColumnInfo(name: $0.name, type: $0.expr.type) }
        columns += outputs.map { ColumnInfo(name: $0.name, type: $0.expr.type) }
        var seen = Set<String>()
        for c in columns where !seen.insert(c.name).inserted {
            throw Diagnostic(.name, "column '\(c.name)' appears twice", span: itemSpans.first ?? SourceSpan.none, hint: "name one of them with 'as'")
        }
        return LogicalPlan(.aggregate(input, keys: keys, aggregates: aggregates, outputs: outputs),
                           schema: RelationSchema(columns: columns, rows: .plain))
    }

    /// Replaces each aggregate call by a reference to its column in the group table.
    package func lift(_ e: BoundExpr, keyCount: Int, _ aggregates: inout [BoundExpr]) throws(Diagnostic) -> BoundExpr {
        switch e.kind {
        case .aggregate:
            aggregates.append(e)
            return BoundExpr(.column(keyCount + aggregates.count - 1), type: e.type, span: e.span)
        case .column, .accountColumn, .columnwise:
            throw Diagnostic(.type, "this value differs from row to row; put it inside an aggregate or after 'by'", span: e.span)
        default:
            var local = aggregates
            let r = try e.mapChildren { (c) throws(Diagnostic) in try lift(c, keyCount: keyCount, &local) }
            aggregates = local
            return r
        }
    }
}
