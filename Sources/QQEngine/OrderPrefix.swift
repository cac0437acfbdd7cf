import QQData
import QQSyntax
import QQSemantic

/// The first rows of an account column's sort order, kept between statements.
///
/// `top N by COL` over all accounts, and `where P | top N by COL` with a predicate
/// that reads each row alone, only ever need the head of COL's order: the stable
/// order of the rows a filter keeps is a subsequence of the order of all rows (ties
/// by account id either way). So a `top` over a column keeps the first positions it
/// found (at least 64, by the same heap, at about the cost of `top 10`), and later
/// queries walk that prefix instead of the whole column: evaluate the predicate on
/// the prefix rows only, take the first N that pass. When fewer than N pass, the
/// prefix is made again with 1,024 rows (one pass over the column, as a `top` costs);
/// when even those hold too few, the query runs the full filter and top as before,
/// so answers never depend on the cache.
///
/// Entries are keyed by the column's identity: the metric cache key (dataset
/// generation and every setting the metric depends on) or the stored column's name
/// and generation, and the direction. A new dataset drops them all.
package final class OrderPrefixes {
    /// The longest prefix kept for one column and direction.
    package static let length = 1024
    /// The shortest: a `top 10` keeps its first 64 rows at about the cost of its 10.
    package static let shortest = 64
    private var entries: [String: [UInt32]] = [:]
    private var generation = -1

    package init() {}

    /// The prefix kept for `key` in the dataset generation given, if any.
    package func cached(_ key: String, generation: Int) -> [UInt32]? {
        if generation != self.generation { entries.removeAll(); self.generation = generation }
        return entries[key]
    }

    /// Keeps `p` for `key` unless a longer prefix is kept already.
    package func store(_ key: String, _ p: [UInt32]) {
        if let old = entries[key], old.count >= p.count { return }
        if entries.count >= 64 { entries.removeAll() }
        entries[key] = p
    }
}

extension Executor {
    /// Whether `f` is every account in id order with the dataset's own columns, as
    /// `accounts` (after its metric node) produces it.
    func isWholeAccounts(_ f: Frame) -> Bool {
        f.rows == nil && f.kind == .accounts(open: true) && f.generation == rt.dataset.generation
            && f.count == rt.dataset.accountCount && f.refs.count == rt.dataset.accounts.columns.count
    }

    /// The cache key of a sort key that is one whole account column (nil otherwise).
    func prefixKey(_ keys: [SortSpec], _ f: Frame) throws(Diagnostic) -> String? {
        guard keys.count == 1 else { return nil }
        let dir = keys[0].descending ? "desc" : "asc"
        switch keys[0].expr.kind {
        case .accountColumn(.metric(let m), .row):
            return "m|" + (try rt.metrics.key(m, rt)) + "|" + dir
        case .accountColumn(.stored(let name), .row):
            return "s|g\(rt.dataset.generation)|" + name + "|" + dir
        case .column(let i):
            guard i < f.names.count, i < rt.dataset.accounts.names.count, f.names[i] == rt.dataset.accounts.names[i],
                  case .base = f.refs[i] else { return nil }
            return "s|g\(rt.dataset.generation)|" + f.names[i] + "|" + dir
        default:
            return nil
        }
    }

    /// The first `length` positions of the whole-accounts order by `keys`, kept for
    /// later queries.
    func makePrefix(_ key: String, _ length: Int, _ keys: [SortSpec], _ f: Frame) throws(Diagnostic) -> [UInt32] {
        let p = try Sorting.top(min(length, f.count), try sortKeys(keys, f), count: f.count)
        rt.orderPrefixes.store(key, p)
        return p
    }

    /// `top N by COL` over every account: the first N of the column's prefix, made (a
    /// little longer than N) by this query when none is kept. Nil when the query is not
    /// of that shape or N is larger than a prefix (the caller runs the general `top`).
    func prefixTop(_ f: Frame, _ n: BoundExpr, _ keys: [SortSpec]) throws(Diagnostic) -> Frame? {
        guard isWholeAccounts(f), let key = try prefixKey(keys, f) else { return nil }
        let k = try count(n, what: "'top' count")
        guard k <= OrderPrefixes.length else { return nil }
        if let p = rt.orderPrefixes.cached(key, generation: rt.dataset.generation), p.count >= min(k, f.count) {
            return f.select(Array(p.prefix(k)))
        }
        let p = try makePrefix(key, max(k, OrderPrefixes.shortest), keys, f)
        return f.select(Array(p.prefix(k)))
    }

    /// `where P | top N by COL` over every account, P reading each row alone: the first
    /// N prefix rows for which P is true. A prefix too short for that is made again at
    /// full length once; when even that holds fewer than N such rows, nil (the caller
    /// runs `where` and `top` in full).
    func prefixFilterTop(_ f: Frame, _ predicate: BoundExpr, _ n: BoundExpr, _ keys: [SortSpec]) throws(Diagnostic) -> Frame? {
        guard isWholeAccounts(f), Executor.readsRowAlone(predicate), let key = try prefixKey(keys, f) else { return nil }
        let k = try count(n, what: "'top' count")
        guard k <= OrderPrefixes.length / 4 else { return nil }
        func answer(_ p: [UInt32]) throws(Diagnostic) -> Frame? {
            let kept = try Filter.positions(try Evaluator(frame: f.select(p), rt: rt).eval(predicate))
            guard kept.count >= k || p.count == f.count else { return nil }
            return f.select(kept.prefix(k).map { p[Int($0)] })
        }
        let old = rt.orderPrefixes.cached(key, generation: rt.dataset.generation)
        if let old, let g = try answer(old) { return g }
        if let old, old.count >= min(OrderPrefixes.length, f.count) { return nil }
        return try answer(try makePrefix(key, OrderPrefixes.length, keys, f))
    }

    /// True when the predicate's value on a row depends on that row alone and cannot
    /// fail: columns, constants, comparisons, `and`/`or`/`not`, `is null`, `between`
    /// and `in (…)` lists. Arithmetic (which can overflow), functions, column-wise
    /// functions, aggregates and subqueries are left to the general path.
    static func readsRowAlone(_ e: BoundExpr) -> Bool {
        switch e.kind {
        case .literal, .column, .accountCell, .accountColumn(_, .row): return true
        case .accountColumn: return false
        case .unary(.not, let a): return readsRowAlone(a)
        case .unary: return false
        case .binary(let op, let a, let b):
            switch op {
            case .eq, .ne, .lt, .le, .gt, .ge, .and, .or, .contains, .startswith, .endswith:
                return readsRowAlone(a) && readsRowAlone(b)
            default: return false
            }
        case .isNull(let a, _): return readsRowAlone(a)
        case .between(let a, let b, let c, _): return readsRowAlone(a) && readsRowAlone(b) && readsRowAlone(c)
        case .inList(let a, let l, _): return readsRowAlone(a) && l.allSatisfy(readsRowAlone)
        default: return false
        }
    }
}
