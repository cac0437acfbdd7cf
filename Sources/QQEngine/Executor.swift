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

    /// The relation a plan node produces.
    package func frame(_ plan: LogicalPlan) throws(Diagnostic) -> Frame {
        try Cancellation.check()
        switch plan.node {
        case .scan(.accounts): return Executor.accountsFrame(rt)
        case .scan(.follows): return EdgeTables.follows(rt)
        case .scan(.interactions): return EdgeTables.interactions(rt)
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
        case .filter(let input, let predicate):
            let f = try frame(input)
            return f.select(try Filter.positions(try Evaluator(frame: f, rt: rt).eval(predicate)))
        case .project(let input, let items):
            let f = try frame(input)
            var out = f
            out.names = []; out.refs = []
            out.kind = f.kind == .plain ? .plain : plan.schema.rows
            for item in items { out.set(item.name, try reference(item.expr, in: f)) }
            return out
        case .extend(let input, let items):
            let f = try frame(input)
            var out = f
            for item in items { out.set(item.name, try reference(item.expr, in: f)) }
            return out
        case .sort(let input, let keys):
            let f = try frame(input)
            return f.select(try Sorting.order(try sortKeys(keys, f), count: f.count))
        case .topN(let input, let n, let keys):
            let f = try frame(input)
            let k = try count(n, what: "'top' count")
            return f.select(try Sorting.top(k, try sortKeys(keys, f), count: f.count))
        case .topPer(let input, let n, let keys, let per):
            let f = try frame(input)
            let k = try count(n, what: "'top' count")
            let groups = try Evaluator(frame: f, rt: rt).eval(per)
            return f.select(try TopPer.positions(k, keys: try sortKeys(keys, f), groups: groups, count: f.count))
        case .join(let input, let plan):
            let left = try frame(input)
            return try Join.run(left, try frame(plan.right), plan, rt)
        case .limit(let input, let offset, let n):
            let f = try frame(input)
            let skip = try offset.map { (e) throws(Diagnostic) in try count(e, what: "'skip' count") } ?? 0
            let take = try n.map { (e) throws(Diagnostic) in try count(e, what: "'take' count") } ?? Int.max
            let lo = min(skip, f.count), hi = min(f.count, lo + min(take, f.count))
            if lo == 0 && hi == f.count { return f }
            return f.select((UInt32(lo)..<UInt32(hi)).map { $0 })
        case .aggregate(let input, let keys, let aggregates, let outputs):
            return try Grouping.summarize(try frame(input), keys: keys, aggregates: aggregates, outputs: outputs, rt)
        case .distinct(let input, let items):
            return try Grouping.distinct(try frame(input), items, rt)
        case .sample(let input, let n, let seed):
            let f = try frame(input)
            let k = try count(n, what: "'sample' count")
            let s = try seed.map { (e) throws(Diagnostic) in Int64(try count(e, what: "'sample' seed")) } ?? rt.settings.seed
            return f.select(Sampling.choose(k, of: f.count, seed: UInt64(bitPattern: s)))
        case .compare(let input, let rows):
            var f = Frame(table: try Comparison.table(try frame(input), rows, rt))
            f.isComparison = true
            return f
        case .correlate(let input, let items, let method):
            return Frame(table: try Correlation.table(try frame(input), items, method, rt))
        case .count, .export, .plot:
            throw Diagnostic(.internal, "internal error: a value or side effect used as a table")
        }
    }

    /// A column for `select`/`extend`: a reference when the expression is a plain
    /// column (no copy), else its evaluated values.
    package func reference(_ e: BoundExpr, in f: Frame) throws(Diagnostic) -> ColumnRef {
        switch e.kind {
        case .column(let i): return f.refs[i]
        case .accountColumn(let col, .row) where f.kind.isAccounts:
            return .base(try rt.accountColumn(col))
        case .accountColumn(let col, let via) where via != .row:
            if let ids = via == .src ? f.src : f.dst { return .lookup(try rt.accountColumn(col), ids: ids) }
            return .dense(try Evaluator(frame: f, rt: rt).eval(e))
        default:
            return .dense(try Evaluator(frame: f, rt: rt).eval(e))
        }
    }

    package func sortKeys(_ keys: [SortSpec], _ f: Frame) throws(Diagnostic) -> [SortColumn] {
        let ev = Evaluator(frame: f, rt: rt)
        var out: [SortColumn] = []
        for k in keys { out.append(SortColumn(try ev.eval(k.expr), descending: k.descending)) }
        return out
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

/// `where`: the positions whose predicate is true (null and false drop the row).
package enum Filter {
    /// Works 64 rows at a time: the bools (and the validity word) become one bit mask
    /// whose set bits are then enumerated, so the cost follows the kept rows and no
    /// branch depends on a random predicate.
    /// - Complexity: O(n / 64 + kept rows) after one pass building the masks.
    package static func positions(_ c: Column) throws(Diagnostic) -> [UInt32] {
        guard case .bool(let a) = c.storage else { return [] }
        let words = c.valid?.words ?? []
        return a.withUnsafeBufferPointer { p in
            p.withMemoryRebound(to: UInt8.self) { b in
                words.withUnsafeBufferPointer { w in
                    [UInt32](unsafeUninitializedCapacity: b.count) { out, n in
                        var k = 0, base = 0
                        while base < b.count {
                            let width = min(64, b.count - base)
                            var mask: UInt64 = 0
                            for j in 0..<width { mask |= UInt64(b[base + j] & 1) << UInt64(j) }
                            if !w.isEmpty { mask &= w[base >> 6] }
                            while mask != 0 {
                                out[k] = UInt32(truncatingIfNeeded: base + mask.trailingZeroBitCount)
                                k += 1
                                mask &= mask &- 1
                            }
                            base += 64
                        }
                        n = k
                    }
                }
            }
        }
    }
}
