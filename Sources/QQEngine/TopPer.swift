import QQData
import QQSyntax
import QQSemantic

/// `top N by KEYS per G` (SPEC §7): the N first rows of every group of G, groups in
/// order of first appearance (nulls a group of their own), rows inside a group by the
/// keys (stable: ties keep their order).
package enum TopPer {
    /// - Complexity: O(n log n): one stable sort by (group, keys), then a pass keeping
    ///   the first N of each group.
    package static func positions(_ k: Int, keys: [SortColumn], groups: Column, count: Int) throws(Diagnostic) -> [UInt32] {
        if k == 0 || count == 0 { return [] }
        let g = try Grouping.codes(groups, count: count)
        let groupKey = SortColumn(Column(.int(g.ids.map { Int64($0) })), descending: false)
        let order = try Sorting.order([groupKey] + keys, count: count)
        var taken = [Int](repeating: 0, count: g.groupCount)
        var out: [UInt32] = []
        for p in order {
            let id = Int(g.ids[Int(p)])
            if taken[id] < k { taken[id] += 1; out.append(p) }
        }
        return out
    }
}

/// `rank(x)` / `rank(x asc)`: 1 for the largest (smallest with `asc`) value among the
/// current rows; ties share the smallest rank (1, 2, 2, 4, as SQL's RANK and pandas
/// `rank(method="min")`); null for null.
package enum Rank {
    /// - Complexity: O(n log n).
    package static func column(_ x: Column, ascending: Bool) throws(Diagnostic) -> Column {
        let n = x.count
        let key = SortColumn(x, descending: !ascending)
        let order = try Sorting.order([key], count: n)
        var out = [Int64](repeating: 0, count: n)
        var ok = [Bool](repeating: false, count: n)
        var rank: Int64 = 0
        for (pos, p) in order.enumerated() {
            let i = Int(p)
            if key.isNull(i) { continue }
            if pos == 0 || key.isNull(Int(order[pos - 1])) || key.compare(Int(order[pos - 1]), i) != 0 { rank = Int64(pos + 1) }
            out[i] = rank; ok[i] = true
        }
        return Column(.int(out), valid: Bitmap.from(ok))
    }
}
