import Dispatch
import QQData
import QQSyntax
import QQSemantic

/// One evaluated sort key: its values in a comparable flat array, nulls (and NaN)
/// always last whatever the direction.
package struct SortColumn: Sendable {
    package enum Keys: Sendable { case ints([Int64]), doubles([Double]), strings(StringStore), none }
    package let keys: Keys
    package let valid: Bitmap?
    package let descending: Bool

    package init(_ c: Column, descending: Bool) {
        self.descending = descending
        valid = c.valid
        switch c.storage {
        case .float(let a): keys = .doubles(a)
        case .string(let s): keys = .strings(s)
        case .null: keys = .none
        default: keys = .ints(c.int64s)
        }
    }

    @inline(__always) package func isNull(_ i: Int) -> Bool {
        if let v = valid, !v.bit(i) { return true }
        switch keys {
        case .doubles(let a): return a[i].isNaN
        case .none: return true
        default: return false
        }
    }

    /// Whether each of the first `count` rows is null (or NaN), in one pass.
    package func nullMask(_ count: Int) -> [Bool] {
        var out = [Bool](repeating: false, count: count)
        if let v = valid {
            let w = v.words
            for i in 0..<count where (w[i >> 6] >> UInt64(i & 63)) & 1 == 0 { out[i] = true }
        }
        switch keys {
        case .doubles(let a): for i in 0..<count where a[i].isNaN { out[i] = true }
        case .none: for i in 0..<count { out[i] = true }
        default: break
        }
        return out
    }

    /// Orders two non-null rows in this key's direction.
    @inline(__always) package func compare(_ i: Int, _ j: Int) -> Int {
        var c: Int
        switch keys {
        case .ints(let a): c = a[i] < a[j] ? -1 : (a[i] > a[j] ? 1 : 0)
        case .doubles(let a): c = a[i] < a[j] ? -1 : (a[i] > a[j] ? 1 : 0)
        case .strings(let s): c = s.compare(i, j)
        case .none: c = 0
        }
        return descending ? -c : c
    }
}

