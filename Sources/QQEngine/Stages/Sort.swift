import QQData
import QQSyntax
import QQSemantic

extension Executor {
    /// `sort EXPR [asc|desc], …`: stable, nulls last.
    package func sort(_ f: Frame, _ keys: [SortSpec]) throws(Diagnostic) -> Frame {
        f.select(try Sorting.order(try sortKeys(keys, f), count: f.count))
    }

    /// `top N by …`: the first N rows of the stable sort, found with a heap.
    package func top(_ f: Frame, _ n: BoundExpr, _ keys: [SortSpec]) throws(Diagnostic) -> Frame {
        let k = try count(n, what: "'top' count")
        return f.select(try Sorting.top(k, try sortKeys(keys, f), count: f.count))
    }

    /// `take N` / `skip N`.
    package func limit(_ f: Frame, offset: BoundExpr?, count n: BoundExpr?) throws(Diagnostic) -> Frame {
        let skip = try offset.map { (e) throws(Diagnostic) in try count(e, what: "'skip' count") } ?? 0
        let take = try n.map { (e) throws(Diagnostic) in try count(e, what: "'take' count") } ?? Int.max
        let lo = min(skip, f.count), hi = min(f.count, lo + min(take, f.count))
        if lo == 0 && hi == f.count { return f }
        return f.select((UInt32(lo)..<UInt32(hi)).map { $0 })
    }

    package func sortKeys(_ keys: [SortSpec], _ f: Frame) throws(Diagnostic) -> [SortColumn] {
        let ev = Evaluator(frame: f, rt: rt)
        var out: [SortColumn] = []
        for k in keys { out.append(SortColumn(try ev.eval(k.expr), descending: k.descending)) }
        return out
    }
}
