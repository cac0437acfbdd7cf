import QQData
import QQSyntax
import QQSemantic

/// Time functions and arithmetic of SPEC §8 (typing in `Binder+Time.swift`). All
/// arithmetic on microseconds is checked: an overflow is an error at the expression,
/// never a wrap or a trap.
extension Evaluator {
    package func timeFunction(_ fn: ScalarFunction, _ args: [BoundExpr], _ e: BoundExpr) throws(Diagnostic) -> Column {
        switch fn {
        case .today:
            return Column.repeating(.date(rt.today), count: count, type: .date)
        case .datetime:
            return try toDatetime(try eval(args[0]), span: e.span)
        case .seconds, .minutes, .hours, .days, .weeks:
            let unit: Int64 = fn == .seconds ? DateTime.microsPerSecond : fn == .minutes ? DateTime.microsPerMinute
                : fn == .hours ? DateTime.microsPerHour : fn == .days ? DateTime.microsPerDay : DateTime.microsPerWeek
            let x = try eval(args[0])
            var out = [Int64](repeating: 0, count: count)
            switch x.storage {
            case .int(let a):
                for i in 0..<count where !x.isNull(i) {
                    let (r, o) = a[i].multipliedReportingOverflow(by: unit)
                    if o { throw overflow(e) }
                    out[i] = r
                }
            case .float(let a):
                for i in 0..<count where !x.isNull(i) {
                    let r = (a[i] * Double(unit)).rounded()
                    guard r.isFinite, let v = Int64(exactly: r) else { throw overflow(e) }
                    out[i] = v
                }
            default: return Column.repeating(.null, count: count, type: .duration)
            }
            return Column(.duration(out), valid: x.valid)
        case .as_days, .as_hours:
            let x = try eval(args[0])
            guard case .duration(let a) = x.storage else { return Column.repeating(.null, count: count, type: .float) }
            let unit = Double(fn == .as_days ? DateTime.microsPerDay : DateTime.microsPerHour)
            return Column(.float(a.map { Double($0) / unit }), valid: x.valid)
        case .year, .month, .day, .hour, .weekday:
            let x = try eval(args[0])
            let t = try toDatetime(x, span: e.span)
            guard case .datetime(let a) = t.storage else { return Column.repeating(.null, count: count, type: .int) }
            var out = [Int64](repeating: 0, count: count)
            for i in 0..<count where !t.isNull(i) {
                switch fn {
                case .year: out[i] = Int64(DateTime.civil(a[i]).year)
                case .month: out[i] = Int64(DateTime.civil(a[i]).month)
                case .day: out[i] = Int64(DateTime.civil(a[i]).day)
                case .hour: out[i] = DateTime.hour(a[i])
                default: out[i] = DateTime.weekday(day: DateTime.day(a[i]))
                }
            }
            return Column(.int(out), valid: t.valid)
        case .bin:
            let x = try eval(args[0])
            let t = try toDatetime(x, span: e.span)
            guard case .datetime(let a) = t.storage else { return Column.repeating(.null, count: count, type: e.type) }
            var out = [Int64](repeating: 0, count: count)
            var valid = t.valid
            if case .literal(.string(let unit)) = args[1].kind {
                for i in 0..<count where !t.isNull(i) { out[i] = unit == "year" ? DateTime.floorYear(a[i]) : DateTime.floorMonth(a[i]) }
            } else {
                let w = try eval(args[1])
                guard case .duration(let width) = w.storage else { return Column.repeating(.null, count: count, type: e.type) }
                valid = Bitmap.and(valid, w.valid)
                for i in 0..<count where !t.isNull(i) && !w.isNull(i) {
                    guard width[i] > 0 else {
                        throw Diagnostic(.runtime, "'bin' needs a positive duration, found \(DateTime.formatDuration(width[i]))", span: args[1].span)
                    }
                    let origin = width[i] % DateTime.microsPerWeek == 0 ? DateTime.firstMonday : 0
                    guard let f = DateTime.floor(a[i], width: width[i], origin: origin) else { throw overflow(e) }
                    out[i] = f
                }
            }
            if e.type == .date {
                return Column(.date(out.map { Int32(clamping: DateTime.day($0)) }), valid: valid)
            }
            return Column(.datetime(out), valid: valid)
        default:
            throw Diagnostic(.internal, "internal error: '\(fn.rawValue)' is not a time function", span: e.span)
        }
    }

