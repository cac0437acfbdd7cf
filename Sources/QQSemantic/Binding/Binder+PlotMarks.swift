import QQData
import QQSyntax

/// The plot forms of SPEC §11: `plot scatter X, Y [color EXPR] [label EXPR [top K]]`
/// and `plot graph [color EXPR] [size EXPR]`.
extension Binder {
    /// `plot graph …`: the follow graph induced by the rows, which must be accounts.
    package func graphPlotPlan(_ input: LogicalPlan, _ spec: PlotSpec, span: SourceSpan, _ state: inout PipelineState) throws(Diagnostic) -> LogicalPlan {
        guard case .accounts = input.schema.rows else {
            throw Diagnostic(.type, "'plot graph' draws accounts, and these rows are not accounts", span: span,
                             hint: "start from accounts, e.g. accounts | where followers > 100 | plot graph")
        }
        if let f = spec.file, !f.value.lowercased().hasSuffix(".svg") {
            throw Diagnostic(.type, "charts are written as SVG; name the file '….svg'", span: f.span)
        }
        var plan = PlotPlan(kind: .graph, args: [], bins: nil, log: false, file: spec.file?.value,
                            overwrite: spec.overwrite, span: spec.file?.span ?? span)
        try plotMarks(&plan, input, spec, &state)
        return LogicalPlan(.plot(input, plan), schema: input.schema, output: .sideEffect)
    }

    /// Binds `color`, `size`, `label` and `top` over the plot's rows. Colour and label
    /// take any type (groups are their values as text); size must be numeric; `top` is
    /// a whole number.
    package func plotMarks(_ plan: inout PlotPlan, _ input: LogicalPlan, _ spec: PlotSpec, _ state: inout PipelineState) throws(Diagnostic) {
        func bind(_ item: SelectItem?, numeric: Bool) throws(Diagnostic) -> NamedExpr? {
            guard let item else { return nil }
            let b = try bindExpr(item.expr, Context(schema: input.schema, aggregates: .overRows, stage: "plot"))
            state.note(b, rows: .plain)
            if numeric && !(b.type.isNumeric || b.type == .null) {
                throw Diagnostic(.type, "'size' needs numbers, found \(TypeRules.name(b.type))", span: item.expr.span)
            }
            return NamedExpr(name: columnName(item), expr: b)
        }
        plan.color = try bind(spec.color, numeric: false)
        plan.size = try bind(spec.size, numeric: true)
        plan.label = try bind(spec.label, numeric: false)
        plan.labelTop = try spec.labelTop.map { (e) throws(Diagnostic) in try bindCount(e, what: "'top'") }
    }
}
