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
        return run(file: nil, stopOnInterrupt: true) { session.run(start) }
    }

    @discardableResult
    func run(_ text: String, file: String? = nil) -> Outcome {
        run(file: file, stopOnInterrupt: !session.options.interactive) { session.run(text, file: file) }
    }

    /// Runs the bytes of a script or of standard input (bytes that are not UTF-8 are an error).
    @discardableResult
    func run(utf8 bytes: [UInt8], file: String? = nil) -> Outcome {
        run(file: file, stopOnInterrupt: !session.options.interactive) { session.run(utf8: bytes, file: file) }
    }

    /// `stopOnInterrupt`: a Ctrl-C that came while a statement that does not poll was
    /// finishing (a start-up load, say) still counts, so a script stops with 130.
    private func run(file: String?, stopOnInterrupt: Bool, _ body: () -> Bool) -> Outcome {
        if let w = Terminal.width() { session.options.width = w }
        Cancellation.reset()
        streams.statementStarts()
        let ok = body()
        progress?.end()
        let interrupted = Cancellation.isRequested
        Cancellation.reset()
        // SIGTERM or SIGHUP: the statement has unwound (temporary files removed); leave.
        Signals.exitIfTerminated()
        // Results that could not be written (a full disk, /dev/full) fail the run.
        if streams.reportOutputFailure() { return .failed }
        if ok { return interrupted && stopOnInterrupt ? .interrupted : .ok }
        return interrupted ? .interrupted : .failed
    }
}
