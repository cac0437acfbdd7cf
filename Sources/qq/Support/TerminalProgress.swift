#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import QQData
import QQOutput
import Synchronization

/// Draws progress of long work on stderr (only used when stderr is a terminal),
/// one line redrawn in place, its text from `ProgressText.line`:
///
///     reading follows.csv  ██████████▌         52%  1.2M/2.3M  410k/s  ETA 3s
///
/// Nothing is drawn for work that finishes within `delay` (SPEC §2: about half a
/// second), redraws are throttled to `interval`, and `end()` erases the line, so
/// the bar never remains in the scrollback. Safe to call from worker threads.
final class TerminalProgress: ProgressSink {
    private struct State {
        var label = ""
        var total: Int?
        var done = 0
        var start = 0.0
        var lastDraw = 0.0
        var drawn = false
    }

    private let state = Mutex(State())
    private let delay: Double
    private let interval: Double
    private let fd: Int32

    init(fd: Int32 = STDERR_FILENO, delay: Double = 0.5, interval: Double = 0.1) {
        self.fd = fd; self.delay = delay; self.interval = interval
    }

    func begin(_ label: String, total: Int?) {
        let now = TerminalProgress.now()
        state.withLock { s in
            if s.drawn { writeAll(fd: fd, "\r\u{1B}[K") }
            s = State(label: label, total: total, done: 0, start: now, lastDraw: now, drawn: false)
        }
    }

    func update(_ done: Int) {
        let now = TerminalProgress.now()
        let line: String? = state.withLock { s in
            s.done = done
            guard now - s.start >= delay, now - s.lastDraw >= interval else { return nil }
            s.lastDraw = now
            s.drawn = true
            return ProgressText.line(label: s.label, done: s.done, total: s.total,
                                     elapsed: now - s.start, width: (Terminal.width(of: fd) ?? 80) - 1)
        }
        if let line { writeAll(fd: fd, "\r" + line + "\u{1B}[K") }
    }

    func end() {
        _ = erase()
        state.withLock { s in s.total = nil; s.done = 0; s.label = "" }
    }

    /// Erases the bar if it is on screen (before other text is written); the next
    /// `update` draws it again. Returns whether there was something to erase.
    func erase() -> Bool {
        let drawn = state.withLock { s in
            defer { s.drawn = false }
            return s.drawn
        }
        if drawn { writeAll(fd: fd, "\r\u{1B}[K") }
        return drawn
    }

    /// Seconds on a monotonic clock.
    static func now() -> Double {
        var ts = timespec()
        clock_gettime(CLOCK_MONOTONIC, &ts)
        return Double(ts.tv_sec) + Double(ts.tv_nsec) / 1e9
    }
}
