#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import QQLang

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
final class StandardStreams: SessionOutput {
    func out(_ text: String) { writeAll(fd: STDOUT_FILENO, text) }
    func err(_ text: String) { writeAll(fd: STDERR_FILENO, text) }
}
