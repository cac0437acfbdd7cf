#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import QQData
import QQSession
import QQSyntax

/// `.output FILE` / `.once FILE` (sqlite3's and DuckDB's): results go to a file
/// instead of the screen — every statement's until `.output` alone, or the next
/// statement's only. Errors and notices stay on the screen. As `export` does, an
/// existing file is kept unless `overwrite` follows, and `--safe` refuses.
/// Results in a file are written in full, as when stdout is not a terminal.
extension REPL {
    func redirect(_ argument: String, once: Bool, command: String, span: SourceSpan) throws(Diagnostic) {
        var words = argument.split(separator: " ", omittingEmptySubsequences: true).map(String.init)
        let overwrite = words.count >= 2 && words.last == "overwrite"
        if overwrite { words.removeLast() }
        var path = words.joined(separator: " ")
        if path.count >= 2, let q = path.first, q == "\"" || q == "'", path.last == q {
            path = String(path.dropFirst().dropLast())
        }
        if path.isEmpty {
            if once { throw Diagnostic(.runtime, "\(command): expected a file", span: span, hint: "'.once top.csv'") }
            endRedirect()
            return
        }
        if session.options.safe {
            throw Diagnostic(.runtime, "\(command) writes a file, which --safe refuses", span: span)
        }
        let flags = O_WRONLY | O_CREAT | O_CLOEXEC | (overwrite ? O_TRUNC : O_EXCL)
        let fd = open(path, flags, 0o644)
        guard fd >= 0 else {
            if errno == EEXIST {
                throw Diagnostic(.io, "'\(path)' exists", span: span, hint: "'\(command) \(argument) overwrite' replaces it")
            }
            throw Diagnostic(.io, "cannot write '\(path)': \(String(cString: strerror(errno)))", span: span)
        }
        endRedirect()
        runner.streams.redirect = fd
        redirectOnce = once
        session.options.fitsTerminal = false
    }

    /// Back to the screen (closing the file), after `.output` alone or a `.once` statement.
    func endRedirect() {
        guard let fd = runner.streams.redirect else { return }
        runner.streams.redirect = nil
        close(fd)
        redirectOnce = false
        session.options.fitsTerminal = Terminal.isTerminal(STDOUT_FILENO)
    }
}
