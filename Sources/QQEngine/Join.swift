import QQData
import QQSyntax
import QQSemantic

/// `join` (SPEC §7): a hash join built on the right rows and probed with the left.
/// The result is two selection vectors — left row positions and right row positions,
/// in left order and, for a left row with several matches, in right order — so the
/// left columns keep their references (account rows keep their metrics) and only the
/// right columns kept are gathered.
package enum Join {
    /// No right row (a left join's unmatched rows).
    static let none = UInt32.max

    package static func run(_ left: Frame, _ right: Frame, _ plan: JoinPlan, _ rt: Runtime) throws(Diagnostic) -> Frame {
        let lk = try Evaluator(frame: left, rt: rt).eval(plan.leftKey)
        let rk = try Evaluator(frame: right, rt: rt).eval(plan.rightKey)
        let (probe, build) = KeyColumn.pair(lk, rk, asText: plan.asText)
        let table = try KeyTable(build, chains: plan.kind != .anti)
        let first = try table.firstMatches(probe)
        switch plan.kind {
        case .anti:
            var keep: [UInt32] = []
            keep.reserveCapacity(left.count)
            for (i, m) in first.enumerated() where m == 0 { keep.append(UInt32(i)) }
            return left.select(keep)
        case .inner, .left:
            let (l, r) = pairs(first, table.next, keepUnmatched: plan.kind == .left)
            var out = left.select(l)
            for (index, name) in plan.rightColumns {
                out.names.append(name)
                out.refs.append(.dense(gather(right.column(index), r)))
            }
            return out
        }
    }

    /// The matched (left, right) positions: for each left row in order, its chain of
    /// right rows (`first` + `next`, 1-based, 0 ends); unmatched left rows with `none`
    /// on the right when `keepUnmatched`.
    /// - Complexity: O(left rows + matches).
    static func pairs(_ first: [UInt32], _ next: [UInt32], keepUnmatched: Bool) -> ([UInt32], [UInt32]) {
        var l: [UInt32] = [], r: [UInt32] = []
        l.reserveCapacity(first.count); r.reserveCapacity(first.count)
        first.withUnsafeBufferPointer { f in
            next.withUnsafeBufferPointer { nx in
                for i in 0..<f.count {
                    var m = f[i]
                    if m == 0 {
                        if keepUnmatched { l.append(UInt32(i)); r.append(none) }
                        continue
                    }
                    while m != 0 {
                        l.append(UInt32(i)); r.append(m - 1)
                        m = nx[Int(m - 1)]
                    }
                }
            }
        }
        return (l, r)
    }

    /// Rows `rows` of `c`, null where a row is `none`.
    static func gather(_ c: Column, _ rows: [UInt32]) -> Column {
        guard rows.contains(none) else { return Gather.column(c, rows) }
        var safe = rows
        var valid = Bitmap(count: rows.count, value: true)
        for k in 0..<rows.count where rows[k] == none { safe[k] = 0; valid[k] = false }
        if c.count == 0 { return Column.repeating(.null, count: rows.count, type: c.type) }
        var out = Gather.column(c, safe)
        out.valid = Bitmap.and(out.valid, valid)
        if case .null = out.storage { return out }
        return out
    }
}

/// `x [not] in (PIPELINE)`: a hash set over the pipeline's one column, probed with x.
package enum Membership {
    package static func test(_ x: Column, _ set: Column, negated: Bool, asText: Bool, count: Int) throws(Diagnostic) -> Column {
        let (probe, build) = KeyColumn.pair(x, set, asText: asText)
        let table = try KeyTable(build, chains: false)
        let first = try table.firstMatches(probe)
        var out = [Bool](repeating: false, count: count)
        for i in 0..<count { out[i] = (first[i] != 0) != negated }
        // x null gives null; a null in the set is ignored (SPEC §7), so no other nulls.
        return Column(.bool(out), valid: x.valid)
    }
}
