import QQData
import QQMetrics
import QQSemantic
import QQSyntax

/// A relation as Spark SQL: a SELECT whose visible columns are `_c0…` (qq's names
/// stay on the plan's schema, so case and odd characters never meet Spark's resolver),
/// plus hidden columns: `_qq_ord`, the row order (every stage keeps the order qq would
/// give), `_qq_id`/`_qq_src`/`_qq_dst` (account ids of the row or edge) and `_qq_r…`
/// (account columns reached from the row: `src.followers`, metrics).
struct SQLRelation {
    var sql: String
    /// Visible columns, in plan order.
    var columns: [String]
    /// Hidden columns carried along (never `_qq_ord`, which every relation has).
    var hidden: [String]

    var all: [String] { columns + hidden + ["_qq_ord"] }
}

/// The stored relations a plan reads, as the engine registered them.
struct SQLSources {
    /// Columns of `accounts` (handle first); the view holds them as `_a0…` with `_qq_id`.
    var accountColumns: [String]
    /// View names: accounts(`_qq_id`, `_a0`…), follows(`_qq_src`, `_qq_dst`, `_qq_ord`).
    var accounts = "qq_accounts"
    var follows = "qq_follows"
    /// A view (id, v) per computed metric the plan reads.
    var metrics: [MetricID: String] = [:]
}

/// Translates a logical plan into one Spark SQL query (SPEC §12): ties and
/// first-appearance orders as the local engine gives them, through `_qq_ord`.
struct PlanSQL {
    let sources: SQLSources
    private var counter = 0

    init(sources: SQLSources) { self.sources = sources }

    /// The query of a whole plan: its visible columns in row order; or, for `count`,
    /// one row with the count.
    func query(_ plan: LogicalPlan) throws(Diagnostic) -> String {
        var me = self
        me.refList = PlanSQL.references(plan: plan)
        if case .count(let input) = plan.node {
            let r = try me.relation(input)
            return "SELECT count(*) AS _c0 FROM (\(r.sql)) _q"
        }
        let r = try me.relation(plan)
        let cols = r.columns.isEmpty ? "1 AS _c0" : r.columns.joined(separator: ", ")
        return "SELECT \(cols) FROM (\(r.sql)) _q ORDER BY _qq_ord"
    }

    private mutating func alias() -> String { counter += 1; return "_t\(counter)" }

    private func exprs(_ r: SQLRelation, windowed: Bool = true) -> ExprSQL {
        var refs: [AccountRef: String] = [:]
        for h in r.hidden where h.hasPrefix("_qq_r") {
            if let k = Int(h.dropFirst(5)), k < refList.count { refs[refList[k]] = h }
        }
        let srcs = sources
        return ExprSQL(columns: r.columns, refs: refs, subquery: { (p) throws(Diagnostic) in
            try PlanSQL(sources: srcs).scalarQuery(p)
        }, windowed: windowed)
    }

    /// Account references of the plan being compiled, in the order their hidden columns are named.
    private var refList: [AccountRef] = []

    func scalarQuery(_ plan: LogicalPlan) throws(Diagnostic) -> String {
        let q = try query(plan)
        return "SELECT * FROM (\(q)) LIMIT 2"
    }

