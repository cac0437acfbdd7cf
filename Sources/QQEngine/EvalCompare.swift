import QQData
import QQSyntax
import QQSemantic

extension Evaluator {
    /// `== != < <= > >=` giving a bool column; null on either side gives null.
    /// Numbers compare as ints when both are ints, else as floats; strings compare by
    /// UTF-8 bytes (code point order); dates and bools by their stored integers.
    package func compare(_ op: BinaryOp, _ a: Vec, _ b: Vec, _ ta: ValueType, _ tb: ValueType) throws(Diagnostic) -> Column {
        if ta == .null || tb == .null { return Column.repeating(.null, count: count, type: .bool) }
        if ta != tb && [ta, tb].allSatisfy({ $0 == .date || $0 == .datetime }) {
            // A date meeting a datetime means 00:00 UTC of that day.
            func promote(_ v: Vec, _ t: ValueType) throws(Diagnostic) -> Vec {
                guard t == .date else { return v }
                switch v {
                case .scalar(.date(let d)): return .scalar(.datetime(DateTime.micros(day: d)))
                case .scalar(let x): return .scalar(x)
                case .column(let c): return .column(try toDatetime(c, span: nil))
                }
            }
            return try compare(op, try promote(a, ta), try promote(b, tb), .datetime, .datetime)
        }
        let t: ValueType = ta == tb ? ta : .float
        var out = [Bool](repeating: false, count: count)
        var valid: Bitmap?
        switch t {
        case .string:
            switch (a, b) {
            case (.column(let ca), .scalar(.string(let k))), (.scalar(.string(let k)), .column(let ca)):
                guard case .string(let x) = ca.storage else { break }
                let flip: Bool = { if case .scalar = a { return true } else { return false } }()
                StringCompare.compare(flip ? op.flipped : op, x, Array(k.utf8), &out)
                valid = ca.valid
            default:
                let ca = a.column(count, .string), cb = b.column(count, .string)
                valid = Bitmap.and(ca.valid, cb.valid)
                guard case .string(let x) = ca.storage, case .string(let y) = cb.storage else { break }
                StringCompare.compare(op, x, y, &out)
            }
        case .float:
            valid = try numericCompare(op, a, b, ta, tb, as: Double.self, &out) { c in c.doubles }
        default:
            valid = try numericCompare(op, a, b, ta, tb, as: Int64.self, &out) { c in c.int64s }
        }
        return Column(.bool(out), valid: valid)
    }

    /// Compares two numeric operands as `T`, with a fast path for column-vs-scalar.
    private func numericCompare<T: Comparable>(_ op: BinaryOp, _ a: Vec, _ b: Vec, _ ta: ValueType, _ tb: ValueType,
                                               as: T.Type, _ out: inout [Bool],
                                               _ values: (Column) -> [T]) throws(Diagnostic) -> Bitmap? {
        switch (a, b) {
        case (.column(let ca), .scalar(let v)):
            guard let k = values(Column.from([v])).first, !v.isNull else {
                return Bitmap(count: count, value: false)
            }
            Kernels.compare(op, values(ca), k, &out)
            return ca.valid
        case (.scalar(let v), .column(let cb)):
            guard let k = values(Column.from([v])).first, !v.isNull else {
                return Bitmap(count: count, value: false)
            }
            Kernels.compare(op.flipped, values(cb), k, &out)
            return cb.valid
        default:
            let ca = a.column(count, ta), cb = b.column(count, tb)
            Kernels.compare(op, values(ca), values(cb), &out)
            return Bitmap.and(ca.valid, cb.valid)
        }
    }

    /// `x [not] in (a, b, …)`: true when x equals one of them; otherwise null when x
    /// or an item is null (SQL), else false.
    package func inList(_ x: BoundExpr, _ items: [BoundExpr], negated: Bool) throws(Diagnostic) -> Column {
        let vx = try operand(x)
        var acc = Column.repeating(.bool(false), count: count, type: .bool)
        for item in items {
            let eq = try compare(.eq, vx, try operand(item), x.type, item.type)
            acc = logic(.or, acc, eq)
        }
        return negated ? try unary(.not, acc, .bool) : acc
    }

    /// Three-valued `and` / `or`: false and anything is false, true or anything is
    /// true, otherwise null wins.
    package func logic(_ op: BinaryOp, _ a: Column, _ b: Column) -> Column {
        let n = count
        let av = boolValues(a), bv = boolValues(b)
        if a.valid == nil && b.valid == nil, case .bool = a.storage, case .bool = b.storage {
            var out = [Bool](repeating: false, count: n)
            if op == .and { for i in 0..<n { out[i] = av[i] && bv[i] } } else { for i in 0..<n { out[i] = av[i] || bv[i] } }
            return Column(.bool(out))
        }
        var out = [Bool](repeating: false, count: n)
        var valid = Bitmap(count: n, value: true)
        var nulls = 0
        for i in 0..<n {
            let an = a.isNull(i), bn = b.isNull(i)
            let x = av[i], y = bv[i]
            if op == .and {
                if (!an && !x) || (!bn && !y) { out[i] = false }
                else if an || bn { valid[i] = false; nulls += 1 }
                else { out[i] = true }
            } else {
                if (!an && x) || (!bn && y) { out[i] = true }
                else if an || bn { valid[i] = false; nulls += 1 }
                else { out[i] = false }
            }
        }
        return Column(.bool(out), valid: nulls == 0 ? nil : valid)
    }

