import Dispatch
import QQData

/// One evaluated sort key: its values in a comparable flat array, nulls (and NaN)
/// always last whatever the direction.
struct SortColumn: Sendable {
    enum Keys: Sendable { case ints([Int64]), doubles([Double]), strings(StringStore), none }
    let keys: Keys
    let valid: Bitmap?
    let descending: Bool

    init(_ c: Column, descending: Bool) {
        self.descending = descending
        valid = c.valid
        switch c.storage {
        case .float(let a): keys = .doubles(a)
        case .string(let s): keys = .strings(s)
        case .null: keys = .none
        default: keys = .ints(c.int64s)
        }
    }

    @inline(__always) func isNull(_ i: Int) -> Bool {
        if let v = valid, !v.bit(i) { return true }
        switch keys {
        case .doubles(let a): return a[i].isNaN
        case .none: return true
        default: return false
        }
    }

    /// Orders two non-null rows in this key's direction.
    @inline(__always) func compare(_ i: Int, _ j: Int) -> Int {
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
enum Sorting {
    /// True when row `a` comes before row `b`.
    @inline(__always)
    static func before(_ a: Int, _ b: Int, _ keys: [SortColumn]) -> Bool {
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
    static func order(_ keys: [SortColumn], count: Int) throws(Diagnostic) -> [UInt32] {
        if keys.count == 1, case .doubles(let a) = keys[0].keys { return try single(a, keys[0], count: count) }
        if keys.count == 1, case .ints(let a) = keys[0].keys { return try single(a, keys[0], count: count) }
        var p = (0..<UInt32(count)).map { $0 }
        try CancellableSort.sort(&p) { before(Int($0), Int($1), keys) }
        return p
    }

    /// One numeric key: nulls partitioned out, the rest sorted by (value, position).
    static func single<T: Comparable>(_ v: [T], _ key: SortColumn, count: Int) throws(Diagnostic) -> [UInt32] {
        var present: [UInt32] = [], missing: [UInt32] = []
        present.reserveCapacity(count)
        for i in 0..<count { if key.isNull(i) { missing.append(UInt32(i)) } else { present.append(UInt32(i)) } }
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
    static func top(_ k: Int, _ keys: [SortColumn], count: Int) throws(Diagnostic) -> [UInt32] {
        if k == 0 || count == 0 { return [] }
        if k >= count / 2 { return Array(try order(keys, count: count).prefix(k)) }
        let parts = count >= 200_000 ? 2 : 1
        let chunk = (count + parts - 1) / parts
        let results = Parallel.map(parts) { p in heapTop(k, keys, p * chunk..<min(count, (p + 1) * chunk)) }
        try Cancellation.check()
        var merged = results.flatMap { $0 }
        try CancellableSort.sort(&merged) { before(Int($0), Int($1), keys) }
        return Array(merged.prefix(k))
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

/// Runs independent pieces of work on both cores.
enum Parallel {
    /// Slots the workers write their results into, one each (disjoint writes).
    private final class Slots<T>: @unchecked Sendable {
        var values: [T?]
        init(_ n: Int) { values = [T?](repeating: nil, count: n) }
    }

    /// `body(0..<n)` in parallel, results in order.
    static func map<T: Sendable>(_ n: Int, _ body: @Sendable (Int) -> T) -> [T] {
        if n == 1 { return [body(0)] }
        let slots = Slots<T>(n)
        slots.values.withUnsafeMutableBufferPointer { buffer in
            let base = UncheckedPointer(buffer.baseAddress!)
            DispatchQueue.concurrentPerform(iterations: n) { i in base.pointer[i] = body(i) }
        }
        return slots.values.map { $0! }
    }

    private struct UncheckedPointer<T>: @unchecked Sendable {
        let pointer: UnsafeMutablePointer<T?>
        init(_ p: UnsafeMutablePointer<T?>) { pointer = p }
    }
}