    mutating func relation(_ plan: LogicalPlan) throws(Diagnostic) -> SQLRelation {
        switch plan.node {
        case .scan(let target):
            return try scan(target, plan.schema)
        case .metric(let input, _):
            return try relation(input)
        case .filter(let input, let predicate):
            let r = try relation(input)
            let e = try exprs(r).sql(predicate)
            let a = alias(), b = alias()
            let keep = r.all.joined(separator: ", ")
            return SQLRelation(sql: "SELECT \(keep) FROM (SELECT *, \(e) AS _qq_keep FROM (\(r.sql)) \(a)) \(b) WHERE _qq_keep",
                               columns: r.columns, hidden: r.hidden)
        case .project(let input, let items):
            let r = try relation(input)
            return try project(r, items)
        case .extend(let input, let items):
            let r = try relation(input)
            return try extend(r, items, schema: plan.schema)
        case .sort(let input, let keys):
            return try sorted(try relation(input), keys, limit: nil)
        case .topN(let input, let n, let keys):
            return try sorted(try relation(input), keys, limit: try PlanSQL.count(n, "'top' count"))
        case .topPer:
            throw Unsupported.error("'top … per'")
        case .join:
            throw Unsupported.error("'join'")
        case .limit(let input, let offset, let n):
            let r = try relation(input)
            let skip = try offset.map { (e) throws(Diagnostic) in try PlanSQL.count(e, "'skip' count") } ?? 0
            let take = try n.map { (e) throws(Diagnostic) in try PlanSQL.count(e, "'take' count") }
            var cond = "_qq_rn > \(skip)"
            if let t = take { cond += " AND _qq_rn <= \(skip + min(t, Int(Int32.max)))" }
            let a = alias(), b = alias()
            let keep = r.all.joined(separator: ", ")
            return SQLRelation(sql: "SELECT \(keep) FROM (SELECT *, row_number() OVER (ORDER BY _qq_ord) AS _qq_rn FROM (\(r.sql)) \(a)) \(b) WHERE \(cond)",
                               columns: r.columns, hidden: r.hidden)
        case .aggregate(let input, let keys, let aggregates, let outputs):
            return try aggregate(try relation(input), keys, aggregates, outputs)
        case .distinct(let input, let items):
            let r = try relation(input)
            let ex = exprs(r)
            var inner: [String] = []
            for (k, item) in items.enumerated() { inner.append("\(try ex.sql(item.expr)) AS _c\(k)") }
            let cols = (0..<items.count).map { "_c\($0)" }
            let a = alias(), b = alias()
            let groups = cols.isEmpty ? "" : " GROUP BY \(cols.joined(separator: ", "))"
            return SQLRelation(sql: "SELECT \((cols + ["min(_qq_ord) AS _qq_ord"]).joined(separator: ", ")) FROM (SELECT \((inner + ["_qq_ord"]).joined(separator: ", ")) FROM (\(r.sql)) \(a)) \(b)\(groups)",
                               columns: cols, hidden: [])
        case .count:
            throw Diagnostic(.internal, "internal error: 'count' inside a pipeline")
        case .neighbourhood(let hood, _, _):
            throw Unsupported.error("the source '\(hood.rawValue)(…)'")
        case .accountList:
            throw Unsupported.error("a list of accounts as a source")
        case .sample:
            throw Unsupported.error("'sample' (Spark cannot draw qq's reproducible sample)")
        case .compare:
            throw Unsupported.error("'compare'")
        case .correlate:
            throw Unsupported.error("'correlate'")
        case .export:
            throw Unsupported.error("'export' (write the results with the local engine)")
        case .plot:
            throw Unsupported.error("'plot'")
        }
    }

