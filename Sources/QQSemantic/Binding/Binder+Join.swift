import QQData
import QQSyntax

/// Membership in a table (`x in (PIPELINE)`, `x in NAME`) and `join` (SPEC §7).
extension Binder {
    /// `x [not] in (PIPELINE)` / `x in NAME`: a semi-join when the list is one table;
    /// nil when the list holds values only (the ordinary `in`).
    package func bindMembership(_ x: Expr, _ list: [Expr], negated: Bool, span: SourceSpan, _ ctx: Context) throws(Diagnostic) -> BoundExpr? {
        let tables = list.filter(isTable)
        if tables.isEmpty {
            if list.count == 1, case .name(let n) = list[0].kind, ctx.schema?.index(of: n) == nil, env.scope[n] == nil {
                throw Diagnostic(.name, "unknown table '\(n)'", span: list[0].span,
                                 hint: Suggest.hint(for: n, among: env.tableNames) ?? "a list of values is written in parentheses: x in (1, 2)")
            }
            if list.count == 1, !isParenthesized(list[0]) {
                throw Diagnostic(.type, "'in' needs a list in parentheses or a table", span: list[0].span,
                                 hint: "x in (1, 2), x in (PIPELINE) or x in NAME")
            }
            return nil
        }
        guard list.count == 1 else {
            throw Diagnostic(.type, "cannot mix a pipeline with values in one 'in' list", span: tables[0].span,
                             hint: "test them apart: x in (PIPELINE) or x in (1, 2)")
        }
        let plan = try bindRelation(list[0])
        guard plan.output == .relation else {
            if plan.output == .value { return nil }
            throw Diagnostic(.type, "this pipeline writes a file or a chart and has no values", span: list[0].span)
        }
        guard plan.schema.columns.count == 1 else {
            throw Diagnostic(.type, "'in' needs a table of one column, this one has \(plan.schema.columns.count)", span: list[0].span,
                             hint: "end the pipeline with '| select COLUMN'")
        }
        let bx = try bindExpr(x, ctx)
        let t = plan.schema.columns[0].type
        let asText = Binder.keysAsText(bx.type, t)
        if !asText {
            let column = BoundExpr(.literal(.null), type: t, span: list[0].span)
            try checkComparable(bx, column, span: span, op: "in")
        }
        return BoundExpr(.inSet(bx, plan, negated: negated, asText: asText), type: .bool, span: span)
    }

    /// True for an expression that is a table: a pipeline, `read "…"`, a let table.
    package func isTable(_ e: Expr) -> Bool {
        if case .paren(let inner) = e.kind { return isTable(inner) }
        return isRelation(e)
    }

    private func isParenthesized(_ e: Expr) -> Bool { if case .paren = e.kind { return true } else { return false } }

    /// Keys of these types compare as text: one side text, the other a number or a
    /// bool (SPEC §7: a handle key compares as text with the other side).
    static func keysAsText(_ a: ValueType, _ b: ValueType) -> Bool {
        (a == .string) != (b == .string) && a != .null && b != .null
    }

    /// `join [left|anti] SOURCE on COL` / `on A == B`.
    package func joinPlan(_ input: LogicalPlan, _ spec: JoinSpec, _ state: inout PipelineState) throws(Diagnostic) -> LogicalPlan {
        guard isTable(spec.right) else {
            if case .name(let n) = spec.right.kind, env.scope[n] == nil {
                throw Diagnostic(.name, "unknown table '\(n)'", span: spec.right.span,
                                 hint: Suggest.hint(for: n, among: env.tableNames) ?? "join a let table, (PIPELINE) or read \"file\"")
            }
            throw Diagnostic(.type, "'join' needs a table: (PIPELINE), a let name or read \"file\"", span: spec.right.span,
                             hint: unknownTableHint(spec.right))
        }
        let right = try bindRelation(spec.right)
        guard right.output == .relation else {
            throw Diagnostic(.type, "'join' needs a table, this pipeline gives \(right.output == .value ? "a value" : "no rows")", span: spec.right.span)
        }
        let left = input.schema
        let leftCtx = Context(schema: left, aggregates: .forbidden, stage: "join")
        let rightCtx = Context(schema: right.schema, aggregates: .forbidden, stage: "join")
        let leftKey: BoundExpr, rightKey: BoundExpr
        var dropRight: Int? = nil
        if let rk = spec.rightKey {
            leftKey = try bindExpr(spec.leftKey, leftCtx)
            rightKey = try bindRightKey(rk, rightCtx, right.schema)
        } else {
            guard case .name(let n) = spec.leftKey.kind else {
                throw Diagnostic(.type, "'join … on' takes a column both sides have, or A == B", span: spec.leftKey.span,
                                 hint: "join … on handle, or join … on handle == id")
            }
            guard let ri = right.schema.index(of: n) else {
                throw Diagnostic(.name, "the joined table has no column '\(n)'", span: spec.leftKey.span,
                                 hint: Suggest.hint(for: n, among: right.schema.names)
                                    ?? "its columns: \(right.schema.names.joined(separator: ", ")); write 'on \(n) == COLUMN'")
            }
            leftKey = try bindExpr(spec.leftKey, leftCtx)
            rightKey = BoundExpr(.column(ri), type: right.schema.columns[ri].type, span: spec.leftKey.span)
            dropRight = ri
        }
        state.note(leftKey, rows: left.rows)
        let asText = Binder.keysAsText(leftKey.type, rightKey.type)
        if !asText { try checkComparable(leftKey, rightKey, span: spec.leftKey.span.union(spec.rightKey?.span ?? spec.leftKey.span), op: "==") }
        for k in [leftKey, rightKey] where !TypeRules.isOrdered(k.type) && k.type != .bool && k.type != .null {
            throw Diagnostic(.type, "cannot join on \(TypeRules.name(k.type))", span: k.span)
        }
        var out = left
        var kept: [(index: Int, name: String)] = []
        if spec.kind != .anti {
            var taken = Set(left.names)
            if left.rows == .accounts(open: true) { taken.formUnion(env.accountColumnNames) }
            for (i, c) in right.schema.columns.enumerated() where i != dropRight {
                var name = c.name
                while taken.contains(name) { name += "_right" }
                taken.insert(name)
                kept.append((i, name))
                out.columns.append(ColumnInfo(name: name, type: c.type))
            }
        }
        let plan = JoinPlan(kind: spec.kind, right: right, leftKey: leftKey, rightKey: rightKey, asText: asText, rightColumns: kept)
        return LogicalPlan(.join(input, plan), schema: out)
    }

    /// The `B` of `on A == B`, read over the right rows: names there mean its columns.
    private func bindRightKey(_ e: Expr, _ ctx: Context, _ schema: RelationSchema) throws(Diagnostic) -> BoundExpr {
        do { return try bindExpr(e, ctx) } catch {
            if case .name(let n) = e.kind, error.message.hasPrefix("unknown column") {
                throw Diagnostic(.name, "the joined table has no column '\(n)'", span: e.span,
                                 hint: Suggest.hint(for: n, among: schema.names) ?? "its columns: \(schema.names.joined(separator: ", "))")
            }
            throw error
        }
    }

    private func unknownTableHint(_ e: Expr) -> String? {
        if case .name(let n) = e.kind { return Suggest.hint(for: n, among: env.tableNames) }
        return nil
    }
}
