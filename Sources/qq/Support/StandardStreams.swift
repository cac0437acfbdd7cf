#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import QQData
import QQSession

/// Writes `text` to a file descriptor in full, retrying after EINTR (Ctrl-C interrupts
/// writes because SIGINT is installed without SA_RESTART) and short writes.
func writeAll(fd: Int32, _ text: String) {
    var bytes = Array(text.utf8)
    bytes.withUnsafeMutableBytes { raw in
        var off = 0
        while off < raw.count {
            let n = write(fd, raw.baseAddress! + off, raw.count - off)
            if n < 0 {
                if errno == EINTR { continue }
                return
            }
            off += n
        }
    }
}

/// The session's output for the command line: results to stdout, diagnostics and
/// notices to stderr, written straight to the descriptors (no stdio buffering, so
/// output and libedit's prompt never interleave out of order).
///
/// In a terminal it keeps the screen tidy: a progress bar being drawn is erased
/// before any other text, and the first message after Ctrl-C starts on a fresh
/// line instead of after the `^C` the terminal echoed.
final class StandardStreams: SessionOutput {
    private let progress: TerminalProgress?
    private let errIsTerminal: Bool
    private var cancelNoticed = false
    /// Where results go instead of stdout (`.output FILE`), or nil.
    var redirect: Int32?

    init(progress: TerminalProgress?, errIsTerminal: Bool) {
        self.progress = progress
        self.errIsTerminal = errIsTerminal
    }

    func out(_ text: String) {
        _ = progress?.erase()
        writeAll(fd: redirect ?? STDOUT_FILENO, text)
    }

    func err(_ text: String) {
        let erased = progress?.erase() ?? false
        if errIsTerminal && !erased && !cancelNoticed && Cancellation.isRequested {
            writeAll(fd: STDERR_FILENO, "\n")
            cancelNoticed = true
        }
        writeAll(fd: STDERR_FILENO, text)
    }

    /// Called before each statement.
    func statementStarts() { cancelNoticed = false }
}
