import QQData
import QQSyntax
import QQSemantic

extension Evaluator {
    /// `contains`, `startswith`, `endswith` (ignoring ASCII case, as KQL's operators
    /// do) and `matches` (a regular expression; see `RegexProgram`).
    package func text(_ op: BinaryOp, _ a: BoundExpr, _ b: BoundExpr, _ span: SourceSpan) throws(Diagnostic) -> Column {
        if a.type == .null || b.type == .null { return Column.repeating(.null, count: count, type: .bool) }
        let ca = try eval(a)
        guard case .string(let x) = ca.storage else { return Column.repeating(.null, count: count, type: .bool) }
        var out = [Bool](repeating: false, count: count)
        var valid = ca.valid
        switch try operand(b) {
        case .scalar(.string(let needle)):
            if op == .matches {
                let program = try compile(needle, span: b.span)
                do { try matchAll(program, x, valid, &out) } catch { throw error.kind == .cancelled ? error : error.at(b.span) }
            } else {
                let k = Array(needle.utf8).map(TextOps.fold)
                x.bytes.withUnsafeBufferPointer { xb in
                    for i in 0..<count { out[i] = TextOps.test(op, xb, x.range(i), k) }
                }
            }
        case .scalar:
            return Column.repeating(.null, count: count, type: .bool)
        case .column(let cb):
            guard case .string(let y) = cb.storage else { return Column.repeating(.null, count: count, type: .bool) }
            valid = Bitmap.and(valid, cb.valid)
            var programs: [String: RegexProgram] = [:]
            for i in 0..<count where !(valid.map { !$0.bit(i) } ?? false) {
                if op == .matches {
                    let p = y[i]
                    if programs[p] == nil { programs[p] = try compile(p, span: b.span) }
                    do { out[i] = try programs[p]!.matches(Substring(x[i]).unicodeScalars) } catch { throw error.kind == .cancelled ? error : error.at(b.span) }
                    if i & 1023 == 0 { try Cancellation.check() }
                } else {
                    let k = Array(y.bytes[y.range(i)]).map(TextOps.fold)
                    out[i] = x.bytes.withUnsafeBufferPointer { TextOps.test(op, $0, x.range(i), k) }
                }
            }
        }
        return Column(.bool(out), valid: valid)
    }

    private func compile(_ pattern: String, span: SourceSpan) throws(Diagnostic) -> RegexProgram {
        do { return try RegexProgram(pattern: pattern) } catch {
            throw Diagnostic(.runtime, "invalid regular expression: \(error.message)", span: span)
        }
    }

    /// Runs `program` on every non-null row, polling Ctrl-C.
    private func matchAll(_ program: RegexProgram, _ x: StringStore, _ valid: Bitmap?, _ out: inout [Bool]) throws(Diagnostic) {
        for i in 0..<count {
            if let v = valid, !v.bit(i) { continue }
            let s = x[i]
            out[i] = try program.matches(Substring(s).unicodeScalars)
            if i & 1023 == 0 { try Cancellation.check() }
        }
    }
}

/// Byte-level text tests on UTF-8 (valid for substring search: UTF-8 is self-synchronising).
package enum TextOps {
    /// ASCII lowercase of one byte (other bytes unchanged).
    @inline(__always) package static func fold(_ b: UInt8) -> UInt8 { b >= 65 && b <= 90 ? b + 32 : b }

    /// Whether row range `r` of `x` contains / starts with / ends with `k` (already folded).
    package static func test(_ op: BinaryOp, _ x: UnsafeBufferPointer<UInt8>, _ r: Range<Int>, _ k: [UInt8]) -> Bool {
        let n = r.count, m = k.count
        if m > n { return false }
        if m == 0 { return true }
        @inline(__always) func at(_ start: Int) -> Bool {
            var j = 0
            while j < m { if fold(x[start + j]) != k[j] { return false }; j += 1 }
            return true
        }
        switch op {
        case .startswith: return at(r.lowerBound)
        case .endswith: return at(r.upperBound - m)
        default:
            var s = r.lowerBound
            while s + m <= r.upperBound { if at(s) { return true }; s += 1 }
            return false
        }
    }
}
