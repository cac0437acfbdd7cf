#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import QQData

/// The REPL's history on disk, in libedit's own format (so `~/.editrc` users and
/// libedit's `H_LOAD` read it): a `_HiStOrY_V2_` first line, then one entry per
/// line, encoded as libedit's `strvis(3)` with `VIS_WHITE` does (space `\040`,
/// newline `\012`, backslash `\134`). A multi-line statement is one entry.
///
/// Two REPLs may run at once, so the file is never rewritten from memory: each new
/// entry is appended with one `write` on an `O_APPEND` descriptor, and the rare
/// rewrite that trims an overlong file re-reads it, keeps the newest entries and
/// replaces it through a temporary file and `rename`. Appends and rewrites hold an
/// exclusive `flock` on a separate lock file (which is never renamed, unlike the
/// history file itself), so no process appends to a file that is being replaced.
struct HistoryFile {
    static let header = "_HiStOrY_V2_"
    let path: String
    let lockPath: String
    /// `--safe`: qq writes no files, so the history is read but never written (the
    /// session's entries live in memory only).
    var readOnly = false

    /// The entries in the file, oldest first; empty when there is no file.
    func load() -> [String] {
        guard let text = readTextFile(path) else { return [] }
        return HistoryFile.parse(text)
    }

    /// Appends one entry. Returns false when the file cannot be written.
    @discardableResult
    func append(_ entry: String) -> Bool {
        guard !readOnly else { return false }
        return withLock {
            let fd = open(path, O_WRONLY | O_APPEND | O_CREAT | O_CLOEXEC, 0o600)
            guard fd >= 0 else { return false }
            defer { close(fd) }
            var st = stat()
            let empty = fstat(fd, &st) == 0 && st.st_size == 0
            let line = (empty ? HistoryFile.header + "\n" : "") + HistoryFile.encode(entry) + "\n"
            writeAll(fd: fd, line)
            return true
        }
    }

    /// Trims the file to its newest `keep` entries once it holds more than
    /// `2 * keep`, so the cost of rewriting is paid rarely.
    func compact(keep: Int) {
        guard !readOnly else { return }
        withLock {
            let entries = load()
            guard entries.count > 2 * keep else { return }
            let text = ([HistoryFile.header] + entries.suffix(keep).map(HistoryFile.encode)).joined(separator: "\n") + "\n"
            let tmp = AtomicFile.temporaryPath(for: path)
            let fd = open(tmp, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o600)
            guard fd >= 0 else { return }
            writeAll(fd: fd, text)
            let synced = fsync(fd) == 0
            close(fd)
            if !synced || rename(tmp, path) != 0 { unlink(tmp) }
        }
    }

    private func withLock<T>(_ body: () -> T) -> T {
        let fd = open(lockPath, O_RDWR | O_CREAT | O_CLOEXEC, 0o600)
        if fd >= 0 {
            while flock(fd, LOCK_EX) != 0 && errno == EINTR {}
        }
        defer { if fd >= 0 { flock(fd, LOCK_UN); close(fd) } }
        return body()
    }

    // MARK: - Encoding

    /// Splits a history file into decoded entries, skipping the header line.
    static func parse(_ text: String) -> [String] {
        var entries: [String] = []
        for line in text.split(separator: "\n", omittingEmptySubsequences: true) {
            if line == header { continue }
            entries.append(decode(String(line)))
        }
        return entries
    }

    /// What libedit's `H_SAVE` writes: whitespace, control bytes and backslash as
    /// three-digit octal escapes, everything else (UTF-8 included) as is.
    static func encode(_ entry: String) -> String {
        var out: [UInt8] = []
        for b in entry.utf8 {
            if b <= 0x20 || b == 0x7F || b == UInt8(ascii: "\\") {
                out.append(UInt8(ascii: "\\"))
                for shift in [6, 3, 0] { out.append(UInt8(ascii: "0") + (b >> UInt8(shift)) & 7) }
            } else {
                out.append(b)
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// `strunvis(3)`: octal `\ooo`, `\\`, C escapes, `\^X` control and `\M-x` meta forms.
    static func decode(_ line: String) -> String {
        let s = Array(line.utf8)
        var out: [UInt8] = []
        var i = 0
        func isOctal(_ c: UInt8) -> Bool { c >= UInt8(ascii: "0") && c <= UInt8(ascii: "7") }
        while i < s.count {
            guard s[i] == UInt8(ascii: "\\"), i + 1 < s.count else { out.append(s[i]); i += 1; continue }
            i += 1
            var meta: UInt8 = 0
            if s[i] == UInt8(ascii: "M"), i + 2 < s.count {
                if s[i + 1] == UInt8(ascii: "-") { out.append(s[i + 2] | 0x80); i += 3; continue }
                if s[i + 1] == UInt8(ascii: "^") { meta = 0x80; i += 1 }
            }
            let c = s[i]
            switch c {
            case _ where isOctal(c):
                var v: UInt8 = 0
                var n = 0
                while n < 3, i < s.count, isOctal(s[i]) { v = v &* 8 &+ (s[i] - UInt8(ascii: "0")); i += 1; n += 1 }
                out.append(v | meta)
                continue
            case UInt8(ascii: "^"):
                guard i + 1 < s.count else { i += 1; continue }
                let x = s[i + 1]
                out.append((x == UInt8(ascii: "?") ? 0x7F : x & 0x1F) | meta)
                i += 2
                continue
            case UInt8(ascii: "n"): out.append(10)
            case UInt8(ascii: "t"): out.append(9)
            case UInt8(ascii: "r"): out.append(13)
            case UInt8(ascii: "s"): out.append(32)
            case UInt8(ascii: "b"): out.append(8)
            case UInt8(ascii: "a"): out.append(7)
            case UInt8(ascii: "v"): out.append(11)
            case UInt8(ascii: "f"): out.append(12)
            case UInt8(ascii: "E"): out.append(27)
            case UInt8(ascii: "$"), UInt8(ascii: "\n"): break
            default: out.append(c | meta)
            }
            i += 1
        }
        return String(decoding: out, as: UTF8.self)
    }
}
