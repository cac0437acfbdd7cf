import CLibEdit
import QQData
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Ctrl-C for the whole program (Lua's `lua.c` model): the handler only sets the
/// cancellation flag. The REPL reads it after an interrupted `el_gets` (abandon the
/// line) and long-running statements poll it through `Cancellation.check()` and
/// unwind (cancel the statement). The core installs no handlers itself.
enum Signals {
    /// Installs the SIGINT handler; call before the first `el_gets`.
    static func installInterruptHandler() {
        // Touch the flag first: its lazy initialisation is not async-signal-safe.
        Cancellation.reset()
        _ = qq_set_signal_handler(SIGINT) { _ in Cancellation.request() }
    }
}
