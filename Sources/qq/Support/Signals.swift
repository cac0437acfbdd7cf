import CLibEdit
import QQData
import Synchronization
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Signals for the whole program (Lua's `lua.c` model): the handlers only set flags.
///
/// - SIGINT (Ctrl-C) sets the cancellation flag. The REPL reads it after an
///   interrupted `el_gets` (abandon the line) and long-running statements poll it
///   through `Cancellation.check()` and unwind (cancel the statement).
/// - SIGTERM and SIGHUP also record which signal came and set the same flag, so the
///   running statement unwinds exactly as after Ctrl-C — a `save` or `export` removes
///   its temporary files on the way — and then `exitIfTerminated()` ends the process
///   with status 128 + the signal's number, as a shell reports a killed command.
///
/// The core installs no handlers itself.
enum Signals {
    /// The terminating signal received (SIGTERM or SIGHUP), 0 while none.
    private static let terminating = Atomic<Int32>(0)

    /// Installs the handlers; call before the first `el_gets`.
    static func installInterruptHandler() {
        // Touch the flags first: their lazy initialisation is not async-signal-safe.
        Cancellation.reset()
        _ = terminating.load(ordering: .relaxed)
        _ = qq_set_signal_handler(SIGINT) { _ in Cancellation.request() }
        _ = qq_set_signal_handler(SIGTERM) { sig in Signals.terminate(sig) }
        _ = qq_set_signal_handler(SIGHUP) { sig in Signals.terminate(sig) }
    }

    /// The handler of SIGTERM and SIGHUP: two lock-free atomic stores.
    private static func terminate(_ sig: Int32) {
        terminating.store(sig, ordering: .relaxed)
        Cancellation.request()
    }

    /// The terminating signal received, or nil.
    static var terminatingSignal: Int32? {
        let s = terminating.load(ordering: .relaxed)
        return s == 0 ? nil : s
    }

    /// Ends the process with 128 + the signal when SIGTERM or SIGHUP has come; called
    /// where a Ctrl-C's statement has finished unwinding (its cleanup done).
    static func exitIfTerminated() {
        guard let s = terminatingSignal else { return }
        exit(128 + s)
    }
}
