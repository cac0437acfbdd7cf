import QQData
import QQSyntax

/// The time functions of SPEC §8.
///
/// - `datetime(x)`: text in ISO 8601 (a literal that does not parse is an error; a
///   column's unparsable cells are null), a date (00:00 UTC), or an int of Unix seconds
///   (milliseconds above 1e11).
/// - `today()`: the date `set today` fixed, else the real one.
/// - `seconds(n) minutes(n) hours(n) days(n) weeks(n)`: durations (n int or float).
/// - `as_days(d)`, `as_hours(d)`: a duration as a float number of days or hours.
/// - `year month day hour weekday`: ints of a date or datetime (UTC); weekday is ISO,
///   1 = Monday … 7 = Sunday.
/// - `bin(t, DURATION)` floors to a multiple counted from 1970-01-01 (from Monday
///   1970-01-05 when the duration is whole weeks); `bin(t, "month")`, `bin(t, "year")`.
///   A date stays a date; a datetime stays a datetime.
extension Binder {
    package func bindTimeFunction(_ fn: ScalarFunction, _ f: Identifier, _ args: [BoundExpr], span: SourceSpan) throws(Diagnostic) -> BoundExpr {
        var args = args
        func time(_ i: Int) throws(Diagnostic) {
            guard [.date, .datetime, .null].contains(args[i].type) else {
                throw Diagnostic(.type, "'\(fn.rawValue)' needs a date or datetime, found \(TypeRules.name(args[i].type))", span: args[i].span)
            }
        }
        func duration(_ i: Int) throws(Diagnostic) {
            guard args[i].type == .duration || args[i].type == .null else {
                throw Diagnostic(.type, "'\(fn.rawValue)' needs a duration, found \(TypeRules.name(args[i].type))", span: args[i].span,
                                 hint: "make one with days(n), hours(n), …")
            }
        }
        let type: ValueType
        switch fn {
        case .datetime:
            try arity(f, args.count, 1...1)
            if case .literal(.string) = args[0].kind { return try coerceDate(args[0], to: .datetime).with(span: span) }
            guard [.string, .date, .datetime, .int, .null].contains(args[0].type) else {
                throw Diagnostic(.type, "'datetime' needs text like \"2024-01-31T12:00:00Z\", a date or Unix seconds, found \(TypeRules.name(args[0].type))",
                                 span: args[0].span)
            }
            type = .datetime
        case .today:
            try arity(f, args.count, 0...0)
            type = .date
        case .seconds, .minutes, .hours, .days, .weeks:
            try arity(f, args.count, 1...1)
            try numeric(args[0], fn.rawValue)
            type = .duration
        case .as_days, .as_hours:
            try arity(f, args.count, 1...1)
            try duration(0)
            type = .float
        case .year, .month, .day, .hour, .weekday:
            try arity(f, args.count, 1...1)
            args[0] = try coerceDate(args[0], to: .datetime)
            try time(0)
            type = .int
        case .bin:
            try arity(f, args.count, 2...2)
            try time(0)
            switch (args[1].kind, args[1].type) {
            case (.literal(.string(let unit)), _):
                guard unit == "month" || unit == "year" else {
                    throw Diagnostic(.type, "'bin' takes a duration, \"month\" or \"year\", found \"\(unit)\"", span: args[1].span)
                }
            case (_, .duration), (_, .null): break
            default:
                throw Diagnostic(.type, "'bin' takes a duration, \"month\" or \"year\", found \(TypeRules.name(args[1].type))",
                                 span: args[1].span, hint: "for example bin(time, days(7))")
            }
            type = args[0].type == .null ? .datetime : args[0].type
        default:
            throw Diagnostic(.internal, "internal error: '\(fn.rawValue)' is not a time function", span: span)
        }
        return BoundExpr(.function(fn, args), type: type, span: span)
    }
}

extension Binder {
    /// A positive duration known when binding (`days(1)`, `hours(6) * 2` is not): the
    /// argument of `max_gain`, part of its cache key.
    package func fixedDuration(_ e: BoundExpr, _ fn: String) throws(Diagnostic) -> Int64 {
        let units: [ScalarFunction: Int64] = [.seconds: DateTime.microsPerSecond, .minutes: DateTime.microsPerMinute,
                                              .hours: DateTime.microsPerHour, .days: DateTime.microsPerDay, .weeks: DateTime.microsPerWeek]
        if case .function(let f, let args) = e.kind, let unit = units[f], args.count == 1, case .literal(let v) = args[0].kind,
           let x = v.asDouble {
            let r = (x * Double(unit)).rounded()
            if r >= 1, r < 9.2e18 { return Int64(r) }
            throw Diagnostic(.type, "'\(fn)' needs a positive duration", span: e.span)
        }
        throw Diagnostic(.type, "'\(fn)' needs a fixed duration like days(1)", span: e.span,
                         hint: "write the length as seconds(n), minutes(n), hours(n), days(n) or weeks(n) with a number")
    }
}
