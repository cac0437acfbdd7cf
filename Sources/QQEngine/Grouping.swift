import QQData
import QQSyntax
import QQSemantic

/// `summarize` and `distinct`: rows grouped by the values of key columns (nulls form
/// a group of their own), groups numbered in order of first appearance.
package enum Grouping {
    /// Assigns each row its group. Every key column is first coded to dense ints
    /// (first appearance), then the codes of several keys are combined pairwise.
    /// - Complexity: O(n · keys) expected (hashing).
    package static func index(_ keys: [Column], count: Int) throws(Diagnostic) -> GroupIndex {
        guard !keys.isEmpty else { return .single(count) }
        var ids = try codes(keys[0], count: count)
        for k in keys.dropFirst() {
            let next = try codes(k, count: count)
            var pairs: [Pair: Int32] = [:]
            for i in 0..<count {
                let p = Pair(a: ids.ids[i], b: next.ids[i])
                if let g = pairs[p] { ids.ids[i] = g } else {
                    let g = Int32(pairs.count)
                    pairs[p] = g
                    ids.ids[i] = g
                }
            }
            ids.groupCount = pairs.count
        }
        return ids
    }

    private struct Pair: Hashable { var a: Int32; var b: Int32 }

    /// Dense codes of one column's values, in order of first appearance.
    package static func codes(_ c: Column, count: Int) throws(Diagnostic) -> GroupIndex {
        var ids = [Int32](repeating: 0, count: count)
        var n: Int32 = 0
        var nullCode: Int32 = -1
        func null(_ i: Int) {
            if nullCode < 0 { nullCode = n; n += 1 }
            ids[i] = nullCode
        }
        switch c.storage {
        case .string(let s):
            var seen: [String: Int32] = [:]
            for i in 0..<count {
                if c.isNull(i) { null(i); continue }
                let key = s[i]
                if let g = seen[key] { ids[i] = g } else { seen[key] = n; ids[i] = n; n += 1 }
                if i & 65535 == 0 { try Cancellation.check() }
            }
        case .float(let a):
            var seen: [UInt64: Int32] = [:]
            for i in 0..<count {
                if c.isNull(i) { null(i); continue }
                let x = a[i] == 0 ? 0 : (a[i].isNaN ? Double.nan : a[i])
                let key = x.bitPattern
                if let g = seen[key] { ids[i] = g } else { seen[key] = n; ids[i] = n; n += 1 }
            }
        case .null:
            for i in 0..<count { null(i) }
        default:
            let a = c.int64s
            var seen: [Int64: Int32] = [:]
            for i in 0..<count {
                if c.isNull(i) { null(i); continue }
                if let g = seen[a[i]] { ids[i] = g } else { seen[a[i]] = n; ids[i] = n; n += 1 }
            }
        }
        return GroupIndex(ids: ids, groupCount: Int(n))
    }

    /// The first row of each group.
    package static func firstRows(_ g: GroupIndex) -> [UInt32] {
        var first = [UInt32](repeating: UInt32.max, count: g.groupCount)
        for (i, id) in g.ids.enumerated() where first[Int(id)] == UInt32.max { first[Int(id)] = UInt32(i) }
        return first
    }

    /// `summarize`: key columns, then the outputs evaluated over the group table.
    package static func summarize(_ f: Frame, keys: [NamedExpr], aggregates: [BoundExpr], outputs: [NamedExpr],
                          _ rt: Runtime) throws(Diagnostic) -> Frame {
        let ev = Evaluator(frame: f, rt: rt)
        var keyColumns: [Column] = []
        for k in keys { keyColumns.append(try ev.eval(k.expr)) }
        let groups = try index(keyColumns, count: f.count)
        let first = firstRows(groups)
        var names = keys.map(\.name)
        var columns = keyColumns.map { Gather.column($0, first) }
        for (k, a) in aggregates.enumerated() {
            guard case .aggregate(let fn, let arg, let param) = a.kind else {
                throw Diagnostic(.internal, "internal error: summarize item is not an aggregate", span: a.span)
            }
            let x = try arg.map { (e) throws(Diagnostic) in try ev.eval(e) }
            let p = try param.map { (e) throws(Diagnostic) in try Evaluator.values(rt).value(e) }
            names.append("#\(k)")
            columns.append(try Aggregates.grouped(fn, argument: x, parameter: p, groups: groups, type: a.type, span: a.span))
        }
        let groupFrame = Frame(table: Table(names: names, columns: columns))
        let gev = Evaluator(frame: groupFrame, rt: rt)
        var out = Frame(table: Table(names: Array(names.prefix(keys.count)), columns: Array(columns.prefix(keys.count))))
        out.count = groups.groupCount
        for o in outputs { out.set(o.name, .dense(try gev.eval(o.expr))) }
        return out
    }

    /// `distinct`: the first row of each distinct combination, in order of appearance.
    package static func distinct(_ f: Frame, _ items: [NamedExpr], _ rt: Runtime) throws(Diagnostic) -> Frame {
        let ev = Evaluator(frame: f, rt: rt)
        var columns: [Column] = []
        for item in items { columns.append(try ev.eval(item.expr)) }
        let first = firstRows(try index(columns, count: f.count))
        return Frame(table: Table(names: items.map(\.name), columns: columns.map { Gather.column($0, first) }))
    }
}

/// `sample N [seed S]`: a reproducible random subset, kept in its original order.
package enum Sampling {
    /// `k` distinct positions of `0..<n` (all of them when k ≥ n), ascending; a partial
    /// Fisher–Yates shuffle driven by SplitMix64, so a seed always picks the same rows.
    package static func choose(_ k: Int, of n: Int, seed: UInt64) -> [UInt32] {
        if k >= n { return (0..<UInt32(n)).map { $0 } }
        var rng = SplitMix64(seed: seed)
        var picked: [Int: Int] = [:]
        var out: [UInt32] = []
        out.reserveCapacity(k)
        for i in 0..<k {
            let j = i + Int(rng.next() % UInt64(n - i))
            let vj = picked[j] ?? j
            picked[j] = picked[i] ?? i
            out.append(UInt32(vj))
        }
        out.sort()
        return out
    }
}

/// SplitMix64 (Steele, Lea, Flood 2014): small, fast, and the same on every platform.
package struct SplitMix64 {
    package var state: UInt64
    package init(seed: UInt64) { state = seed }
    package mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