/// Stable ordering (`sort`) and top-N selection (`top`) over evaluated keys.
/// Ties keep their input order; nulls come last in either direction.
package enum Sorting {
    /// True when row `a` comes before row `b`.
    @inline(__always)
    package static func before(_ a: Int, _ b: Int, _ keys: [SortColumn]) -> Bool {
        for k in keys {
            let na = k.isNull(a), nb = k.isNull(b)
            if na != nb { return nb }
            if na { continue }
            let c = k.compare(a, b)
            if c != 0 { return c < 0 }
        }
        return a < b
    }

    /// Every position in sorted order.
    /// - Complexity: O(n log n).
    /// Stops on Ctrl-C while sorting (`CancellableSort`).
    package static func order(_ keys: [SortColumn], count: Int) throws(Diagnostic) -> [UInt32] {
        if keys.count == 1, case .doubles(let a) = keys[0].keys { return try single(a, keys[0], count: count) }
        if keys.count == 1, case .ints(let a) = keys[0].keys { return try single(a, keys[0], count: count) }
        var p = (0..<UInt32(count)).map { $0 }
        try CancellableSort.sort(&p) { before(Int($0), Int($1), keys) }
        return p
    }

    /// One numeric key: nulls partitioned out, the rest sorted by (value, position).
    package static func single<T: Comparable>(_ v: [T], _ key: SortColumn, count: Int) throws(Diagnostic) -> [UInt32] {
        var present: [UInt32] = [], missing: [UInt32] = []
        present.reserveCapacity(count)
        let null = key.nullMask(count)
        for i in 0..<count { if null[i] { missing.append(UInt32(i)) } else { present.append(UInt32(i)) } }
        let desc = key.descending
        try v.withUnsafeBufferPointer { (p) throws(Diagnostic) in
            try CancellableSort.sort(&present) { a, b in
                let x = p[Int(a)], y = p[Int(b)]
                if x != y { return desc ? x > y : x < y }
                return a < b
            }
        }
        return present + missing
    }

    /// The first `k` positions of the sorted order, by a bounded heap (both cores on
    /// large inputs: each half keeps its own top k, then the halves merge).
    /// - Complexity: O(n log k).
    package static func top(_ k: Int, _ keys: [SortColumn], count: Int) throws(Diagnostic) -> [UInt32] {
        if k == 0 || count == 0 { return [] }
        if k >= count / 2 { return Array(try order(keys, count: count).prefix(k)) }
        let parts = count >= 200_000 ? 2 : 1
        let chunk = (count + parts - 1) / parts
        if keys.count == 1, case .doubles(let a) = keys[0].keys {
            return topSingle(k, a, keys[0], count: count, parts: parts, chunk: chunk)
        }
        if keys.count == 1, case .ints(let a) = keys[0].keys {
            return topSingle(k, a, keys[0], count: count, parts: parts, chunk: chunk)
        }
        let results = Parallel.map(parts) { p in heapTop(k, keys, p * chunk..<min(count, (p + 1) * chunk)) }
        try Cancellation.check()
        var merged = results.flatMap { $0 }
        try CancellableSort.sort(&merged) { before(Int($0), Int($1), keys) }
        return Array(merged.prefix(k))
    }

    /// `top` for one numeric key: the values are read straight from the flat array,
    /// and the heap's worst value is kept in a local, so most rows cost one comparison.
    /// Nulls (and NaN) fill in at the end only when fewer than k values are present.
    package static func topSingle<T: Comparable & Sendable>(_ k: Int, _ v: [T], _ key: SortColumn, count: Int,
                                                    parts: Int, chunk: Int) -> [UInt32] {
        let desc = key.descending
        let words = key.valid?.words ?? []
        let results = Parallel.map(parts) { p -> (best: [UInt32], nulls: [UInt32]) in
            let range = min(count, p * chunk)..<min(count, (p + 1) * chunk)
            if range.isEmpty { return ([], []) }
            return v.withUnsafeBufferPointer { vp in words.withUnsafeBufferPointer { w in
                var heap: [UInt32] = []
                heap.reserveCapacity(k)
                var nulls: [UInt32] = []
                // a comes before b: better value, or equal value and earlier row.
                @inline(__always) func before(_ a: UInt32, _ b: UInt32) -> Bool {
                    let x = vp[Int(a)], y = vp[Int(b)]
                    if x != y { return desc ? x > y : x < y }
                    return a < b
                }
                var worst = vp[range.lowerBound]
                for i in range {
                    let x = vp[i]
                    // NaN is the one value not equal to itself; treated as null.
                    if x != x || (!w.isEmpty && (w[i >> 6] >> UInt64(i & 63)) & 1 == 0) {
                        if nulls.count < k { nulls.append(UInt32(i)) }
                        continue
                    }
                    if heap.count == k {
                        // Later rows lose ties, so only a strictly better value enters.
                        if desc ? !(x > worst) : !(x < worst) { continue }
                        heap[0] = UInt32(i)
                        var c = 0
                        while true {
                            let l = 2 * c + 1, r = l + 1
                            var m = c
                            if l < heap.count && before(heap[m], heap[l]) { m = l }
                            if r < heap.count && before(heap[m], heap[r]) { m = r }
                            if m == c { break }
                            heap.swapAt(c, m); c = m
                        }
                    } else {
                        heap.append(UInt32(i))
                        var c = heap.count - 1
                        while c > 0 {
                            let parent = (c - 1) / 2
                            if before(heap[parent], heap[c]) { heap.swapAt(c, parent); c = parent } else { break }
                        }
                    }
                    worst = vp[Int(heap[0])]
                }
                return (heap, nulls)
            } }
        }
        var best = results.flatMap(\.best)
        v.withUnsafeBufferPointer { vp in
            best.sort { a, b in
                let x = vp[Int(a)], y = vp[Int(b)]
                if x != y { return desc ? x > y : x < y }
                return a < b
            }
        }
        if best.count >= k { return Array(best.prefix(k)) }
        return best + results.flatMap(\.nulls).prefix(k - best.count)
    }

    /// The best `k` positions of `range`, via a heap whose root is the worst kept.
    private static func heapTop(_ k: Int, _ keys: [SortColumn], _ range: Range<Int>) -> [UInt32] {
        var heap: [Int] = []
        heap.reserveCapacity(k)
        // `worse(a, b)`: a comes after b; the heap keeps its worst element at the root.
        @inline(__always) func worse(_ a: Int, _ b: Int) -> Bool { before(b, a, keys) }
        func siftDown(_ start: Int) {
            var i = start
            while true {
                let l = 2 * i + 1, r = l + 1
                var m = i
                if l < heap.count && worse(heap[l], heap[m]) { m = l }
                if r < heap.count && worse(heap[r], heap[m]) { m = r }
                if m == i { return }
                heap.swapAt(i, m); i = m
            }
        }
        for i in range {
            if heap.count < k {
                heap.append(i)
                var c = heap.count - 1
                while c > 0 {
                    let parent = (c - 1) / 2
                    if worse(heap[c], heap[parent]) { heap.swapAt(c, parent); c = parent } else { break }
                }
            } else if before(i, heap[0], keys) {
                heap[0] = i
                siftDown(0)
            }
        }
        return heap.map { UInt32($0) }
    }
}
