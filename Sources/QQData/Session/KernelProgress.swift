import Synchronization

/// The progress sink of the statement that is running, for work deep inside the
/// engine (metric kernels) that is handed no sink of its own: the session installs
/// its sink around each statement, and kernels report through these static calls
/// as they report Ctrl-C through `Cancellation`. Without an installed sink every
/// call does nothing. Safe to call from worker threads: `advance` adds to one
/// atomic count.
public enum KernelProgress {
    private static let sink = Mutex<(any ProgressSink)?>(nil)
    private static let done = Atomic<Int>(0)

    /// Makes `s` the sink for what runs next (nil: none).
    public static func install(_ s: (any ProgressSink)?) { sink.withLock { $0 = s } }

    /// Starts a task of `total` units (nil when unknown).
    public static func begin(_ label: String, total: Int?) {
        done.store(0, ordering: .relaxed)
        current()?.begin(label, total: total)
    }

    /// `n` units done so far.
    public static func update(_ n: Int) {
        done.store(n, ordering: .relaxed)
        current()?.update(n)
    }

    /// `n` more units done (from any worker).
    public static func advance(by n: Int = 1) {
        let now = done.add(n, ordering: .relaxed).newValue
        current()?.update(now)
    }

    /// The task is over (the bar is erased).
    public static func end() { current()?.end() }

    private static func current() -> (any ProgressSink)? { sink.withLock { $0 } }
}
