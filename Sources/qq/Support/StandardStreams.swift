#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import QQData
import QQSession

/// Writes `text` to a file descriptor in full, retrying after EINTR (Ctrl-C interrupts
/// writes because SIGINT is installed without SA_RESTART) and short writes. Returns
/// 0, or the `errno` of the write that failed (ENOSPC on a full disk or `/dev/full`).
@discardableResult
func writeAll(fd: Int32, _ text: String) -> Int32 {
    var bytes = Array(text.utf8)
    return bytes.withUnsafeMutableBytes { raw -> Int32 in
        var off = 0
        while off < raw.count {
            let n = write(fd, raw.baseAddress! + off, raw.count - off)
            if n < 0 {
                if errno == EINTR { continue }
                return errno
            }
            if n == 0 { return EIO }
            off += n
        }
        return 0
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

    /// The first error writing results (0 while none): once stdout fails, nothing
    /// more is written there and every statement after reports failure.
    private var outError: Int32 = 0
    private var outErrorReported = false

    func out(_ text: String) {
        _ = progress?.erase()
        guard outError == 0 else { return }
        outError = writeAll(fd: redirect ?? STDOUT_FILENO, text)
    }

    /// When results could not be written: says so on stderr (once) and returns true.
    func reportOutputFailure() -> Bool {
        guard outError != 0 else { return false }
        if !outErrorReported {
            outErrorReported = true
            writeAll(fd: STDERR_FILENO, "qq: cannot write standard output: \(String(cString: strerror(outError)))\n")
        }
        return true
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
