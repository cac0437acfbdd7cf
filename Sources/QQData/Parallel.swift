import Dispatch

/// Runs work on both cores with `DispatchQueue.concurrentPerform`, letting the body
/// use unsafe buffers: the caller promises that iterations touch disjoint memory
/// (or only read shared memory), which Swift's checker cannot see through pointers.
public enum Parallel {
    /// Calls `body(0) … body(count - 1)` concurrently and returns when all are done.
    public static func forEach(_ count: Int, _ body: (Int) -> Void) {
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
            forEach(count) { i in base.value[i] = body(i) }
        }
        return results.map { $0! }
    }

    /// The number of worker threads worth splitting work into.
    public static var width: Int { 2 }
}

/// Wraps a value so that it may cross into a concurrent closure; the user guarantees
/// the concurrent uses are data-race free.
public struct UncheckedSendable<T>: @unchecked Sendable {
    public let value: T
    public init(_ value: T) { self.value = value }
}