    func overflow(_ e: BoundExpr) -> Diagnostic {
        Diagnostic(.runtime, "time overflow: the result is out of range", span: e.span)
    }

    /// A date, datetime, text or Unix-seconds column as datetimes (text that does not
    /// parse gives null).
    package func toDatetime(_ x: Column, span: SourceSpan?) throws(Diagnostic) -> Column {
        switch x.storage {
        case .datetime: return x
        case .date(let d): return Column(.datetime(d.map { DateTime.micros(day: $0) }), valid: x.valid)
        case .int(let a):
            var out = [Int64](repeating: 0, count: a.count)
            for i in 0..<a.count where !x.isNull(i) {
                guard let t = DateTime.fromUnix(a[i]) else {
                    throw Diagnostic(.runtime, "time overflow: \(a[i]) is out of range as Unix time", span: span)
                }
                out[i] = t
            }
            return Column(.datetime(out), valid: x.valid)
        case .string(let s):
            var out = [Int64](repeating: 0, count: s.count)
            var bad: [Int] = []
            s.bytes.withUnsafeBufferPointer { b in
                for i in 0..<s.count where !x.isNull(i) {
                    if let t = DateTime.parse(UnsafeBufferPointer(rebasing: b[s.range(i)]), dateOnly: true) { out[i] = t } else { bad.append(i) }
                }
            }
            var valid = x.valid
            clear(&valid, bad)
            return Column(.datetime(out), valid: valid)
        default:
            return Column.repeating(.null, count: x.count, type: .datetime)
        }
    }

    /// Arithmetic where a datetime or duration takes part (nil: not such a case).
    package func timeArithmetic(_ op: BinaryOp, _ a: BoundExpr, _ b: BoundExpr, _ e: BoundExpr) throws(Diagnostic) -> Column? {
        let timed: Set<ValueType> = [.datetime, .duration]
        guard timed.contains(e.type) || timed.contains(a.type) || timed.contains(b.type) else { return nil }
        var ca = try operand(a).column(count, a.type)
        var cb = try operand(b).column(count, b.type)
        if a.type == .date && b.type != .int { ca = try toDatetime(ca, span: a.span) }
        if b.type == .date && a.type != .int { cb = try toDatetime(cb, span: b.span) }
        let x = ca.int64s, y = cb.int64s
        let valid = Bitmap.and(ca.valid, cb.valid)
        if e.type == .float {
            // duration / duration
            var out = [Double](repeating: 0, count: count)
            var zero: [Int] = []
            for i in 0..<count { if y[i] == 0 { zero.append(i) } else { out[i] = Double(x[i]) / Double(y[i]) } }
            var v = valid
            clear(&v, zero)
            return Column(.float(out), valid: v)
        }
        var out = [Int64](repeating: 0, count: count)
        for i in 0..<count where valid?.bit(i) ?? true {
            let r: (partialValue: Int64, overflow: Bool)
            switch op {
            case .add: r = x[i].addingReportingOverflow(y[i])
            case .sub: r = x[i].subtractingReportingOverflow(y[i])
            case .mul: r = x[i].multipliedReportingOverflow(by: y[i])
            default: throw Diagnostic(.internal, "internal error: no time arithmetic for '\(op.rawValue)'", span: e.span)
            }
            if r.overflow { throw overflow(e) }
            out[i] = r.partialValue
        }
        return Column(e.type == .datetime ? .datetime(out) : .duration(out), valid: valid)
    }
}