    /// The raw bools of a bool column (false for null cells and non-bool columns).
    package func boolValues(_ c: Column) -> [Bool] {
        if case .bool(let a) = c.storage { return a }
        return [Bool](repeating: false, count: c.count)
    }
}

extension BinaryOp {
    /// The operator with its operands swapped (`a < b` is `b > a`).
    package var flipped: BinaryOp {
        switch self {
        case .lt: return .gt
        case .le: return .ge
        case .gt: return .lt
        case .ge: return .le
        default: return self
        }
    }
}

extension Column {
    /// Ints, dates and bools as Int64 (null cells hold 0).
    package var int64s: [Int64] {
        switch storage {
        case .int(let a): return a
        case .date(let a): return a.map { Int64($0) }
        case .datetime(let a), .duration(let a): return a
        case .bool(let a): return a.map { $0 ? 1 : 0 }
        case .float(let a): return a.map { Int64(exactly: $0.rounded(.towardZero)) ?? 0 }
        case .null(let n): return [Int64](repeating: 0, count: n)
        case .string(let s): return [Int64](repeating: 0, count: s.count)
        }
    }
}

/// The comparison loops, generic so each element type gets its own specialised loop.
package enum Kernels {
    @inline(__always)
    package static func test<T: Comparable>(_ op: BinaryOp, _ x: T, _ y: T) -> Bool {
        switch op {
        case .eq: return x == y
        case .ne: return x != y
        case .lt: return x < y
        case .le: return x <= y
        case .gt: return x > y
        default: return x >= y
        }
    }

    package static func compare<T: Comparable>(_ op: BinaryOp, _ x: [T], _ k: T, _ out: inout [Bool]) {
        x.withUnsafeBufferPointer { xp in out.withUnsafeMutableBufferPointer { o in
            switch op {
            case .eq: for i in 0..<o.count { o[i] = xp[i] == k }
            case .ne: for i in 0..<o.count { o[i] = xp[i] != k }
            case .lt: for i in 0..<o.count { o[i] = xp[i] < k }
            case .le: for i in 0..<o.count { o[i] = xp[i] <= k }
            case .gt: for i in 0..<o.count { o[i] = xp[i] > k }
            default: for i in 0..<o.count { o[i] = xp[i] >= k }
            }
        } }
    }

    package static func compare<T: Comparable>(_ op: BinaryOp, _ x: [T], _ y: [T], _ out: inout [Bool]) {
        x.withUnsafeBufferPointer { xp in y.withUnsafeBufferPointer { yp in out.withUnsafeMutableBufferPointer { o in
            for i in 0..<o.count { o[i] = test(op, xp[i], yp[i]) }
        } } }
    }
}

/// Byte-wise comparison of strings held in `StringStore`s.
package enum StringCompare {
    /// -1, 0 or 1 comparing row i of `x` with row j of `y`.
    @inline(__always)
    package static func order(_ x: UnsafeBufferPointer<UInt8>, _ xr: Range<Int>, _ y: UnsafeBufferPointer<UInt8>, _ yr: Range<Int>) -> Int {
        let n = min(xr.count, yr.count)
        var k = 0
        while k < n {
            let a = x[xr.lowerBound + k], b = y[yr.lowerBound + k]
            if a != b { return a < b ? -1 : 1 }
            k += 1
        }
        return xr.count == yr.count ? 0 : (xr.count < yr.count ? -1 : 1)
    }

    /// Every row of `x` against the constant `k`.
    package static func compare(_ op: BinaryOp, _ x: StringStore, _ k: [UInt8], _ out: inout [Bool]) {
        x.bytes.withUnsafeBufferPointer { xb in k.withUnsafeBufferPointer { kb in
            for i in 0..<out.count {
                out[i] = Kernels.test(op, order(xb, x.range(i), kb, 0..<kb.count), 0)
            }
        } }
    }

    package static func compare(_ op: BinaryOp, _ x: StringStore, _ y: StringStore, _ out: inout [Bool]) {
        x.bytes.withUnsafeBufferPointer { xb in y.bytes.withUnsafeBufferPointer { yb in
            for i in 0..<out.count {
                let c = order(xb, x.range(i), yb, y.range(i))
                out[i] = Kernels.test(op, c, 0)
            }
        } }
    }
}
