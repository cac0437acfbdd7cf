import QQData
import QQSession

/// Runs statements through the session the same way everywhere: the terminal's
/// current width, a clear Ctrl-C flag before (a stray Ctrl-C between statements
/// must not cancel the next one) and after, and no progress bar left on screen
/// when a statement ends early (an error or Ctrl-C).
struct StatementRunner {
    let session: Session
    let streams: StandardStreams
    let progress: TerminalProgress?

    enum Outcome: Equatable {
        case ok, failed
        /// Failed after Ctrl-C: a script run stops with status 130, as shells do.
        case interrupted

        var exitStatus: Int32 {
            switch self {
            case .ok: return 0
            case .failed: return 1
            case .interrupted: return 130
            }
        }
    }

    /// Runs the statement that loads the starting dataset. The implicit
    /// `load sample` is not timed by `--timer`: only what the user asked for is.
    func runStart(_ start: String, userData: Bool) -> Outcome {
        let timer = session.options.timer
        if !userData { session.options.timer = false }
        defer { session.options.timer = timer }
        return run(start)
    }

    @discardableResult
    func run(_ text: String, file: String? = nil) -> Outcome {
        if let w = Terminal.width() { session.options.width = w }
        Cancellation.reset()
        streams.statementStarts()
        let ok = session.run(text, file: file)
        progress?.end()
        let interrupted = Cancellation.isRequested
        Cancellation.reset()
        return ok ? .ok : interrupted ? .interrupted : .failed
    }
}
