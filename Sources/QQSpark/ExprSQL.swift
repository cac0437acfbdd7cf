import QQData
import QQMetrics
import QQSemantic
import QQSyntax

/// Bound expressions as Spark SQL (SPEC §4 semantics, checked against the local
/// evaluator): `/` and `%` give null on a zero divisor (`try_divide`, `try_mod`), math
/// outside its domain gives null, aggregates outside `summarize` run over all current
/// rows (`OVER ()`), and every result is cast to the type qq gives it.
struct ExprSQL {
    /// The SQL of each visible column of the input, by index.
    let columns: [String]
    /// Hidden columns carrying account columns (`src.followers`, metrics), by reference.
    let refs: [AccountRef: String]
    /// Compiles a pipeline used as a value.
    let subquery: (LogicalPlan) throws(Diagnostic) -> String
    /// Aggregates become window functions over all rows (outside `summarize`).
    var windowed = true

    func sql(_ e: BoundExpr) throws(Diagnostic) -> String {
        SQLText.cast(try raw(e), e.type)
    }

    private func raw(_ e: BoundExpr) throws(Diagnostic) -> String {
        switch e.kind {
        case .literal(let v): return SQLText.literal(v)
        case .column(let i):
            guard i >= 0, i < columns.count else { throw Diagnostic(.internal, "internal error: column \(i) out of range") }
            return columns[i]
        case .accountColumn(let c, let end):
            guard let name = refs[AccountRef(column: c, endpoint: end)] else {
                throw Diagnostic(.internal, "internal error: account column '\(c.name)' was not joined")
            }
            return name
        case .accountCell:
            throw Unsupported.error("an account's cell (@handle.column)", span: e.span)
        case .unary(let op, let a):
            switch op {
            case .negate: return "(- \(try sql(a)))"
            case .plus: return try sql(a)
            case .not: return "(NOT \(try sql(a)))"
            }
        case .binary(let op, let a, let b): return try binary(op, a, b, e)
        case .inList(let a, let items, let negated):
            var list: [String] = []
            for x in items { list.append(try operand(x, a.type, x.type)) }
            return "(\(try operand(a, a.type, items.first?.type ?? a.type)) \(negated ? "NOT IN" : "IN") (\(list.joined(separator: ", "))))"
        case .between(let a, let lo, let hi, let negated):
            let t = TypeRules.common(a.type, TypeRules.common(lo.type, hi.type) ?? lo.type) ?? a.type
            return "(\(try cast(a, t)) \(negated ? "NOT BETWEEN" : "BETWEEN") \(try cast(lo, t)) AND \(try cast(hi, t)))"
        case .isNull(let a, let negated):
            return "(\(try sql(a)) IS \(negated ? "NOT NULL" : "NULL"))"
        case .function(let fn, let args): return try function(fn, args, e)
        case .columnwise(let fn, let a):
            let x = try cast(a, .float)
            switch fn {
            case .zscore:
                return "try_divide(\(x) - avg(\(x)) OVER (), stddev_samp(\(x)) OVER ())"
            case .percentile:
                // 100 × average rank / n among non-null values (pandas rank(pct=True)).
                return "(CASE WHEN \(x) IS NULL THEN NULL ELSE 100.0 * (rank() OVER (PARTITION BY \(x) IS NULL ORDER BY \(x)) + (count(*) OVER (PARTITION BY \(x)) - 1) / 2.0) / count(\(x)) OVER () END)"
            case .rank, .rankAscending:
                throw Unsupported.error("'\(fn.rawValue)()'", span: e.span)
            }
        case .aggregate(let fn, let arg, let param):
            let call = try AggregateSQL.call(fn, arg.map { (a) throws(Diagnostic) in try sql(a) }, param, span: e.span)
            return windowed ? "(\(call) OVER ())" : call
        case .overlap:
            throw Unsupported.error("overlap()", span: e.span)
        case .subquery(let plan):
            return "(\(try subquery(plan)))"
        case .inSet:
            throw Unsupported.error("'in (PIPELINE)'", span: e.span)
        }
    }

