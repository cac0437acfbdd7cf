import Dispatch
import Synchronization
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The one place qq runs work on several cores, and the one set of shared-memory
/// boxes that lets that work use unsafe buffers.
///
/// Policy: every online core (`workers`), unless a caller splits work into a fixed
/// number of independent parts (`map`, `onEach`) because the algorithm has that many.
/// Determinism: ranges depend only on the data (never on the core count), and callers
/// store reductions per range and add them up in range order, so results are
/// bit-for-bit the same on any machine.
///
/// Soundness of the `@unchecked Sendable` boxes below: concurrent bodies write
/// disjoint indices (or only read), and a pointer is used only inside the
/// `withUnsafe…` scope or the lifetime of the `Scratch` that produced it. This file is
/// the only one in `Sources/` that may declare `@unchecked Sendable` pointer boxes (a
/// test checks).
public enum Parallel {
    /// Threads to use: the online processor count (at least 1).
    public static let workers: Int = {
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
    public static func ranges(offsets: [Int], parts: Int) -> [Range<Int>] {
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

    /// Ranges for a loop with no edges involved: `parts` equal slices.
    public static func ranges(count n: Int, parts: Int) -> [Range<Int>] {
        guard n > 0 else { return [] }
        let p = max(1, min(parts, n))
        return (0..<p).map { i in (n * i / p)..<(n * (i + 1) / p) }
    }

    /// Runs `body(index)` for every index in `0..<count` on all cores, handing out
    /// indices dynamically (good for uneven work such as power-law rows). Stops
    /// handing out work once Ctrl-C is requested and then throws `cancelled`.
    public static func forEach(_ count: Int, _ body: @Sendable (Int) -> Void) throws(Diagnostic) {
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

    /// Runs `body(part)` once for each of `count` parts, concurrently (static
    /// assignment; `count` is the algorithm's number of parts, not a thread count).
    public static func onEach(_ count: Int, _ body: (Int) -> Void) {
        if count <= 0 { return }
        if count == 1 { body(0); return }
        withoutActuallyEscaping(body) { b in
            let box = UncheckedSendable(b)
            DispatchQueue.concurrentPerform(iterations: count) { i in box.value(i) }
        }
    }

    /// `count` results computed concurrently, in index order.
    public static func map<T>(_ count: Int, _ body: (Int) -> T) -> [T] {
        var results = [T?](repeating: nil, count: count)
        results.withUnsafeMutableBufferPointer { rp in
            let base = UncheckedSendable(rp.baseAddress!)
            onEach(count) { i in base.value[i] = body(i) }
        }
        return results.map { $0! }
    }
}

/// A shared work counter for dynamic scheduling.
public final class Counter: Sendable {
    private let value = Atomic<Int>(0)
    public init() {}
    public func take() -> Int { value.add(1, ordering: .relaxed).oldValue }
}

/// Wraps a value so that it may cross into a concurrent closure; the user guarantees
/// the concurrent uses are data-race free.
@frozen public struct UncheckedSendable<T>: @unchecked Sendable {
    public let value: T
    @inlinable public init(_ value: T) { self.value = value }
}

/// A raw pointer into a buffer that parallel workers share (disjoint writes, or reads).
@frozen public struct Ptr<T>: @unchecked Sendable {
    public let p: UnsafeMutablePointer<T>

    @inlinable public init(_ b: UnsafeMutableBufferPointer<T>) {
        p = b.baseAddress ?? UnsafeMutablePointer(bitPattern: MemoryLayout<T>.alignment)!
    }

    @inlinable public init(_ b: UnsafeBufferPointer<T>) {
        p = UnsafeMutablePointer(mutating: b.baseAddress ?? UnsafePointer(bitPattern: MemoryLayout<T>.alignment)!)
    }

    @inlinable @inline(__always) public subscript(i: Int) -> T {
        get { p[i] }
        nonmutating set { p[i] = newValue }
    }
}

extension Array {
    /// Calls `body` with a shared read-only pointer to the elements.
    @inlinable @inline(__always)
    public func withPtr<R, E: Error>(_ body: (Ptr<Element>) throws(E) -> R) throws(E) -> R {
        try withUnsafeBufferPointer { (b) throws(E) -> R in try body(Ptr(b)) }
    }

    /// Calls `body` with a shared writable pointer to the elements.
    @inlinable @inline(__always)
    public mutating func withMutablePtr<R, E: Error>(_ body: (Ptr<Element>) throws(E) -> R) throws(E) -> R {
        try withUnsafeMutableBufferPointer { (b) throws(E) -> R in try body(Ptr(b)) }
    }
}

/// A CSR's arrays as shared pointers, for kernels.
@frozen public struct CSRPtr: @unchecked Sendable {
    public let offsets: Ptr<Int>
    public let targets: Ptr<UInt32>
    public let n: Int

    @inlinable public init(offsets: Ptr<Int>, targets: Ptr<UInt32>, n: Int) {
        self.offsets = offsets; self.targets = targets; self.n = n
    }
}

extension CSR {
    /// Calls `body` with pointers to the offsets and targets.
    @inlinable @inline(__always)
    public func withPtrs<R, E: Error>(_ body: (CSRPtr) throws(E) -> R) throws(E) -> R {
        let n = nodeCount
        return try offsets.withPtr { (o) throws(E) -> R in
            try targets.withPtr { (t) throws(E) -> R in try body(CSRPtr(offsets: o, targets: t, n: n)) }
        }
    }
}

/// Working memory owned by a kernel: a fixed-size buffer freed when the last
/// reference goes, whose pointer workers share (disjoint writes only).
public final class Scratch<T>: @unchecked Sendable {
    public let buffer: UnsafeMutableBufferPointer<T>

    public init(_ count: Int, _ value: T) {
        buffer = .allocate(capacity: max(count, 1))
        buffer.initialize(repeating: value)
    }

    public init(_ array: [T]) {
        buffer = .allocate(capacity: max(array.count, 1))
        _ = buffer.initialize(from: array)
    }

    deinit {
        buffer.deinitialize()
        buffer.deallocate()
    }

    @inlinable public var ptr: Ptr<T> { Ptr(buffer) }

    /// The first `count` elements as an array.
    public func array(_ count: Int) -> [T] { Array(buffer[0..<count]) }
}