    private mutating func scan(_ target: ScanTarget, _ schema: RelationSchema) throws(Diagnostic) -> SQLRelation {
        var joins: [String] = []
        var hidden: [String] = []
        var select: [String] = []
        func accountColumn(_ name: String, _ table: String) throws(Diagnostic) -> String {
            guard let k = sources.accountColumns.firstIndex(of: name) else {
                throw Unsupported.error("the account column '\(name)'")
            }
            return "\(table)._a\(k)"
        }
        let base: String
        var idOf: [Endpoint: String]
        switch target {
        case .accounts:
            base = "\(sources.accounts) a"
            for (k, c) in schema.columns.enumerated() { select.append("\(try accountColumn(c.name, "a")) AS _c\(k)") }
            select.append("a._qq_id AS _qq_id"); hidden.append("_qq_id")
            select.append("a._qq_id AS _qq_ord")
            idOf = [.row: "a._qq_id"]
        case .follows:
            base = "\(sources.follows) f JOIN \(sources.accounts) s ON s._qq_id = f._qq_src JOIN \(sources.accounts) d ON d._qq_id = f._qq_dst"
            for (k, c) in schema.columns.enumerated() {
                switch c.name {
                case "src": select.append("s._a0 AS _c\(k)")
                case "dst": select.append("d._a0 AS _c\(k)")
                default: throw Unsupported.error("the follows column '\(c.name)'")
                }
            }
            select += ["f._qq_src AS _qq_src", "f._qq_dst AS _qq_dst", "f._qq_ord AS _qq_ord"]
            hidden += ["_qq_src", "_qq_dst"]
            idOf = [.src: "f._qq_src", .dst: "f._qq_dst", .row: "f._qq_src"]
        case .interactions:
            throw Unsupported.error("the source 'interactions'")
        case .binding(let name):
            throw Unsupported.error("the table '\(name)' bound by let")
        case .layers:
            throw Unsupported.error("the source 'layers'")
        case .file(let path):
            throw Unsupported.error("'read \"\(path)\"'")
        }
        for (k, ref) in refList.enumerated() {
            guard let id = idOf[ref.endpoint] else { throw Unsupported.error("'\(ref.endpoint.rawValue).\(ref.column.name)'") }
            let value: String
            switch ref.column {
            case .stored(let name):
                if ref.endpoint == .row, case .accounts = target {
                    value = try accountColumn(name, "a")
                } else {
                    let t = "_j\(k)"
                    joins.append("LEFT JOIN \(sources.accounts) \(t) ON \(t)._qq_id = \(id)")
                    value = try accountColumn(name, t)
                }
            case .metric(let m):
                guard let view = sources.metrics[m] else { throw Unsupported.error("the metric '\(m)'") }
                let t = "_m\(k)"
                joins.append("LEFT JOIN \(view) \(t) ON \(t).id = \(id)")
                value = "\(t).v"
            }
            select.append("\(value) AS _qq_r\(k)")
            hidden.append("_qq_r\(k)")
        }
        let sql = "SELECT \(select.joined(separator: ", ")) FROM \(base)\(joins.isEmpty ? "" : " " + joins.joined(separator: " "))"
        return SQLRelation(sql: sql, columns: (0..<schema.columns.count).map { "_c\($0)" }, hidden: hidden)
    }

    /// `select`: exactly these columns (the row identity and references stay hidden).
    private mutating func project(_ r: SQLRelation, _ items: [NamedExpr]) throws(Diagnostic) -> SQLRelation {
        let ex = exprs(r)
        var out: [String] = []
        for (k, item) in items.enumerated() { out.append("\(try ex.sql(item.expr)) AS _n\(k)") }
        let a = alias(), b = alias()
        let inner = "SELECT \((out + r.hidden + ["_qq_ord"]).joined(separator: ", ")) FROM (\(r.sql)) \(a)"
        let cols = (0..<items.count).map { "_c\($0)" }
        let renamed = (0..<items.count).map { "_n\($0) AS _c\($0)" } + r.hidden + ["_qq_ord"]
        return SQLRelation(sql: "SELECT \(renamed.joined(separator: ", ")) FROM (\(inner)) \(b)", columns: cols, hidden: r.hidden)
    }

    /// `extend`: replaces or appends columns; the plan's schema gives the final order.
    private mutating func extend(_ r: SQLRelation, _ items: [NamedExpr], schema: RelationSchema) throws(Diagnostic) -> SQLRelation {
        let ex = exprs(r)
        // The input's names are the schema's first columns (extend keeps them in place).
        var exprsOut: [String] = r.columns
        let names = schema.columns.map(\.name)
        var inputNames = Array(names.prefix(r.columns.count))
        for item in items {
            let s = try ex.sql(item.expr)
            if let i = inputNames.firstIndex(of: item.name) {
                exprsOut[i] = s
            } else {
                inputNames.append(item.name)
                exprsOut.append(s)
            }
        }
        guard inputNames == names else { throw Diagnostic(.internal, "internal error: extend's columns differ from its schema") }
        let a = alias()
        let select = exprsOut.enumerated().map { "\($0.element) AS _c\($0.offset)" } + r.hidden + ["_qq_ord"]
        return SQLRelation(sql: "SELECT \(select.joined(separator: ", ")) FROM (\(r.sql)) \(a)",
                           columns: (0..<exprsOut.count).map { "_c\($0)" }, hidden: r.hidden)
    }