    /// An operand converted to the type both sides are compared in.
    private func operand(_ a: BoundExpr, _ ta: ValueType, _ tb: ValueType) throws(Diagnostic) -> String {
        try cast(a, TypeRules.common(ta, tb) ?? a.type)
    }

    private func cast(_ a: BoundExpr, _ t: ValueType) throws(Diagnostic) -> String {
        SQLText.cast(try raw(a), t == .null ? a.type : t)
    }

    private func binary(_ op: BinaryOp, _ a: BoundExpr, _ b: BoundExpr, _ e: BoundExpr) throws(Diagnostic) -> String {
        switch op {
        case .add, .sub, .mul, .div, .mod:
            if a.type == .date || b.type == .date {
                switch (a.type, b.type, op) {
                case (.date, .date, .sub): return "CAST(datediff(\(try sql(a)), \(try sql(b))) AS BIGINT)"
                case (.date, _, .add): return "date_add(\(try sql(a)), CAST(\(try sql(b)) AS INT))"
                case (_, .date, .add): return "date_add(\(try sql(b)), CAST(\(try sql(a)) AS INT))"
                case (.date, _, .sub): return "date_sub(\(try sql(a)), CAST(\(try sql(b)) AS INT))"
                default: throw Unsupported.error("this date arithmetic", span: e.span)
                }
            }
            if a.type == .string || b.type == .string {
                return "concat(\(try sql(a)), \(try sql(b)))"
            }
            let t = op == .div ? ValueType.float : e.type
            let x = try cast(a, t), y = try cast(b, t)
            switch op {
            case .add: return "(\(x) + \(y))"
            case .sub: return "(\(x) - \(y))"
            case .mul: return "(\(x) * \(y))"
            case .div: return "try_divide(\(x), \(y))"
            default: return "(CASE WHEN \(y) = 0 THEN NULL ELSE \(x) % \(y) END)"
            }
        case .eq, .ne, .lt, .le, .gt, .ge:
            let sym = [BinaryOp.eq: "=", .ne: "<>", .lt: "<", .le: "<=", .gt: ">", .ge: ">="][op]!
            return "(\(try operand(a, a.type, b.type)) \(sym) \(try operand(b, a.type, b.type)))"
        case .and: return "(\(try sql(a)) AND \(try sql(b)))"
        case .or: return "(\(try sql(a)) OR \(try sql(b)))"
        case .contains: return "contains(\(try sql(a)), \(try sql(b)))"
        case .startswith: return "startswith(\(try sql(a)), \(try sql(b)))"
        case .endswith: return "endswith(\(try sql(a)), \(try sql(b)))"
        case .matches: throw Unsupported.error("'matches' (qq's regular expressions differ from Java's)", span: e.span)
        }
    }

