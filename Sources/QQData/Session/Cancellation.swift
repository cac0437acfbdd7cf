import Synchronization

/// The Ctrl-C flag. The shell's signal handler calls `request()`; long loops call
/// `check()` at safe points (every few thousand iterations) and unwind with a
/// `cancelled` diagnostic, leaving caches untouched because results are only stored
/// once complete. The core never installs signal handlers itself.
public enum Cancellation {
    private static let flag = Atomic<Bool>(false)

    /// Safe to call from a signal handler (a lock-free atomic store).
    public static func request() { flag.store(true, ordering: .relaxed) }

    public static func reset() { flag.store(false, ordering: .relaxed) }

    @inline(__always) public static var isRequested: Bool { flag.load(ordering: .relaxed) }

    /// Throws `Diagnostic.cancelled()` when Ctrl-C was pressed.
    @inline(__always) public static func check() throws(Diagnostic) {
        if flag.load(ordering: .relaxed) { throw Diagnostic.cancelled() }
    }
}
