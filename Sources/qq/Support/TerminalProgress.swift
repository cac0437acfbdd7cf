#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import QQData
import Synchronization

/// Draws progress of long work on stderr (only used when stderr is a terminal):
///
///     loading follows  [██████████░░░░░░░░░░]  52%  1.3M/s  ETA 4s
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
            return ProgressLine.format(label: s.label, done: s.done, total: s.total,
                                       elapsed: now - s.start, width: Terminal.width(of: fd) ?? 80)
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

/// The text of one progress line: label, bar, percentage, rate and ETA when the
/// total is known; label, count and rate when it is not.
enum ProgressLine {
    static func format(label: String, done: Int, total: Int?, elapsed: Double, width: Int) -> String {
        let rate = elapsed > 0 ? Double(done) / elapsed : 0
        let rateText = compact(rate) + "/s"
        guard let total, total > 0 else {
            return "\(label)  \(compact(Double(done)))  \(rateText)"
        }
        let fraction = min(1, max(0, Double(done) / Double(total)))
        let percent = "\(Int(fraction * 100))%".leftPadded(to: 4)
        let eta = rate > 0 ? "ETA " + duration(Double(total - done) / rate) : "ETA ?"
        let tail = "  \(percent)  \(rateText)  \(eta)"
        let barWidth = max(10, min(30, width - label.count - tail.count - 6))
        let filled = Int((fraction * Double(barWidth)).rounded(.down))
        let bar = String(repeating: "█", count: filled) + String(repeating: "░", count: barWidth - filled)
        return "\(label)  [\(bar)]\(tail)"
    }

    /// 950, 12.3k, 4.5M, 2.1B.
    static func compact(_ x: Double) -> String {
        let units: [(Double, String)] = [(1e9, "B"), (1e6, "M"), (1e3, "k")]
        for (scale, suffix) in units where x >= scale {
            let v = x / scale
            return (v >= 100 ? String(Int(v.rounded())) : String(Double(Int(v * 10)) / 10)) + suffix
        }
        return String(Int(x.rounded()))
    }

    /// 42s, 3m05s, 1h12m.
    static func duration(_ seconds: Double) -> String {
        let s = Int(seconds.rounded(.up))
        if s < 60 { return "\(s)s" }
        if s < 3600 { return "\(s / 60)m" + String(s % 60).leftPadded(to: 2, with: "0") + "s" }
        return "\(s / 3600)h" + String((s % 3600) / 60).leftPadded(to: 2, with: "0") + "m"
    }
}
