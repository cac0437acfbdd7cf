import QQData
import QQMetrics
import QQSyntax

extension Binder {
    /// Binds `f(args)`: scalar functions, aggregates, column-wise and graph functions.
    package func bindCall(_ f: Identifier, _ args: [Expr], span: SourceSpan, _ ctx: Context) throws(Diagnostic) -> BoundExpr {
        let name = f.name
        if Neighbourhood(rawValue: name) != nil {
            throw Diagnostic(.type, "'\(name)(…)' is a table of accounts, not a value", span: span,
                             hint: "count it with '(\(name)(…) | count)' or start a pipeline with it")
        }
        if let agg = AggregateFunction(rawValue: name), !((agg == .min || agg == .max) && args.count > 1) {
            return try bindAggregate(agg, f, args, span: span, ctx)
        }
        if name == "rank" { return try bindRank(f, args, span: span, ctx) }
        if let cw = ColumnwiseFunction(rawValue: name) {
            try arity(f, args, 1...1)
            guard ctx.schema != nil else {
                throw Diagnostic(.type, "'\(name)' ranks the rows of a pipeline; use it in a stage", span: span)
            }
            let x = try numeric(try bindExpr(args[0], ctx), name)
            return BoundExpr(.columnwise(cw, x), type: .float, span: span)
        }
        switch name {
        case "overlap":
            try arity(f, args, 2...2)
            let a = try accountArgument(args[0], ctx), b = try accountArgument(args[1], ctx)
            return BoundExpr(.overlap(a, b), type: .float, span: span)
        default: break
        }
        if let def = MetricRegistry.definition(name), def.layer == .duration {
            try arity(f, args, 1...1)
            let d = try fixedDuration(try bindExpr(args[0], Context(schema: nil, aggregates: .forbidden, stage: ctx.stage)), name)
            guard let schema = ctx.schema, schema.rows.isAccounts else {
                throw Diagnostic(.type, "'\(name)(…)' is a column of accounts and needs account rows", span: span)
            }
            guard let id = MetricID(name, duration: d) else {
                throw Diagnostic(.internal, "internal error: '\(name)' is not a metric")
            }
            return BoundExpr(.accountColumn(.metric(id), .row), type: id.type, span: span)
        }
        if let def = MetricRegistry.definition(name), def.layer != .none {
            if def.layer == .optional && args.isEmpty { return try bindName(name, span: span, ctx) }
            try arity(f, args, 1...1)
            let layer = try layerArgument(args[0])
            guard let schema = ctx.schema, schema.rows.isAccounts else {
                throw Diagnostic(.type, "'\(name)(\(layer))' is a column of accounts and needs account rows", span: span)
            }
            guard let id = MetricID(name, layer: layer) else {
                throw Diagnostic(.internal, "internal error: '\(name)(\(layer))' is not a metric")
            }
            return BoundExpr(.accountColumn(.metric(id), .row), type: id.type, span: span)
        }
        guard let fn = ScalarFunction(rawValue: name) else {
            throw Diagnostic(.name, "unknown function '\(name)'", span: f.span,
                             hint: Suggest.hint(for: name, among: FunctionNames.all))
        }
        var bound: [BoundExpr] = []
        for a in args { bound.append(try bindExpr(a, ctx)) }
        return try bindScalarFunction(fn, f, bound, span: span)
    }