    /// A stable sort (nulls last; the previous order breaks ties), optionally cut to `limit` rows.
    private mutating func sorted(_ r: SQLRelation, _ keys: [SortSpec], limit: Int?) throws(Diagnostic) -> SQLRelation {
        let ex = exprs(r)
        var keyCols: [String] = []
        var order: [String] = []
        for (k, key) in keys.enumerated() {
            keyCols.append("\(try ex.sql(key.expr)) AS _qq_k\(k)")
            order.append("_qq_k\(k) \(key.descending ? "DESC" : "ASC") NULLS LAST")
        }
        order.append("_qq_ord")
        let a = alias(), b = alias(), c = alias()
        let carried = r.columns + r.hidden
        let withKeys = "SELECT *, \(keyCols.joined(separator: ", ")) FROM (\(r.sql)) \(a)"
        let ranked = "SELECT \(carried.joined(separator: ", ")), row_number() OVER (ORDER BY \(order.joined(separator: ", "))) AS _qq_ord FROM (\(withKeys)) \(b)"
        let sql = limit.map { "SELECT * FROM (\(ranked)) \(c) WHERE _qq_ord <= \($0)" } ?? ranked
        return SQLRelation(sql: sql, columns: r.columns, hidden: r.hidden)
    }

    /// `summarize`: groups in order of first appearance (the least `_qq_ord` of each).
    private mutating func aggregate(_ r: SQLRelation, _ keys: [NamedExpr], _ aggregates: [BoundExpr], _ outputs: [NamedExpr]) throws(Diagnostic) -> SQLRelation {
        let ex = exprs(r)
        var inner: [String] = []
        for (k, key) in keys.enumerated() { inner.append("\(try ex.sql(key.expr)) AS _qq_g\(k)") }
        var calls: [String] = []
        for (j, agg) in aggregates.enumerated() {
            guard case .aggregate(let fn, let arg, let param) = agg.kind else {
                throw Diagnostic(.internal, "internal error: summarize without an aggregate call")
            }
            var argSQL: String? = nil
            if let arg {
                inner.append("\(try ex.sql(arg)) AS _qq_x\(j)")
                argSQL = "_qq_x\(j)"
            }
            calls.append("\(SQLText.cast(try AggregateSQL.call(fn, argSQL, param, span: agg.span), agg.type)) AS _qq_a\(j)")
        }
        inner.append("_qq_ord")
        let groups = (0..<keys.count).map { "_qq_g\($0)" }
        let a = alias(), b = alias(), c = alias()
        let grouped = "SELECT \((groups + calls + ["min(_qq_ord) AS _qq_ord"]).joined(separator: ", ")) FROM (SELECT \(inner.joined(separator: ", ")) FROM (\(r.sql)) \(a)) \(b)"
            + (groups.isEmpty ? "" : " GROUP BY \(groups.joined(separator: ", "))")
        let table = SQLRelation(sql: grouped, columns: groups + (0..<aggregates.count).map { "_qq_a\($0)" }, hidden: [])
        let outEx = exprs(table, windowed: false)
        // The result: the keys, then the outputs (the plan's schema).
        var out: [String] = groups.enumerated().map { "\($0.element) AS _c\($0.offset)" }
        for (k, o) in outputs.enumerated() { out.append("\(try outEx.sql(o.expr)) AS _c\(keys.count + k)") }
        // With no keys there is one group even over no rows; its order is that of any row.
        out.append(groups.isEmpty ? "CAST(0 AS BIGINT) AS _qq_ord" : "_qq_ord")
        return SQLRelation(sql: "SELECT \(out.joined(separator: ", ")) FROM (\(grouped)) \(c)",
                           columns: (0..<(keys.count + outputs.count)).map { "_c\($0)" }, hidden: [])
    }

