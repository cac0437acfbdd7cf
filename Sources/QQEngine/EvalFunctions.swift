import QQData

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import QQSyntax
import QQSemantic

extension Evaluator {
    /// Row-wise functions of SPEC §4. Math outside a function's domain (sqrt of a
    /// negative, ln of 0) gives null, as does any null argument — except `coalesce`,
    /// `if` and the many-argument `min`/`max`, which skip nulls.
    package func function(_ fn: ScalarFunction, _ args: [BoundExpr], _ e: BoundExpr) throws(Diagnostic) -> Column {
        switch fn {
        case .abs, .floor, .ceil, .round:
            let x = try eval(args[0])
            if case .int(let a) = x.storage, fn != .round || args.count == 1 {
                if fn != .abs { return x }
                var out = [Int64](repeating: 0, count: a.count)
                for i in 0..<a.count {
                    if a[i] == Int64.min && !x.isNull(i) { throw Diagnostic(.runtime, "integer overflow in 'abs'", span: e.span) }
                    out[i] = a[i] == Int64.min ? 0 : Swift.abs(a[i])
                }
                return Column(.int(out), valid: x.valid)
            }
            if fn == .round && args.count == 2 {
                let d = try eval(args[1])
                let digits = d.int64s
                return math(x.floatColumn, extra: d.valid) { v, i in
                    let p = powerOfTen(Int(clamping: digits[i]))
                    return (v * p).rounded(.toNearestOrAwayFromZero) / p
                }
            }
            switch fn {
            case .abs: return math(x.floatColumn) { v, _ in Swift.abs(v) }
            case .floor: return math(x.floatColumn) { v, _ in v.rounded(.down) }
            case .ceil: return math(x.floatColumn) { v, _ in v.rounded(.up) }
            default: return math(x.floatColumn) { v, _ in v.rounded(.toNearestOrAwayFromZero) }
            }
        case .sqrt: return math(try eval(args[0]).floatColumn) { v, _ in v < 0 ? .nan : v.squareRoot() }
        case .ln: return math(try eval(args[0]).floatColumn) { v, _ in v <= 0 ? .nan : Glibc.log(v) }
        case .log10: return math(try eval(args[0]).floatColumn) { v, _ in v <= 0 ? .nan : Glibc.log10(v) }
        case .exp: return math(try eval(args[0]).floatColumn) { v, _ in Glibc.exp(v) }
        case .pow:
            let y = try eval(args[1]).floatColumn
            let yv = y.doubles
            return math(try eval(args[0]).floatColumn, extra: y.valid) { v, i in Glibc.pow(v, yv[i]) }
        case .min, .max, .coalesce:
            var columns: [Column] = []
            for a in args { columns.append(try cast(try eval(a), to: e.type)) }
            return pick(columns, type: e.type) { row in
                var best = -1
                for (k, c) in columns.enumerated() where !c.isNull(row) {
                    if fn == .coalesce { return k }
                    if best < 0 { best = k; continue }
                    let o = Evaluator.order(c[row], columns[best][row])
                    if (fn == .min && o < 0) || (fn == .max && o > 0) { best = k }
                }
                return best
            }
        case .if:
            let cond = try eval(args[0])
            let truth = boolValues(cond)
            let a = try cast(try eval(args[1]), to: e.type), b = try cast(try eval(args[2]), to: e.type)
            return pick([a, b], type: e.type) { row in
                let k = truth[row] && !cond.isNull(row) ? 0 : 1
                return (k == 0 ? a : b).isNull(row) ? -1 : k
            }
        case .lower, .upper:
            return strings(try eval(args[0])) { fn == .lower ? $0.lowercased() : $0.uppercased() }
        case .len:
            let x = try eval(args[0])
            guard case .string(let s) = x.storage else { return Column.repeating(.null, count: count, type: .int) }
            var out = [Int64](repeating: 0, count: count)
            for i in 0..<count where !x.isNull(i) { out[i] = Int64(s[i].count) }
            return Column(.int(out), valid: x.valid)
        case .str:
            return try cast(try eval(args[0]), to: .string)
        case .datetime, .today, .seconds, .minutes, .hours, .days, .weeks, .as_days, .as_hours,
             .year, .month, .day, .hour, .weekday, .bin:
            return try timeFunction(fn, args, e)
        case .substr, .replace, .extract, .split_part, .trim:
            return try textFunction(fn, args, e)
        case .days_since:
            let x = try eval(args[0])
            if case .datetime(let t) = x.storage {
                return Column(.int(t.map { Int64(rt.today) - DateTime.day($0) }), valid: x.valid)
            }
            guard case .date(let d) = x.storage else { return Column.repeating(.null, count: count, type: .int) }
            return Column(.int(d.map { Int64(rt.today) - Int64($0) }), valid: x.valid)
        case .date:
            let x = try eval(args[0])
            if case .date = x.storage { return x }
            if case .datetime(let t) = x.storage {
                return Column(.date(t.map { Int32(clamping: DateTime.day($0)) }), valid: x.valid)
            }
            guard case .string(let s) = x.storage else { return Column.repeating(.null, count: count, type: .date) }
            var out = [Int32](repeating: 0, count: count)
            var bad: [Int] = []
            for i in 0..<count {
                if x.isNull(i) { continue }
                if let d = CivilDate.parse(bytes: s.bytes[s.range(i)]) { out[i] = d.daysSinceEpoch }
                else if let t = s.bytes.withUnsafeBufferPointer({ DateTime.parse(UnsafeBufferPointer(rebasing: $0[s.range(i)])) }) {
                    // A datetime's text: the day it falls on (UTC).
                    out[i] = Int32(clamping: DateTime.day(t))
                } else { bad.append(i) }
            }
            var valid = x.valid
            clear(&valid, bad)
            return Column(.date(out), valid: valid)
        }
    }

