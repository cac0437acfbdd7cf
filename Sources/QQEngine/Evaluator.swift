import QQData
import QQSyntax
import QQSemantic

/// Evaluates bound expressions over a frame's rows, one column at a time
/// (vectorised: every kernel loops over flat arrays; no row objects). Null semantics
/// follow SQL: operators and functions on null give null, `and`/`or` use
/// three-valued logic, division by zero gives null.
///
/// `count` is the length of the result: the frame's row count, or 1 when evaluating
/// a value that is the same for every row (aggregates then still see every row).
package struct Evaluator {
    package let frame: Frame
    package let rt: Runtime
    package let count: Int

    package init(frame: Frame, rt: Runtime, count: Int? = nil) {
        self.frame = frame; self.rt = rt; self.count = count ?? frame.count
    }

    /// An evaluator with no rows, for values (`print 1 + 2`, `top N` counts).
    package static func values(_ rt: Runtime) -> Evaluator {
        Evaluator(frame: Frame(names: [], refs: [], rows: nil, count: 1, kind: .plain, generation: 0), rt: rt, count: 1)
    }

    /// The expression's values for every row, as a column of its bound type.
    package func eval(_ e: BoundExpr) throws(Diagnostic) -> Column {
        if count != 1 && isInvariant(e) {
            return Column.repeating(try value(e), count: count, type: e.type)
        }
        return try cast(try evalNode(e), to: e.type)
    }

    /// The value of an expression that is the same for every row.
    package func value(_ e: BoundExpr) throws(Diagnostic) -> Value {
        let one = Evaluator(frame: frame, rt: rt, count: 1)
        let c = try one.cast(try one.evalNode(e), to: e.type)
        return c.count == 0 ? .null : c[0]
    }

    /// An operand: a scalar when it does not vary by row, else a column.
    package func operand(_ e: BoundExpr) throws(Diagnostic) -> Vec {
        isInvariant(e) && count != 1 ? .scalar(try value(e)) : .column(try eval(e))
    }

    /// True when no part of `e` reads a row (aggregates over the rows count as one value).
    package func isInvariant(_ e: BoundExpr) -> Bool {
        switch e.kind {
        case .literal, .accountCell, .subquery, .aggregate: return true
        case .column, .accountColumn, .columnwise: return false
        case .unary(_, let a), .isNull(let a, _), .inSet(let a, _, _, _): return isInvariant(a)
        case .binary(_, let a, let b), .overlap(let a, let b): return isInvariant(a) && isInvariant(b)
        case .inList(let a, let l, _): return isInvariant(a) && l.allSatisfy(isInvariant)
        case .between(let a, let b, let c, _): return isInvariant(a) && isInvariant(b) && isInvariant(c)
        case .function(_, let args): return args.allSatisfy(isInvariant)
        }
    }

    private func evalNode(_ e: BoundExpr) throws(Diagnostic) -> Column {
        switch e.kind {
        case .literal(let v):
            return Column.repeating(v, count: count, type: e.type)
        case .column(let i):
            guard i < frame.refs.count else { throw Diagnostic(.internal, "internal error: column \(i) out of range", span: e.span) }
            return frame.column(i)
        case .accountColumn(let col, let via):
            let full = try rt.accountColumn(col)
            if via == .row && frame.rows == nil && frame.count == full.count { return full }
            return Gather.column(full, frame.accountIDs(via))
        case .accountCell(let handle, let col):
            guard let id = rt.dataset.handles.id(of: handle) else {
                throw Diagnostic(.name, "unknown account '@\(handle)'", span: e.span)
            }
            return Column.repeating(try rt.accountColumn(col)[Int(id)], count: count, type: e.type)
        case .unary(let op, let a):
            return try unary(op, try eval(a), e.type, span: e.span)
        case .binary(let op, let a, let b):
            switch op {
            case .add, .sub, .mul, .div, .mod: return try arithmetic(op, a, b, e)
            case .eq, .ne, .lt, .le, .gt, .ge: return try compare(op, try operand(a), try operand(b), a.type, b.type)
            case .and, .or: return logic(op, try eval(a), try eval(b))
            case .contains, .startswith, .endswith, .matches: return try text(op, a, b, e.span)
            }
        case .inList(let x, let items, let negated):
            return try inList(x, items, negated: negated)
        case .between(let x, let lo, let hi, let negated):
            let vx = try operand(x)
            let ge = try compare(.ge, vx, try operand(lo), x.type, lo.type)
            let le = try compare(.le, vx, try operand(hi), x.type, hi.type)
            let both = logic(.and, ge, le)
            return negated ? try unary(.not, both, .bool) : both
        case .isNull(let x, let negated):
            let c = try eval(x)
            var out = [Bool](repeating: negated, count: count)
            if case .null = c.storage { return Column(.bool([Bool](repeating: !negated, count: count))) }
            if let v = c.valid { for i in 0..<count where !v.bit(i) { out[i] = !negated } }
            return Column(.bool(out))
        case .function(let fn, let args):
            return try function(fn, args, e)
        case .columnwise(let fn, let x):
            return try columnwise(fn, try eval(x))
        case .aggregate(let fn, let arg, let param):
            let rows = Evaluator(frame: frame, rt: rt)
            if fn.pairsColumns, let arg, let param {
                let c = try Aggregates.agreement(fn, try rows.eval(arg), try rows.eval(param), groups: .single(frame.count))
                return Column.repeating(c.count > 0 ? c[0] : .null, count: count, type: e.type)
            }
            let v = try Aggregates.fold(fn, argument: try arg.map { (a) throws(Diagnostic) in try rows.eval(a) },
                                        parameter: try param.map { (p) throws(Diagnostic) in try value(p) },
                                        rows: nil, count: frame.count, type: e.type, span: e.span)
            return Column.repeating(v, count: count, type: e.type)
        case .overlap(let a, let b):
            let ha = try value(a), hb = try value(b)
            guard case .string(let x) = ha, case .string(let y) = hb else { return Column.repeating(.null, count: count, type: .float) }
            guard let ia = rt.dataset.handles.id(of: x) else { throw Diagnostic(.name, "unknown account '@\(x)'", span: a.span) }
            guard let ib = rt.dataset.handles.id(of: y) else { throw Diagnostic(.name, "unknown account '@\(y)'", span: b.span) }
            return Column.repeating(GraphKernels.overlap(rt.dataset, ia, ib).map { .float($0) } ?? .null, count: count, type: .float)
        case .subquery(let plan):
            return Column.repeating(try Executor(rt: rt).scalar(plan, span: e.span), count: count, type: e.type)
        case .inSet(let x, let plan, let negated, let asText):
            let set = try Executor(rt: rt).frame(plan)
            guard set.refs.count == 1 else {
                throw Diagnostic(.internal, "internal error: 'in' table has \(set.refs.count) columns", span: e.span)
            }
            let vx = try eval(x)
            if case .null = vx.storage { return Column.repeating(.null, count: count, type: .bool) }
            return try Membership.test(vx, set.column(0), negated: negated, asText: asText, count: count)
        }
    }

    /// Converts a column to the bound type (int → float where types were widened).
    package func cast(_ c: Column, to type: ValueType) throws(Diagnostic) -> Column {
        if c.type == type || type == .null { return c }
        switch (c.storage, type) {
        case (.int(let a), .float): return Column(.float(a.map { Double($0) }), valid: c.valid)
        case (.date, .datetime): return try toDatetime(c, span: nil)
        case (.null(let n), _): return Column.repeating(.null, count: n, type: type)
        case (_, .string):
            var s = StringStore()
            for i in 0..<c.count { if c.isNull(i) { s.appendEmpty() } else { s.append(c[i].description) } }
            return Column(.string(s), valid: c.valid)
        default:
            throw Diagnostic(.internal, "internal error: cannot convert \(c.type.rawValue) to \(type.rawValue)")
        }
    }
}
