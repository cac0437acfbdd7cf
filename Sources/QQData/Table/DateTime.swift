/// Datetimes and durations (SPEC §8), without Foundation.
///
/// A datetime is microseconds since 1970-01-01T00:00:00Z (UTC, proleptic Gregorian);
/// a duration is a number of microseconds. Datetimes print as ISO 8601 UTC
/// (`2024-01-31T12:00:00Z`, with `.123456` trimmed of trailing zeros only when the
/// fraction is non-zero). Durations print as `3d 04:05:06`; under a day the `0d ` is
/// left out (`04:05:06`), a fraction of a second follows as for datetimes, and a
/// negative duration starts with `-` (`-1d 00:00:00`).
public enum DateTime {
    public static let microsPerSecond: Int64 = 1_000_000
    public static let microsPerMinute: Int64 = 60_000_000
    public static let microsPerHour: Int64 = 3_600_000_000
    public static let microsPerDay: Int64 = 86_400_000_000
    public static let microsPerWeek: Int64 = 604_800_000_000
    /// Monday 1970-01-05, where week bins start.
    public static let firstMonday: Int64 = 4 * microsPerDay

    /// A duration as a call that makes it: the largest unit that divides it
    /// (`days(1)`, `hours(36)`), else `seconds(1.5)`.
    public static func durationCall(_ d: Int64) -> String {
        for (unit, name) in [(microsPerWeek, "weeks"), (microsPerDay, "days"), (microsPerHour, "hours"),
                             (microsPerMinute, "minutes"), (microsPerSecond, "seconds")] where d % unit == 0 {
            return "\(name)(\(d / unit))"
        }
        return "seconds(\(Double(d) / 1e6))"
    }

    /// Floor division (rounds toward −∞), for negative datetimes before 1970.
    @inline(__always) public static func floorDiv(_ a: Int64, _ b: Int64) -> Int64 {
        let q = a / b
        return (a % b != 0 && ((a < 0) != (b < 0))) ? q - 1 : q
    }

    /// The day a datetime falls on, in days since 1970-01-01.
    @inline(__always) public static func day(_ t: Int64) -> Int64 { floorDiv(t, microsPerDay) }

    /// Midnight UTC of a date (days since 1970-01-01).
    @inline(__always) public static func micros(day d: Int32) -> Int64 { Int64(d) * microsPerDay }

    /// Parses ISO 8601: `YYYY-MM-DDTHH:MM[:SS[.f…]]` with `T` or one space, then `Z`,
    /// `+HH:MM`, `+HHMM`, `+HH` or nothing (UTC). With `dateOnly`, `YYYY-MM-DD` alone is
    /// midnight UTC of that day. Nil when the text is not such a datetime.
    public static func parse(_ text: String, dateOnly: Bool = false) -> Int64? {
        var u = Array(text.utf8)
        return u.withUnsafeMutableBufferPointer { parse(UnsafeBufferPointer($0), dateOnly: dateOnly) }
    }

    public static func parse(_ u: UnsafeBufferPointer<UInt8>, dateOnly: Bool = false) -> Int64? {
        let n = u.count
        guard n >= 10 else { return nil }
        guard let date = CivilDate.parse(bytes: ArraySlice(u[0..<10])), u[4] == UInt8(ascii: "-") else { return nil }
        var t = Int64(date.daysSinceEpoch) * microsPerDay
        if n == 10 { return dateOnly ? t : nil }
        guard u[10] == UInt8(ascii: "T") || u[10] == UInt8(ascii: " ") || u[10] == UInt8(ascii: "t") else { return nil }
        var i = 11
        func two() -> Int64? {
            guard i + 2 <= n, isDigit(u[i]), isDigit(u[i + 1]) else { return nil }
            defer { i += 2 }
            return Int64(u[i] - 48) * 10 + Int64(u[i + 1] - 48)
        }
        guard let hh = two(), hh < 24, i < n, u[i] == UInt8(ascii: ":") else { return nil }
        i += 1
        guard let mm = two(), mm < 60 else { return nil }
        var ss: Int64 = 0, frac: Int64 = 0
        if i < n && u[i] == UInt8(ascii: ":") {
            i += 1
            guard let s = two(), s < 60 else { return nil }
            ss = s
            if i < n && (u[i] == UInt8(ascii: ".") || u[i] == UInt8(ascii: ",")) {
                i += 1
                var digits = 0
                var scale: Int64 = 100_000
                while i < n && isDigit(u[i]) {
                    if digits < 6 { frac += Int64(u[i] - 48) * scale; scale /= 10 }
                    digits += 1; i += 1
                }
                guard digits > 0 && digits <= 9 else { return nil }
            }
        }
        t += hh * microsPerHour + mm * microsPerMinute + ss * microsPerSecond + frac
        if i == n { return t }
        let c = u[i]
        if (c == UInt8(ascii: "Z") || c == UInt8(ascii: "z")) && i + 1 == n { return t }
        guard c == UInt8(ascii: "+") || c == UInt8(ascii: "-") else { return nil }
        i += 1
        guard let oh = two(), oh <= 23 else { return nil }
        var om: Int64 = 0
        if i < n {
            if u[i] == UInt8(ascii: ":") { i += 1 }
            guard let m = two(), m < 60 else { return nil }
            om = m
        }
        guard i == n else { return nil }
        let offset = oh * microsPerHour + om * microsPerMinute
        return c == UInt8(ascii: "+") ? t - offset : t + offset
    }

