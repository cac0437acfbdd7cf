/// The text of a progress line, which the shell redraws in place on stderr (with
/// `\r` and an erase) only when stderr is a terminal. Headless: no I/O here.
///
/// ```
/// loading follows.csv  ██████████▌         52%  1.2M/2.3M  410k/s  ETA 3s
/// computing pagerank   412k  205k/s  2.0s                       (total unknown)
/// ```
public enum ProgressText {
    /// One line of at most `width` columns, no line break. The bar is dropped
    /// first and the label cut with `…` when the width is short; the rate and ETA
    /// appear once there is anything to measure (`elapsed` ≥ 0.2 s, `done` > 0).
    public static func line(label: String, done: Int, total: Int?, elapsed: Double, width: Int) -> String {
        let done = max(done, 0)
        let rate = elapsed >= 0.2 && done > 0 ? Double(done) / elapsed : nil
        var stats: [String] = []
        var fraction: Double? = nil
        if let total, total > 0 {
            let f = min(Double(done) / Double(total), 1)
            fraction = f
            stats.append(DisplayWidth.pad(String(Int((f * 100).rounded(.down))) + "%", to: 4, right: true))
            stats.append(NumberText.compact(Double(done)) + "/" + NumberText.compact(Double(total)))
        } else {
            stats.append(NumberText.compact(Double(done)))
        }
        if let rate { stats.append(NumberText.compact(rate) + "/s") }
        if let rate, let total, total > done {
            stats.append("ETA " + duration(Double(total - done) / rate))
        } else if total == nil || rate == nil {
            stats.append(duration(elapsed))
        }
        let tail = stats.joined(separator: "  ")
        let name = DisplayWidth.visible(label)
        let nameWidth = min(DisplayWidth.of(name), max(width / 3, 12))
        let room = width - nameWidth - DisplayWidth.of(tail) - 4
        if let fraction, room >= 10 {
            let barWidth = min(room, 30)
            return DisplayWidth.pad(DisplayWidth.truncate(name, to: nameWidth), to: nameWidth) + "  "
                + bar(fraction, width: barWidth) + "  " + tail
        }
        let rest = width - DisplayWidth.of(tail) - 2
        if rest < 4 { return DisplayWidth.truncate(tail, to: width) }
        return DisplayWidth.truncate(name, to: rest) + "  " + tail
    }

    /// A bar of `width` cells filled to `fraction`, in eighths of a cell.
    static func bar(_ fraction: Double, width: Int) -> String {
        let eighths = Int((min(max(fraction, 0), 1) * Double(width * 8)).rounded(.down))
        var s = String(repeating: "█", count: eighths / 8)
        if eighths % 8 > 0 { s.append(TerminalChart.rowBlocks[eighths % 8]) }
        return s + String(repeating: " ", count: width - eighths / 8 - (eighths % 8 > 0 ? 1 : 0))
    }

    /// `0.4s`, `12s`, `3m05s`, `1h02m`.
    static func duration(_ seconds: Double) -> String {
        guard seconds.isFinite, seconds >= 0 else { return "--" }
        if seconds < 10 { return NumberText.trimmed((seconds * 10).rounded() / 10, significant: 2) + "s" }
        let s = Int(seconds.rounded())
        if s < 60 { return "\(s)s" }
        if s < 3600 { return "\(s / 60)m" + (s % 60 < 10 ? "0" : "") + "\(s % 60)s" }
        return "\(s / 3600)h" + ((s % 3600) / 60 < 10 ? "0" : "") + "\((s % 3600) / 60)m"
    }
}
