/// A single qq value: what one cell of a column holds, and what an expression yields.
///
/// Dates are stored as days since 1970-01-01 (proleptic Gregorian, UTC), so that
/// date columns are flat `[Int32]` arrays and compare as integers.
public enum Value: Sendable, Hashable, CustomStringConvertible {
    case null
    case int(Int64)
    case float(Double)
    case bool(Bool)
    case date(Int32)
    case string(String)
    /// Microseconds since 1970-01-01T00:00:00Z.
    case datetime(Int64)
    /// Microseconds.
    case duration(Int64)

    public var type: ValueType {
        switch self {
        case .null: return .null
        case .int: return .int
        case .float: return .float
        case .bool: return .bool
        case .date: return .date
        case .string: return .string
        case .datetime: return .datetime
        case .duration: return .duration
        }
    }

    public var isNull: Bool { if case .null = self { return true } else { return false } }

    /// The value as a Double when it is numeric (int or float), else nil.
    public var asDouble: Double? {
        switch self {
        case .int(let i): return Double(i)
        case .float(let d): return d
        default: return nil
        }
    }

    /// Plain text, as `print` and csv output show it: null is empty, floats are the
    /// shortest text that reads back to the same value, dates are ISO `YYYY-MM-DD`.
    public var description: String {
        switch self {
        case .null: return ""
        case .int(let i): return String(i)
        case .float(let d): return Value.formatFloat(d)
        case .bool(let b): return b ? "true" : "false"
        case .date(let d): return CivilDate(daysSinceEpoch: d).iso
        case .string(let s): return s
        case .datetime(let t): return DateTime.format(t)
        case .duration(let d): return DateTime.formatDuration(d)
        }
    }

    /// Shortest round-tripping text for a Double; integral values keep no `.0`
    /// only when they are written as ints, so a float always shows as a float.
    public static func formatFloat(_ d: Double) -> String {
        if d.isNaN { return "nan" }
        if d.isInfinite { return d < 0 ? "-inf" : "inf" }
        return "\(d)"
    }
}

/// The type of a column or expression.
public enum ValueType: String, Sendable, Hashable, CaseIterable {
    case null, int, float, bool, date, string, datetime, duration

    public var isNumeric: Bool { self == .int || self == .float }
}

/// A calendar date in the proleptic Gregorian calendar, converted without Foundation.
public struct CivilDate: Sendable, Hashable {
    public var year: Int
    public var month: Int
    public var day: Int

    public init(year: Int, month: Int, day: Int) {
        self.year = year; self.month = month; self.day = day
    }

    /// From days since 1970-01-01 (Howard Hinnant's civil_from_days).
    public init(daysSinceEpoch: Int32) {
        let z = Int(daysSinceEpoch) + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146_096) / 365
        let y = yoe + era * 400
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let d = doy - (153 * mp + 2) / 5 + 1
        let m = mp < 10 ? mp + 3 : mp - 9
        self.init(year: m <= 2 ? y + 1 : y, month: m, day: d)
    }

    /// Days since 1970-01-01 (Howard Hinnant's days_from_civil).
    public var daysSinceEpoch: Int32 {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let mp = month > 2 ? month - 3 : month + 9
        let doy = (153 * mp + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return Int32(era * 146_097 + doe - 719_468)
    }

    public var iso: String {
        func pad(_ v: Int, _ w: Int) -> String {
            let s = String(v)
            return s.count >= w ? s : String(repeating: "0", count: w - s.count) + s
        }
        return "\(pad(year, 4))-\(pad(month, 2))-\(pad(day, 2))"
    }

    /// Parses `YYYY-MM-DD` (also `YYYY/MM/DD`); nil when it is not a valid date.
    public static func parse(_ text: Substring) -> CivilDate? {
        let u = Array(text.utf8)
        return parse(bytes: u[...])
    }

    public static func parse(bytes u: ArraySlice<UInt8>) -> CivilDate? {
        guard u.count == 10 else { return nil }
        let b = u.startIndex
        let sep = u[b + 4]
        guard (sep == UInt8(ascii: "-") || sep == UInt8(ascii: "/")), u[b + 7] == sep else { return nil }
        func num(_ from: Int, _ len: Int) -> Int? {
            var v = 0
            for i in from..<(from + len) {
                let c = u[b + i]
                guard c >= 48 && c <= 57 else { return nil }
                v = v * 10 + Int(c - 48)
            }
            return v
        }
        guard let y = num(0, 4), let m = num(5, 2), let d = num(8, 2) else { return nil }
        guard m >= 1 && m <= 12 && d >= 1 && d <= CivilDate.daysIn(month: m, year: y) else { return nil }
        return CivilDate(year: y, month: m, day: d)
    }

    public static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: return (year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)) ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }
}