    /// The result type of a scalar function applied to bound arguments.
    package func bindScalarFunction(_ fn: ScalarFunction, _ f: Identifier, _ args: [BoundExpr], span: SourceSpan) throws(Diagnostic) -> BoundExpr {
        var args = args
        let type: ValueType
        switch fn {
        case .abs, .floor, .ceil:
            try arity(f, args.count, 1...1)
            type = try numeric(args[0], fn.rawValue).type
        case .round:
            try arity(f, args.count, 1...2)
            let x = try numeric(args[0], "round")
            if args.count == 2 { try integer(args[1], "round") }
            type = x.type == .int && args.count == 1 ? .int : (x.type == .null ? .null : .float)
        case .sqrt, .ln, .log10, .exp:
            try arity(f, args.count, 1...1)
            _ = try numeric(args[0], fn.rawValue)
            type = .float
        case .pow:
            try arity(f, args.count, 2...2)
            _ = try numeric(args[0], "pow"); _ = try numeric(args[1], "pow")
            type = .float
        case .min, .max, .coalesce:
            try arity(f, args.count, (fn == .coalesce ? 1 : 2)...64)
            var t: ValueType = .null
            for a in args {
                guard let c = TypeRules.common(t, a.type) else {
                    throw Diagnostic(.type, "'\(fn.rawValue)' needs values of one type, found \(TypeRules.name(t)) and \(TypeRules.name(a.type))", span: a.span)
                }
                t = c
            }
            type = t
        case .lower, .upper, .len:
            try arity(f, args.count, 1...1)
            guard args[0].type == .string || args[0].type == .null else {
                throw Diagnostic(.type, "'\(fn.rawValue)' needs text, found \(TypeRules.name(args[0].type))", span: args[0].span,
                                 hint: "turn it into text with str(…)")
            }
            type = fn == .len ? .int : .string
        case .str:
            try arity(f, args.count, 1...1)
            type = .string
        case .datetime, .today, .seconds, .minutes, .hours, .days, .weeks, .as_days, .as_hours,
             .year, .month, .day, .hour, .weekday, .bin:
            return try bindTimeFunction(fn, f, args, span: span)
        case .days_since:
            try arity(f, args.count, 1...1)
            args[0] = try coerceDate(args[0], to: .date)
            if args[0].type == .datetime { type = .int; break }
            guard args[0].type == .date || args[0].type == .null else {
                throw Diagnostic(.type, "'days_since' needs a date, found \(TypeRules.name(args[0].type))", span: args[0].span)
            }
            type = .int
        case .date:
            try arity(f, args.count, 1...1)
            if case .literal(.string) = args[0].kind { return try coerceDate(args[0], to: .date).with(span: span) }
            guard args[0].type == .string || args[0].type == .date || args[0].type == .datetime || args[0].type == .null else {
                throw Diagnostic(.type, "'date' needs text like \"2024-01-31\", found \(TypeRules.name(args[0].type))", span: args[0].span)
            }
            type = .date
        case .substr, .replace, .extract, .split_part, .trim:
            return try bindTextFunction(fn, f, args, span: span)
        case .if:
            try arity(f, args.count, 3...3)
            guard args[0].type == .bool || args[0].type == .null else {
                throw Diagnostic(.type, "'if' needs a true/false condition, found \(TypeRules.name(args[0].type))", span: args[0].span)
            }
            guard let t = TypeRules.common(args[1].type, args[2].type) else {
                throw Diagnostic(.type, "'if' branches differ: \(TypeRules.name(args[1].type)) and \(TypeRules.name(args[2].type))", span: span)
            }
            type = t
        }
        return BoundExpr(.function(fn, args), type: type, span: span)
    }

    /// Binds an aggregate call; inside `summarize` it is per group, elsewhere over all current rows.
    package func bindAggregate(_ agg: AggregateFunction, _ f: Identifier, _ args: [Expr], span: SourceSpan, _ ctx: Context) throws(Diagnostic) -> BoundExpr {
        guard ctx.aggregates != .forbidden else {
            if ctx.schema == nil {
                throw Diagnostic(.type, "'\(agg.rawValue)' aggregates rows; use it in 'summarize' or on a pipeline", span: span,
                                 hint: "for example '(accounts | summarize \(agg.rawValue)(followers))'")
            }
            throw Diagnostic(.type, "aggregates cannot be nested", span: span)
        }
        var inner = ctx
        inner.aggregates = .forbidden
        switch agg {
        case .count:
            try arity(f, args, 0...1)
            let x = args.isEmpty ? nil : try bindExpr(args[0], inner)
            return BoundExpr(.aggregate(.count, argument: x, parameter: nil), type: .int, span: span)
        case .count_distinct:
            try arity(f, args, 1...1)
            return BoundExpr(.aggregate(agg, argument: try bindExpr(args[0], inner), parameter: nil), type: .int, span: span)
        case .sum, .avg, .median, .stddev:
            try arity(f, args, 1...1)
            let x = try numeric(try bindExpr(args[0], inner), agg.rawValue)
            let t: ValueType = agg == .sum && x.type == .int ? .int : .float
            return BoundExpr(.aggregate(agg, argument: x, parameter: nil), type: t, span: span)
        case .min, .max:
            try arity(f, args, 1...1)
            let x = try bindExpr(args[0], inner)
            guard TypeRules.isOrdered(x.type) else {
                throw Diagnostic(.type, "'\(agg.rawValue)' needs values that order, found \(TypeRules.name(x.type))", span: x.span)
            }
            return BoundExpr(.aggregate(agg, argument: x, parameter: nil), type: x.type, span: span)
        case .quantile:
            try arity(f, args, 2...2)
            let x = try numeric(try bindExpr(args[0], inner), "quantile")
            let q = try numeric(try bindExpr(args[1], .noRows), "quantile")
            if case .literal(let v) = q.kind, let d = v.asDouble, !(0...1).contains(d) {
                throw Diagnostic(.type, "quantile's q must be between 0 and 1, found \(v)", span: q.span)
            }
            return BoundExpr(.aggregate(.quantile, argument: x, parameter: q), type: .float, span: span)
        case .ari, .nmi:
            try arity(f, args, 2...2)
            let a = try bindExpr(args[0], inner), b = try bindExpr(args[1], inner)
            for x in [a, b] where !(x.type == .int || x.type == .string || x.type == .bool || x.type == .null) {
                throw Diagnostic(.type, "'\(agg.rawValue)' compares partitions: labels must be ints, strings or booleans, found \(TypeRules.name(x.type))", span: x.span)
            }
            return BoundExpr(.aggregate(agg, argument: a, parameter: b), type: .float, span: span)
        }
    }

