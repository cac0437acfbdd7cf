#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Testing

/// qq running on a pseudo-terminal, driven like a person at a keyboard: `type`
/// sends keystrokes, `expect` waits (with a timeout) until the screen output shows
/// a text. Output is matched after removing terminal escape sequences and carriage
/// returns, from where the previous match ended, so each `expect` sees only what
/// came after the last one.
///
/// qq is started with posix_spawn in a new session whose controlling terminal is
/// the pty (opened after `setsid`), so Ctrl-C and libedit's re-raised signals
/// reach qq's process group only.
final class PseudoTerminal {
    let pid: pid_t
    private let master: Int32
    private var raw: [UInt8] = []
    private var consumed = 0
    private var exitStatus: Int32?

    init(arguments: [String] = [], environment: [String], columns: UInt16 = 100, rows: UInt16 = 30) throws {
        guard let binary = QQBinary.require() else { throw ProcessRunner.SpawnError(description: "qq is not built") }
        var master: Int32 = -1, slave: Int32 = -1
        var size = winsize(ws_row: rows, ws_col: columns, ws_xpixel: 0, ws_ypixel: 0)
        guard openpty(&master, &slave, nil, nil, &size) == 0 else {
            throw ProcessRunner.SpawnError(description: "openpty failed")
        }
        _ = fcntl(master, F_SETFD, FD_CLOEXEC)
        _ = fcntl(slave, F_SETFD, FD_CLOEXEC)
        var name = [CChar](repeating: 0, count: 128)
        guard ttyname_r(slave, &name, name.count) == 0 else {
            throw ProcessRunner.SpawnError(description: "ttyname_r failed")
        }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, name, O_RDWR, 0)
        posix_spawn_file_actions_adddup2(&actions, 0, 1)
        posix_spawn_file_actions_adddup2(&actions, 0, 2)
        do {
            pid = try ProcessRunner.spawn(binary, arguments, environment: environment, actions: &actions)
        } catch {
            close(master); close(slave)
            throw error
        }
        close(slave)
        self.master = master
    }

    deinit {
        if exitStatus == nil {
            kill(pid, SIGKILL)
            var status: Int32 = 0
            waitpid(pid, &status, 0)
        }
        close(master)
    }

    /// Sends `keys` as typed (one write: a multi-character string arrives at once,
    /// as a paste would).
    func type(_ keys: String) {
        var bytes = Array(keys.utf8)
        _ = bytes.withUnsafeMutableBytes { write(master, $0.baseAddress, $0.count) }
    }

    /// Types `keys` one key at a time with a short pause, as a person does (so a
    /// Tab is not taken for part of a paste).
    func typeSlowly(_ keys: String) {
        for c in keys {
            type(String(c))
            usleep(20_000)
        }
    }

    static let ctrlC = "\u{03}", ctrlD = "\u{04}", ctrlR = "\u{12}", tab = "\t", enter = "\r", up = "\u{1B}[A"

    /// Waits until `text` appears in the output after the previous match; records an
    /// issue with the transcript and returns false on timeout.
    @discardableResult
    func expect(_ text: String, timeout: Double = 15, sourceLocation: SourceLocation = #_sourceLocation) -> Bool {
        let deadline = now() + timeout
        let needle = Array(text.utf8)
        var open = true
        while true {
            let screen = PseudoTerminal.clean(raw)
            if let end = PseudoTerminal.find(needle, in: screen, from: consumed) {
                consumed = end
                return true
            }
            if !open || now() >= deadline {
                let rest = String(decoding: screen.dropFirst(consumed), as: UTF8.self)
                let why = open ? "timed out" : "qq exited"
                Issue.record("\(why) waiting for \(String(reflecting: text)); output after the last match:\n\(rest)",
                             sourceLocation: sourceLocation)
                return false
            }
            open = readSome(timeout: deadline - now())
        }
    }

    /// Waits for `prompt`, then until libedit has put the terminal in its editing
    /// mode (canonical input off). libedit prints the prompt first and switches
    /// modes when it reads the first key, so a control key sent in between would be
    /// taken by the terminal's line discipline (a Ctrl-D there is lost).
    @discardableResult
    func expectPrompt(_ prompt: String = "qq> ", timeout: Double = 15,
                      sourceLocation: SourceLocation = #_sourceLocation) -> Bool {
        guard expect(prompt, timeout: timeout, sourceLocation: sourceLocation) else { return false }
        return waitForRawMode(after: prompt, sourceLocation: sourceLocation)
    }

    /// Waits until the line editor has the terminal in raw mode (after a prompt that
    /// was already seen), so that a control key goes to it.
    @discardableResult
    func waitForRawMode(after prompt: String = "qq> ", sourceLocation: SourceLocation = #_sourceLocation) -> Bool {
        let deadline = now() + 5
        var t = termios()
        while now() < deadline {
            if tcgetattr(master, &t) == 0 && (t.c_lflag & tcflag_t(ICANON)) == 0 { return true }
            _ = readSome(timeout: 0.01)
        }
        Issue.record("the terminal never left canonical mode after \(String(reflecting: prompt))",
                     sourceLocation: sourceLocation)
        return false
    }

    /// True when `text` shows up within `timeout` seconds after the previous match
    /// (no issue recorded when it does not).
    func sees(_ text: String, within timeout: Double) -> Bool {
        let deadline = now() + timeout
        let needle = Array(text.utf8)
        while true {
            if let end = PseudoTerminal.find(needle, in: PseudoTerminal.clean(raw), from: consumed) {
                consumed = end
                return true
            }
            if now() >= deadline || !readSome(timeout: deadline - now()) { return false }
        }
    }

    /// Everything shown so far, raw.
    var rawTranscript: String { String(decoding: raw, as: UTF8.self) }

    /// Everything shown so far, cleaned.
    var transcript: String { String(decoding: PseudoTerminal.clean(raw), as: UTF8.self) }

    /// The end offset of the first occurrence of `needle` at or after `start`.
    static func find(_ needle: [UInt8], in hay: [UInt8], from start: Int) -> Int? {
        guard !needle.isEmpty else { return start }
        var i = start
        while i + needle.count <= hay.count {
            if hay[i] == needle[0] && hay[i..<(i + needle.count)].elementsEqual(needle) { return i + needle.count }
            i += 1
        }
        return nil
    }

    /// Waits for qq to exit; nil on timeout.
    func waitForExit(timeout: Double = 10) -> Int32? {
        let deadline = now() + timeout
        while now() < deadline {
            var status: Int32 = 0
            let r = waitpid(pid, &status, WNOHANG)
            if r == pid {
                exitStatus = ProcessRunner.exitStatus(status)
                return exitStatus
            }
            _ = readSome(timeout: 0.05)
        }
        return nil
    }

    // MARK: - Large output
    //
    // These look at the raw bytes (no escape cleaning) from an offset on, so that
    // megabytes of output are read as fast as a terminal would; `expect` and `sees`
    // clean the whole transcript on every read, which is for small output only.

    /// How many raw bytes have arrived so far (an offset for `rawSees`).
    var rawCount: Int { raw.count }

    /// Reads whatever arrives for `seconds`.
    func drain(for seconds: Double) {
        let deadline = now() + seconds
        while now() < deadline, readSome(timeout: deadline - now(), chunkSize: 1 << 16) {}
    }

    /// The seconds until `text` shows in the raw output at or after offset `from`,
    /// reading as fast as it arrives; nil when it does not within `timeout`.
    func rawSees(_ text: String, from: Int, within timeout: Double) -> Double? {
        let start = now()
        let needle = Array(text.utf8)
        var scanned = from
        while true {
            if let _ = PseudoTerminal.find(needle, in: raw, from: scanned) { return now() - start }
            scanned = max(from, raw.count - needle.count)
            if now() - start >= timeout || !readSome(timeout: timeout - (now() - start), chunkSize: 1 << 16) { return nil }
        }
    }

    /// Whether `text` is in the raw output at or after offset `from` (nothing is read).
    func rawContains(_ text: String, from: Int) -> Bool {
        PseudoTerminal.find(Array(text.utf8), in: raw, from: from) != nil
    }

    /// The raw output from offset `from` on, as text.
    func rawText(from: Int) -> String { String(decoding: raw[min(from, raw.count)...], as: UTF8.self) }

    /// Reads what arrives within `timeout` seconds (at most 0.2 s per call); false
    /// once the terminal is closed (qq exited).
    private func readSome(timeout: Double, chunkSize: Int = 4096) -> Bool {
        var p = pollfd(fd: master, events: Int16(POLLIN), revents: 0)
        let r = poll(&p, 1, Int32(max(1, min(timeout, 0.2) * 1000)))
        if r < 0 { return errno == EINTR }
        if r == 0 { return true }
        var chunk = [UInt8](repeating: 0, count: chunkSize)
        let n = chunk.withUnsafeMutableBytes { read(master, $0.baseAddress, $0.count) }
        if n <= 0 { return false }
        raw += chunk[0..<n]
        return true
    }

    private func now() -> Double {
        var ts = timespec()
        clock_gettime(CLOCK_MONOTONIC, &ts)
        return Double(ts.tv_sec) + Double(ts.tv_nsec) / 1e9
    }

    /// The output without escape sequences (CSI, OSC, two-byte ESC forms), carriage
    /// returns and bells. An escape sequence cut off at the end is dropped, so the
    /// cleaned text of a prefix is a prefix of the cleaned text.
    static func clean(_ bytes: [UInt8]) -> [UInt8] {
        var out: [UInt8] = []
        var i = 0
        while i < bytes.count {
            let b = bytes[i]
            if b == 0x1B {
                i += 1
                guard i < bytes.count else { break }
                if bytes[i] == UInt8(ascii: "[") {
                    i += 1
                    while i < bytes.count, !(0x40...0x7E).contains(bytes[i]) { i += 1 }
                    i += 1
                } else if bytes[i] == UInt8(ascii: "]") {
                    while i < bytes.count, bytes[i] != 0x07, bytes[i] != 0x1B { i += 1 }
                    i += bytes.count > i && bytes[i] == 0x1B ? 2 : 1
                } else {
                    i += 1
                }
                continue
            }
            if b != 0x0D && b != 0x07 { out.append(b) }
            i += 1
        }
        return out
    }
}