    /// Applies `f` to every value of a float column; NaN and infinite results become null.
    package func math(_ x: Column, extra: Bitmap? = nil, _ f: (Double, Int) -> Double) -> Column {
        let v = x.doubles
        var out = [Double](repeating: 0, count: v.count)
        var bad: [Int] = []
        for i in 0..<v.count {
            let r = f(v[i], i)
            if r.isFinite { out[i] = r } else { bad.append(i) }
        }
        var valid = Bitmap.and(x.valid, extra)
        clear(&valid, bad)
        return Column(.float(out), valid: valid)
    }

    /// A string column mapped row by row.
    package func strings(_ x: Column, _ f: (String) -> String) -> Column {
        guard case .string(let s) = x.storage else { return Column.repeating(.null, count: count, type: .string) }
        var out = StringStore()
        for i in 0..<count { if x.isNull(i) { out.appendEmpty() } else { out.append(f(s[i])) } }
        return Column(.string(out), valid: x.valid)
    }

    /// Builds a column taking each row from one of `columns` (`choose` returns its
    /// index, or -1 for null).
    package func pick(_ columns: [Column], type: ValueType, _ choose: (Int) -> Int) -> Column {
        var b = ColumnBuilder(type: type, capacity: count)
        for i in 0..<count {
            let k = choose(i)
            if k < 0 { b.appendNull() } else { b.append(columns[k][i]) }
        }
        return b.finish()
    }

    /// Orders two non-null values of one type (numbers by value, text by bytes).
    package static func order(_ a: Value, _ b: Value) -> Int {
        switch (a, b) {
        case (.int(let x), .int(let y)): return x < y ? -1 : (x > y ? 1 : 0)
        case (.date(let x), .date(let y)): return x < y ? -1 : (x > y ? 1 : 0)
        case (.datetime(let x), .datetime(let y)), (.duration(let x), .duration(let y)): return x < y ? -1 : (x > y ? 1 : 0)
        case (.bool(let x), .bool(let y)): return x == y ? 0 : (x ? 1 : -1)
        case (.string(let x), .string(let y)):
            let xs = Array(x.utf8), ys = Array(y.utf8)
            return xs.lexicographicallyPrecedes(ys) ? -1 : (xs == ys ? 0 : 1)
        default:
            let x = a.asDouble ?? 0, y = b.asDouble ?? 0
            return x < y ? -1 : (x > y ? 1 : 0)
        }
    }
}

/// 10^n as a Double (n clamped to ±308).
package func powerOfTen(_ n: Int) -> Double { Glibc.pow(10, Double(max(-308, min(308, n)))) }
