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
}