    private func function(_ fn: ScalarFunction, _ args: [BoundExpr], _ e: BoundExpr) throws(Diagnostic) -> String {
        func arg(_ i: Int, _ t: ValueType? = nil) throws(Diagnostic) -> String {
            guard i < args.count else { throw Diagnostic(.internal, "internal error: '\(fn.rawValue)' lacks an argument") }
            return try cast(args[i], t ?? args[i].type)
        }
        /// NaN (math outside its domain) becomes null, as qq gives it.
        func math(_ s: String) -> String { "nanvl(\(s), CAST(NULL AS DOUBLE))" }
        switch fn {
        case .abs where e.type == .int: return "abs(\(try arg(0)))"
        case .floor where e.type == .int, .ceil where e.type == .int, .round where e.type == .int && args.count == 1:
            return try arg(0)
        case .abs: return "abs(\(try arg(0, .float)))"
        case .floor: return "CAST(floor(\(try arg(0, .float))) AS DOUBLE)"
        case .ceil: return "CAST(ceil(\(try arg(0, .float))) AS DOUBLE)"
        case .round:
            // Half away from zero, as qq's `rounded(.toNearestOrAwayFromZero)` (Spark's HALF_UP).
            if args.count == 2 {
                guard case .literal(.int(let d)) = args[1].kind, abs(d) <= 300 else {
                    throw Unsupported.error("round with computed digits", span: e.span)
                }
                return "round(\(try arg(0, .float)), \(d))"
            }
            return "round(\(try arg(0, .float)))"
        case .sqrt: return "(CASE WHEN \(try arg(0, .float)) < 0 THEN NULL ELSE sqrt(\(try arg(0, .float))) END)"
        case .ln: return "(CASE WHEN \(try arg(0, .float)) <= 0 THEN NULL ELSE ln(\(try arg(0, .float))) END)"
        case .log10: return "(CASE WHEN \(try arg(0, .float)) <= 0 THEN NULL ELSE log10(\(try arg(0, .float))) END)"
        case .exp: return math("exp(\(try arg(0, .float)))")
        case .pow: return math("pow(\(try arg(0, .float)), \(try arg(1, .float)))")
        case .min, .max, .coalesce:
            var list: [String] = []
            for i in 0..<args.count { list.append(try arg(i, e.type)) }
            if args.count == 1 { return list[0] }
            let name = fn == .min ? "least" : fn == .max ? "greatest" : "coalesce"
            return "\(name)(\(list.joined(separator: ", ")))"
        case .lower: return "lower(\(try arg(0)))"
        case .upper: return "upper(\(try arg(0)))"
        case .len:
            // Characters: Spark counts code points, qq counts user-perceived characters;
            // they agree on text without combining marks.
            return args.first?.type == .string ? "char_length(\(try arg(0)))" : "CAST(NULL AS BIGINT)"
        case .str:
            switch args.first?.type {
            case .int, .string, .date, .bool: return "CAST(\(try arg(0)) AS STRING)"
            default: throw Unsupported.error("str() of a float (Spark writes numbers differently)", span: e.span)
            }
        case .date:
            if case .literal(let v) = args.first?.kind {
                if case .string(let s) = v, let d = CivilDate.parse(Substring(s)) { return SQLText.literal(.date(d.daysSinceEpoch)) }
                if case .date = v { return SQLText.literal(v) }
                if case .null = v { return "CAST(NULL AS DATE)" }
            }
            throw Unsupported.error("date() of a computed value", span: e.span)
        case .days_since:
            throw Unsupported.error("days_since()", span: e.span)
        case .datetime, .today, .seconds, .minutes, .hours, .days, .weeks, .as_days, .as_hours,
             .year, .month, .day, .hour, .weekday, .bin:
            throw Unsupported.error("\(fn.rawValue)() (times are not on the Spark engine yet)", span: e.span)
        case .substr, .replace, .extract, .split_part, .trim:
            throw Unsupported.error("\(fn.rawValue)()", span: e.span)
        case .if:
            return "(CASE WHEN \(try arg(0)) THEN \(try arg(1, e.type)) ELSE \(try arg(2, e.type)) END)"
        }
    }
}

/// One account column reached from a row: the key of a hidden joined column.
struct AccountRef: Hashable {
    var column: AccountColumn
    var endpoint: Endpoint
}

/// Aggregate calls (`summarize` and window aggregates). All skip nulls, as in qq.
enum AggregateSQL {
    static func call(_ fn: AggregateFunction, _ arg: String?, _ param: BoundExpr?, span: SourceSpan) throws(Diagnostic) -> String {
        guard let x = arg else { return "count(*)" }
        switch fn {
        case .count: return "count(\(x))"
        case .count_distinct: return "count(DISTINCT \(x))"
        case .sum: return "sum(\(x))"
        case .avg: return "avg(CAST(\(x) AS DOUBLE))"
        case .min: return "min(\(x))"
        case .max: return "max(\(x))"
        case .stddev: return "stddev_samp(CAST(\(x) AS DOUBLE))"
        case .median: return "percentile(CAST(\(x) AS DOUBLE), 0.5)"
        case .quantile:
            guard let p = param, case .literal(let v) = p.kind, let q = v.asDouble else {
                throw Unsupported.error("quantile with a computed q", span: span)
            }
            guard (0...1).contains(q) else {
                throw Diagnostic(.runtime, "quantile's q must be a number between 0 and 1", span: span)
            }
            return "percentile(CAST(\(x) AS DOUBLE), \(q))"
        case .ari, .nmi:
            throw Unsupported.error("\(fn.rawValue)()", span: span)
        }
    }
}
