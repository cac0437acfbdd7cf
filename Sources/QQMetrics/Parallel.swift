import Dispatch
import QQData
import Synchronization
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Work splitting for the kernels: contiguous node ranges balanced by edge count,
/// run on every core with `DispatchQueue.concurrentPerform`.
///
/// Determinism: ranges depend only on the graph (never on the core count), and every
/// reduction is stored per range and added up in range order, so results are
/// bit-for-bit the same on any machine.
enum Parallel {
    /// Threads to use: the online processor count (at least 1).
    static let workers: Int = {
        #if canImport(Glibc)
        return max(1, Int(sysconf(Int32(_SC_NPROCESSORS_ONLN))))
        #else
        return max(1, Int(sysconf(_SC_NPROCESSORS_ONLN)))
        #endif
    }()

    /// Splits nodes `0..<n` into at most `parts` ranges of about equal
    /// `nodes + edges` work, using the prefix sums in `offsets` (a CSR's offsets).
    ///
    /// - Complexity: O(parts · log n).
    static func ranges(offsets: [Int], parts: Int) -> [Range<Int>] {
        let n = offsets.count - 1
        guard n > 0 else { return [] }
        let total = n + offsets[n]
        let p = max(1, min(parts, n))
        var result: [Range<Int>] = []
        result.reserveCapacity(p)
        var start = 0
        for i in 1...p {
            var end = n
            if i < p {
                // The first node whose cumulative work reaches i/p of the total.
                let goal = total * i / p
                var lo = start, hi = n
                while lo < hi {
                    let mid = (lo + hi) >> 1
                    if mid + offsets[mid] < goal { lo = mid + 1 } else { hi = mid }
                }
                end = lo
            }
            if end > start { result.append(start..<end) }
            start = end
        }
        return result
    }

    /// Ranges for a node loop with no edges involved: `parts` equal slices.
    static func ranges(count n: Int, parts: Int) -> [Range<Int>] {
        guard n > 0 else { return [] }
        let p = max(1, min(parts, n))
        return (0..<p).map { i in (n * i / p)..<(n * (i + 1) / p) }
    }

    /// Runs `body(index)` for every index in `0..<count`, on all cores, handing out
    /// indices dynamically (good for uneven work such as power-law rows).
    /// Stops handing out work once Ctrl-C is requested and then throws `cancelled`.
    static func forEach(_ count: Int, _ body: @Sendable (Int) -> Void) throws(Diagnostic) {
        if count == 0 { return }
        if count == 1 || workers == 1 {
            for i in 0..<count {
                try Cancellation.check()
                body(i)
            }
            return
        }
        let next = Counter()
        DispatchQueue.concurrentPerform(iterations: min(workers, count)) { _ in
            while !Cancellation.isRequested {
                let i = next.take()
                if i >= count { break }
                body(i)
            }
        }
        try Cancellation.check()
    }

    /// Runs `body(worker)` once on each of `count` threads (static assignment).
    static func onEach(_ count: Int, _ body: @Sendable (Int) -> Void) {
        if count <= 1 { body(0); return }
        DispatchQueue.concurrentPerform(iterations: count, execute: body)
    }
}

/// A shared work counter for dynamic scheduling.
final class Counter: Sendable {
    private let value = Atomic<Int>(0)
    func take() -> Int { value.add(1, ordering: .relaxed).oldValue }
}

/// A raw pointer into a buffer that parallel workers share. Workers write disjoint
/// indices (or only read), which is what makes the `@unchecked Sendable` sound; the
/// pointer is only used inside the `withUnsafe…` scope that produced it.
struct Ptr<T>: @unchecked Sendable {
    let p: UnsafeMutablePointer<T>

    init(_ b: UnsafeMutableBufferPointer<T>) {
        p = b.baseAddress ?? UnsafeMutablePointer(bitPattern: MemoryLayout<T>.alignment)!
    }

    init(_ b: UnsafeBufferPointer<T>) {
        p = UnsafeMutablePointer(mutating: b.baseAddress ?? UnsafePointer(bitPattern: MemoryLayout<T>.alignment)!)
    }

    @inline(__always) subscript(i: Int) -> T {
        get { p[i] }
        nonmutating set { p[i] = newValue }
    }
}

extension Array {
    /// Calls `body` with a shared read-only pointer to the elements.
    @inline(__always)
    func withPtr<R, E: Error>(_ body: (Ptr<Element>) throws(E) -> R) throws(E) -> R {
        try withUnsafeBufferPointer { (b) throws(E) -> R in try body(Ptr(b)) }
    }

    /// Calls `body` with a shared writable pointer to the elements.
    @inline(__always)
    mutating func withMutablePtr<R, E: Error>(_ body: (Ptr<Element>) throws(E) -> R) throws(E) -> R {
        try withUnsafeMutableBufferPointer { (b) throws(E) -> R in try body(Ptr(b)) }
    }
}

/// A CSR's arrays as shared pointers, for kernels.
struct CSRPtr: @unchecked Sendable {
    let offsets: Ptr<Int>
    let targets: Ptr<UInt32>
    let n: Int
}

extension CSR {
    /// Calls `body` with pointers to the offsets and targets.
    @inline(__always)
    func withPtrs<R, E: Error>(_ body: (CSRPtr) throws(E) -> R) throws(E) -> R {
        let n = nodeCount
        return try offsets.withPtr { (o) throws(E) -> R in
            try targets.withPtr { (t) throws(E) -> R in try body(CSRPtr(offsets: o, targets: t, n: n)) }
        }
    }
}

/// Working memory owned by a kernel: a fixed-size buffer freed when the last
/// reference goes, whose pointer workers share (disjoint writes only).
final class Scratch<T>: @unchecked Sendable {
    let buffer: UnsafeMutableBufferPointer<T>

    init(_ count: Int, _ value: T) {
        buffer = .allocate(capacity: max(count, 1))
        buffer.initialize(repeating: value)
    }

    init(_ array: [T]) {
        buffer = .allocate(capacity: max(array.count, 1))
        _ = buffer.initialize(from: array)
    }

    deinit {
        buffer.deinitialize()
        buffer.deallocate()
    }

    var ptr: Ptr<T> { Ptr(buffer) }

    /// The first `count` elements as an array.
    func array(_ count: Int) -> [T] { Array(buffer[0..<count]) }
}
