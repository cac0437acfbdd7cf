import QQData
import QQSyntax
import QQSemantic

extension Evaluator {
    /// `+ - * / %` over two operands. Ints stay ints (overflow is an error, not a
    /// wrap); `/` gives float; division or remainder by zero gives null; `%` keeps the
    /// dividend's sign (SQL's MOD); dates move by whole days.
    package func arithmetic(_ op: BinaryOp, _ a: BoundExpr, _ b: BoundExpr, _ e: BoundExpr) throws(Diagnostic) -> Column {
        if a.type == .null || b.type == .null { return Column.repeating(.null, count: count, type: e.type) }
        if let c = try timeArithmetic(op, a, b, e) { return c }
        var ca = try operand(a).column(count, a.type)
        var cb = try operand(b).column(count, b.type)
        if e.type == .float { ca = ca.floatColumn; cb = cb.floatColumn }
        var valid = Bitmap.and(ca.valid, cb.valid)
        switch (ca.storage, cb.storage, e.type) {
        case (.float(let x), .float(let y), .float):
            var out = [Double](repeating: 0, count: count)
            var zero: [Int] = []
            x.withUnsafeBufferPointer { xp in y.withUnsafeBufferPointer { yp in out.withUnsafeMutableBufferPointer { o in
                switch op {
                case .add: for i in 0..<o.count { o[i] = xp[i] + yp[i] }
                case .sub: for i in 0..<o.count { o[i] = xp[i] - yp[i] }
                case .mul: for i in 0..<o.count { o[i] = xp[i] * yp[i] }
                case .div: for i in 0..<o.count { if yp[i] == 0 { zero.append(i) } else { o[i] = xp[i] / yp[i] } }
                default: for i in 0..<o.count { if yp[i] == 0 { zero.append(i) } else { o[i] = xp[i].truncatingRemainder(dividingBy: yp[i]) } }
                }
            } } }
            clear(&valid, zero)
            return Column(.float(out), valid: valid)
        case (.int(let x), .int(let y), .int):
            var out = [Int64](repeating: 0, count: count)
            var zero: [Int] = []
            var overflow = -1
            x.withUnsafeBufferPointer { xp in y.withUnsafeBufferPointer { yp in out.withUnsafeMutableBufferPointer { o in
                for i in 0..<o.count {
                    let r: (partialValue: Int64, overflow: Bool)
                    switch op {
                    case .add: r = xp[i].addingReportingOverflow(yp[i])
                    case .sub: r = xp[i].subtractingReportingOverflow(yp[i])
                    case .mul: r = xp[i].multipliedReportingOverflow(by: yp[i])
                    default:
                        if yp[i] == 0 { zero.append(i); continue }
                        r = xp[i].remainderReportingOverflow(dividingBy: yp[i])
                    }
                    o[i] = r.partialValue
                    if r.overflow && overflow < 0 { overflow = i }
                }
            } } }
            if overflow >= 0 && (valid?.bit(overflow) ?? true) {
                throw Diagnostic(.runtime, "integer overflow in '\(op.rawValue)'", span: e.span, hint: "use a float, e.g. 1.0 * x")
            }
            clear(&valid, zero)
            return Column(.int(out), valid: valid)
        case (.date(let x), .int(let y), .date), (.int(let y), .date(let x), .date):
            var out = [Int32](repeating: 0, count: count)
            for i in 0..<count {
                // Checked: `date + 9223372036854775807` is an error, never a trap or a wrap.
                let r = op == .sub ? Int64(x[i]).subtractingReportingOverflow(y[i]) : Int64(x[i]).addingReportingOverflow(y[i])
                if r.overflow || r.partialValue < Int64(Int32.min) || r.partialValue > Int64(Int32.max) {
                    if valid?.bit(i) ?? true {
                        throw Diagnostic(.runtime, "date out of range in '\(op.rawValue)'", span: e.span,
                                         hint: "a date moves by at most 2,147,483,647 days")
                    }
                    continue
                }
                out[i] = Int32(r.partialValue)
            }
            return Column(.date(out), valid: valid)
        case (.date(let x), .date(let y), .int):
            var out = [Int64](repeating: 0, count: count)
            for i in 0..<count { out[i] = Int64(x[i]) - Int64(y[i]) }
            return Column(.int(out), valid: valid)
        case (.string(let x), .string(let y), .string):
            var s = StringStore()
            s.bytes.reserveCapacity(x.bytes.count + y.bytes.count)
            for i in 0..<count {
                s.bytes.append(contentsOf: x.bytes[x.range(i)])
                s.append(utf8: y.bytes[y.range(i)])
            }
            return Column(.string(s), valid: valid)
        default:
            throw Diagnostic(.internal, "internal error: no arithmetic for \(ca.type.rawValue) \(op.rawValue) \(cb.type.rawValue)", span: e.span)
        }
    }

    /// Clears the validity of `rows` (results that are null, like division by zero).
    package func clear(_ valid: inout Bitmap?, _ rows: [Int]) {
        guard !rows.isEmpty else { return }
        if valid == nil { valid = Bitmap(count: count, value: true) }
        for i in rows { valid![i] = false }
    }

    /// `-x` and `not x`.
    package func unary(_ op: UnaryOp, _ c: Column, _ type: ValueType, span: SourceSpan? = nil) throws(Diagnostic) -> Column {
        switch (op, c.storage) {
        case (.not, .bool(let a)): return Column(.bool(a.map { !$0 }), valid: c.valid)
        case (.negate, .int(let a)):
            var out = [Int64](repeating: 0, count: a.count)
            for i in 0..<a.count {
                let r = Int64(0).subtractingReportingOverflow(a[i])
                if r.overflow && !c.isNull(i) { throw Diagnostic(.runtime, "integer overflow in '-'", span: span, hint: "use a float, e.g. -1.0 * x") }
                out[i] = r.partialValue
            }
            return Column(.int(out), valid: c.valid)
        case (.negate, .float(let a)): return Column(.float(a.map { -$0 }), valid: c.valid)
        case (.negate, .duration(let a)):
            var out = [Int64](repeating: 0, count: a.count)
            for i in 0..<a.count where !c.isNull(i) {
                let r = Int64(0).subtractingReportingOverflow(a[i])
                if r.overflow { throw Diagnostic(.runtime, "time overflow in '-'") }
                out[i] = r.partialValue
            }
            return Column(.duration(out), valid: c.valid)
        case (.plus, _): return c
        default: return Column.repeating(.null, count: c.count, type: type)
        }
    }
}
