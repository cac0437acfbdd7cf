#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import QQSession

/// What reading one line gave.
enum LineInput: Equatable {
    /// A line, without its newline.
    case line(String)
    /// A line holding bytes that are not UTF-8 (its raw bytes): reported, not run.
    case notUTF8([UInt8])
    /// Ctrl-C while editing: abandon the statement being typed.
    case interrupted
    /// Ctrl-D on an empty line, or the end of input.
    case endOfInput
}

extension LineInput {
    /// `.line` for UTF-8 bytes, else `.notUTF8`.
    static func checked(_ bytes: [UInt8]) -> LineInput {
        FileText.firstInvalidUTF8(bytes) == nil ? .line(String(decoding: bytes, as: UTF8.self)) : .notUTF8(bytes)
    }
}

/// The seam between the REPL and line editing (Lua's `lua_readline`): libedit in a
/// terminal, a plain reader otherwise. The REPL knows nothing else about either.
protocol LineEditor: AnyObject {
    /// Shows `prompt` and reads one line.
    func readLine(prompt: String) -> LineInput
    /// Records a finished statement (one entry, even when it spans lines).
    func addHistory(_ entry: String)
    /// The history, oldest first (for `.history`).
    var history: [String] { get }
    /// True when more input is already waiting after the line just read: the lines
    /// arrived together (a paste, or a file piped in), and are read as a script is.
    var inputPending: Bool { get }
}

/// Reads lines from stdin with no editing: used when libedit cannot start (no
/// terminal description, `TERM=dumb`) or stdout is not a terminal. Prompts go to
/// `promptFD` (stderr when stdout is redirected, so a file gets results only). A
/// Ctrl-C interrupts the blocking `read` (SIGINT has no SA_RESTART) and abandons
/// the line.
final class PlainLineEditor: LineEditor {
    private var buffer: [UInt8] = []
    private var atEnd = false
    private(set) var history: [String] = []
    private let promptFD: Int32

    init(promptFD: Int32) { self.promptFD = promptFD }

    func readLine(prompt: String) -> LineInput {
        writeAll(fd: promptFD, prompt)
        while true {
            if let nl = buffer.firstIndex(of: UInt8(ascii: "\n")) {
                var line = Array(buffer[..<nl])
                buffer.removeSubrange(...nl)
                if line.last == UInt8(ascii: "\r") { line.removeLast() }
                return LineInput.checked(line)
            }
            if atEnd {
                if buffer.isEmpty { return .endOfInput }
                defer { buffer.removeAll() }
                return LineInput.checked(buffer)
            }
            var chunk = [UInt8](repeating: 0, count: 4096)
            let n = chunk.withUnsafeMutableBytes { read(STDIN_FILENO, $0.baseAddress, $0.count) }
            if n < 0 {
                if errno == EINTR {
                    buffer.removeAll()
                    writeAll(fd: promptFD, "\n")
                    return .interrupted
                }
                atEnd = true
            } else if n == 0 {
                atEnd = true
            } else {
                buffer.append(contentsOf: chunk[0..<n])
            }
        }
    }

    func addHistory(_ entry: String) { history.append(entry) }

    var inputPending: Bool { buffer.contains(UInt8(ascii: "\n")) || Terminal.inputPending(STDIN_FILENO) }
}