    /// A count argument (`top N`, `take N`, `skip N`): a non-negative integer literal.
    static func count(_ e: BoundExpr, _ what: String) throws(Diagnostic) -> Int {
        guard case .literal(let v) = e.kind else { throw Unsupported.error("a computed \(what)", span: e.span) }
        let n: Int64
        switch v {
        case .int(let i): n = i
        case .float(let d) where d.rounded() == d && abs(d) < 1e15: n = Int64(d)
        default: throw Diagnostic(.runtime, "\(what) must be a whole number, found \(v.type.rawValue)", span: e.span)
        }
        guard n >= 0 else { throw Diagnostic(.runtime, "\(what) must not be negative, found \(n)", span: e.span) }
        return Int(min(n, Int64(Int32.max)))
    }

    /// Account columns the plan's expressions reach through a row (outside subqueries).
    static func references(plan: LogicalPlan) -> [AccountRef] {
        var out: [AccountRef] = []
        func visit(_ e: BoundExpr) {
            e.visit { x in
                if case .accountColumn(let c, let end) = x.kind {
                    let r = AccountRef(column: c, endpoint: end)
                    if !out.contains(r) { out.append(r) }
                }
            }
        }
        func walk(_ p: LogicalPlan) {
            switch p.node {
            case .scan, .accountList: break
            case .neighbourhood(_, let a, let h): a.forEach(visit); h.map(visit)
            case .metric(let i, _), .count(let i): walk(i)
            case .filter(let i, let e): walk(i); visit(e)
            case .project(let i, let items), .extend(let i, let items), .distinct(let i, let items), .correlate(let i, let items, _, _):
                walk(i); items.forEach { visit($0.expr) }
            case .sort(let i, let keys): walk(i); keys.forEach { visit($0.expr) }
            case .topN(let i, let n, let keys): walk(i); visit(n); keys.forEach { visit($0.expr) }
            case .topPer(let i, let n, let keys, let per): walk(i); visit(n); keys.forEach { visit($0.expr) }; visit(per)
            case .join(let i, let j): walk(i); visit(j.leftKey)
            case .limit(let i, let o, let n): walk(i); o.map(visit); n.map(visit)
            case .aggregate(let i, let keys, let aggs, _): walk(i); keys.forEach { visit($0.expr) }; aggs.forEach(visit)
            case .sample(let i, let n, let s): walk(i); visit(n); s.map(visit)
            case .compare(let i, _), .export(let i, _, _, _), .plot(let i, _): walk(i)
            }
        }
        walk(plan)
        return out
    }

    /// Every metric the plan (and its subqueries) reads.
    static func metrics(plan: LogicalPlan) -> [MetricID] {
        var out: [MetricID] = []
        func add(_ ms: [MetricID]) { for m in ms where !out.contains(m) { out.append(m) } }
        func visit(_ e: BoundExpr) {
            add(e.metrics)
            e.visit { x in if case .subquery(let p) = x.kind { walk(p) } }
        }
        func walk(_ p: LogicalPlan) {
            switch p.node {
            case .scan, .accountList: break
            case .neighbourhood(_, let a, let h): a.forEach(visit); h.map(visit)
            case .metric(let i, let ms): add(ms); walk(i)
            case .count(let i): walk(i)
            case .filter(let i, let e): walk(i); visit(e)
            case .project(let i, let items), .extend(let i, let items), .distinct(let i, let items), .correlate(let i, let items, _, _):
                walk(i); items.forEach { visit($0.expr) }
            case .sort(let i, let keys): walk(i); keys.forEach { visit($0.expr) }
            case .topN(let i, let n, let keys): walk(i); visit(n); keys.forEach { visit($0.expr) }
            case .topPer(let i, let n, let keys, let per): walk(i); visit(n); keys.forEach { visit($0.expr) }; visit(per)
            case .join(let i, let j): walk(i); walk(j.right); visit(j.leftKey); visit(j.rightKey)
            case .limit(let i, let o, let n): walk(i); o.map(visit); n.map(visit)
            case .aggregate(let i, let keys, let aggs, let outs): walk(i); keys.forEach { visit($0.expr) }; aggs.forEach(visit); outs.forEach { visit($0.expr) }
            case .sample(let i, let n, let s): walk(i); visit(n); s.map(visit)
            case .compare(let i, _), .export(let i, _, _, _), .plot(let i, _): walk(i)
            }
        }
        walk(plan)
        return out
    }
}