    /// An argument naming an account: `@a`, or a value holding a handle.
    package func accountArgument(_ e: Expr, _ ctx: Context) throws(Diagnostic) -> BoundExpr {
        let b = try bindExpr(e, Context(schema: nil, aggregates: .forbidden, stage: ctx.stage))
        guard b.type == .string || b.type == .null else {
            throw Diagnostic(.type, "expected an account like @alice, found \(TypeRules.name(b.type))", span: e.span)
        }
        return b
    }

    /// A layer name: a bare word or a string; it must be an interaction layer of the dataset.
    package func layerArgument(_ e: Expr) throws(Diagnostic) -> String {
        let name: String
        switch e.kind {
        case .name(let n): name = n
        case .literal(.string(let s)): name = s
        default: throw Diagnostic(.type, "expected the name of an interaction layer", span: e.span)
        }
        guard env.dataset.layer(named: name) != nil else {
            let names = env.dataset.layers.map(\.name)
            throw Diagnostic(.name, "unknown layer '\(name)'", span: e.span,
                             hint: Suggest.hint(for: name, among: names)
                                ?? (names.isEmpty ? "this dataset has no interaction layers" : "layers: " + names.joined(separator: ", ")))
        }
        return name
    }

    package func arity(_ f: Identifier, _ args: [Expr], _ range: ClosedRange<Int>) throws(Diagnostic) {
        try arity(f, args.count, range)
    }

    package func arity(_ f: Identifier, _ n: Int, _ range: ClosedRange<Int>) throws(Diagnostic) {
        guard !range.contains(n) else { return }
        let want: String
        if range.lowerBound == range.upperBound {
            want = range.lowerBound == 1 ? "1 argument" : "\(range.lowerBound) arguments"
        } else if range.upperBound >= 64 {
            want = "at least \(range.lowerBound) arguments"
        } else {
            want = "\(range.lowerBound) or \(range.upperBound) arguments"
        }
        throw Diagnostic(.type, "'\(f.name)' takes \(want), found \(n)", span: f.span)
    }

    @discardableResult
    package func numeric(_ e: BoundExpr, _ fn: String) throws(Diagnostic) -> BoundExpr {
        guard e.type.isNumeric || e.type == .null else {
            throw Diagnostic(.type, "'\(fn)' needs a number, found \(TypeRules.name(e.type))", span: e.span)
        }
        return e
    }

    package func integer(_ e: BoundExpr, _ fn: String) throws(Diagnostic) {
        guard e.type == .int || e.type == .null else {
            throw Diagnostic(.type, "'\(fn)' needs a whole number here, found \(TypeRules.name(e.type))", span: e.span)
        }
    }
}

extension BoundExpr {
    /// The same expression with another span.
    package func with(span: SourceSpan) -> BoundExpr { var c = self; c.span = span; return c }
}
