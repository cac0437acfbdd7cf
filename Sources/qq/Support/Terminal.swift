#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import CLibEdit

/// Facts about the terminal qq runs in.
enum Terminal {
    static func isTerminal(_ fd: Int32) -> Bool { isatty(fd) == 1 }

    /// The width in columns of the terminal on `fd` (stdout by default: output that
    /// goes to a file or pipe keeps the session's default width), nil when `fd` is
    /// not a terminal.
    static func width(of fd: Int32 = STDOUT_FILENO) -> Int? {
        let w = Int(qq_terminal_width(fd))
        return w > 0 ? w : nil
    }

    /// Makes the C library (and so libedit) read and write UTF-8: the user's locale
    /// for character types, or `C.UTF-8` when that locale is not UTF-8. In the "C"
    /// locale libedit silently drops non-ASCII input.
    static func setUTF8Locale() {
        _ = setlocale(LC_CTYPE, "")
        if !isUTF8() { _ = setlocale(LC_CTYPE, "C.UTF-8") }
    }

    private static func isUTF8() -> Bool {
        guard let codeset = nl_langinfo(nl_item(CODESET)) else { return false }
        let name = String(cString: codeset).lowercased()
        return name == "utf-8" || name == "utf8"
    }

    /// True when input is waiting on `fd` right now: a Tab that arrives together with
    /// more bytes is part of a paste, not a request to complete.
    static func inputPending(_ fd: Int32) -> Bool {
        var p = pollfd(fd: fd, events: Int16(POLLIN), revents: 0)
        return poll(&p, 1, 0) > 0 && (p.revents & Int16(POLLIN)) != 0
    }
}