    @inline(__always) static func isDigit(_ c: UInt8) -> Bool { c >= 48 && c <= 57 }

    /// ISO 8601 UTC text of a datetime.
    public static func format(_ t: Int64) -> String {
        let d = day(t)
        let inDay = t - d * microsPerDay
        guard d >= Int64(Int32.min) && d <= Int64(Int32.max) else { return String(t) + "us" }
        let date = CivilDate(daysSinceEpoch: Int32(d))
        var s = date.iso + "T" + clock(inDay)
        s += "Z"
        return s
    }

    /// `HH:MM:SS[.ffffff]` of `us` microseconds (under a day when used for a datetime).
    static func clock(_ us: Int64) -> String {
        let secs = us / microsPerSecond, frac = us % microsPerSecond
        let h = secs / 3600, m = secs / 60 % 60, s = secs % 60
        var out = pad2(h) + ":" + pad2(m) + ":" + pad2(s)
        if frac != 0 {
            var f = String(frac)
            f = String(repeating: "0", count: 6 - f.count) + f
            while f.hasSuffix("0") { f.removeLast() }
            out += "." + f
        }
        return out
    }

    static func pad2(_ v: Int64) -> String { v < 10 ? "0" + String(v) : String(v) }

    /// `3d 04:05:06`; `04:05:06` under a day; `-` before a negative duration.
    public static func formatDuration(_ d: Int64) -> String {
        if d == Int64.min { return "-106751991d 04:00:54.775808" }
        let a = d < 0 ? -d : d
        let days = a / microsPerDay, rest = a % microsPerDay
        let body = days > 0 ? "\(days)d " + clock(rest) : clock(rest)
        return d < 0 ? "-" + body : body
    }

    /// Calendar parts of a datetime.
    public static func civil(_ t: Int64) -> CivilDate {
        let d = day(t)
        return CivilDate(daysSinceEpoch: Int32(clamping: d))
    }

    public static func hour(_ t: Int64) -> Int64 { (t - day(t) * microsPerDay) / microsPerHour }

    /// ISO weekday: 1 = Monday … 7 = Sunday (1970-01-01 was a Thursday).
    public static func weekday(day d: Int64) -> Int64 {
        let w = (d + 3) % 7
        return (w < 0 ? w + 7 : w) + 1
    }

    /// The first instant of the month `t` falls in.
    public static func floorMonth(_ t: Int64) -> Int64 {
        let c = civil(t)
        return Int64(CivilDate(year: c.year, month: c.month, day: 1).daysSinceEpoch) * microsPerDay
    }

    /// The first instant of the year `t` falls in.
    public static func floorYear(_ t: Int64) -> Int64 {
        let c = civil(t)
        return Int64(CivilDate(year: c.year, month: 1, day: 1).daysSinceEpoch) * microsPerDay
    }

    /// Floors `t` to a multiple of `width` counted from `origin` (nil on overflow).
    public static func floor(_ t: Int64, width: Int64, origin: Int64) -> Int64? {
        guard width > 0 else { return nil }
        let (shifted, o1) = t.subtractingReportingOverflow(origin)
        guard !o1 else { return nil }
        let (m, o2) = floorDiv(shifted, width).multipliedReportingOverflow(by: width)
        guard !o2 else { return nil }
        let (r, o3) = m.addingReportingOverflow(origin)
        return o3 ? nil : r
    }

    /// Unix time (seconds, or milliseconds when above 1e11 in magnitude) as a datetime;
    /// nil when it does not fit.
    public static func fromUnix(_ v: Int64) -> Int64? {
        let ms = v > 100_000_000_000 || v < -100_000_000_000
        let (r, o) = v.multipliedReportingOverflow(by: ms ? 1000 : microsPerSecond)
        return o ? nil : r
    }
}
