import QQData

/// The x ticks of scatter and line charts, shared by the terminal and SVG renderers:
/// numbers from `Scale`, or on a time axis (`plot line` over datetimes) dates at
/// calendar steps — years, months (1, 2, 3 or 6), days (1, 2, 7 or 14) or hours —
/// labelled `2024`, `2024-03`, `2024-03-01` or `2024-03-01 06:00`.
enum AxisTicks {
    static func x(_ c: Chart, _ scale: Scale, target: Int) -> [(Double, String)] {
        guard c.kind == .line && c.timeAxis else {
            return scale.ticks(target: target).map { ($0, NumberText.compact($0)) }
        }
        return dates(lo: scale.lo, hi: scale.hi, target: max(target, 2))
    }

    /// Date ticks inside [lo, hi] (microseconds since 1970, UTC), at most about `target`.
    static func dates(lo: Double, hi: Double, target: Int) -> [(Double, String)] {
        guard lo.isFinite, hi.isFinite, hi >= lo, abs(lo) < 9e18, abs(hi) < 9e18 else { return [] }
        let a = Int64(lo), b = Int64(hi)
        let spanDays = Double(b - a) / Double(DateTime.microsPerDay)
        var out: [(Double, String)] = []
        func add(_ t: Int64, _ label: String) { if t >= a && t <= b { out.append((Double(t), label)) } }
        if spanDays / 30.44 > Double(target) {
            // Years (every k years) or months.
            let years = spanDays / 365.25
            if years > Double(target) / 2 || years >= 2 {
                let step = max(1, Int((years / Double(target)).rounded(.up)))
                var y = DateTime.civil(a).year
                while true {
                    let t = Int64(CivilDate(year: y, month: 1, day: 1).daysSinceEpoch) * DateTime.microsPerDay
                    if t > b { break }
                    if y % step == 0 { add(t, String(y)) }
                    y += 1
                }
                return out
            }
        }
        if spanDays > Double(target) * 14 {
            let months = spanDays / 30.44
            let step = [1, 2, 3, 6, 12].first { Double($0) * Double(target) >= months } ?? 12
            var c = DateTime.civil(a)
            c.day = 1
            while true {
                let t = Int64(c.daysSinceEpoch) * DateTime.microsPerDay
                if t > b { break }
                if (c.month - 1) % step == 0 {
                    add(t, String(c.iso.prefix(7)))
                }
                c.month += 1
                if c.month > 12 { c.month = 1; c.year += 1 }
            }
            return out
        }
        if spanDays >= 2 {
            let step = Int64([1, 2, 7, 14].first { Double($0 * target) >= spanDays } ?? 14)
            let origin = step == 7 || step == 14 ? DateTime.firstMonday : 0
            var t = DateTime.floor(a, width: step * DateTime.microsPerDay, origin: origin) ?? a
            while t <= b {
                add(t, String(DateTime.format(t).prefix(10)))
                t += step * DateTime.microsPerDay
            }
            return out
        }
        let hours = max(1.0, spanDays * 24)
        let step = Int64([1, 2, 3, 6, 12].first { Double($0 * target) >= hours } ?? 12) * DateTime.microsPerHour
        var t = DateTime.floor(a, width: step, origin: 0) ?? a
        while t <= b {
            let text = DateTime.format(t)
            add(t, String(text.prefix(10)) + " " + String(text.dropFirst(11).prefix(5)))
            t += step
        }
        return out
    }
}
