import QQData
import QQSyntax
import QQSemantic

/// An operand during evaluation: one value for every row (a literal, `@a.col`, an
/// aggregate over the rows) or a column of values, one per row.
package enum Vec {
    case scalar(Value)
    case column(Column)

    /// The operand as a column of `count` rows of `type` (a scalar is repeated).
    package func column(_ count: Int, _ type: ValueType) -> Column {
        switch self {
        case .column(let c): return c
        case .scalar(let v): return Column.repeating(v, count: count, type: type)
        }
    }
}

extension Column {
    /// `count` copies of `v` in a column of `type` (null when `v` is null or does not fit).
    package static func repeating(_ v: Value, count: Int, type: ValueType) -> Column {
        let missing = Bitmap(count: count, value: false)
        switch (type, v) {
        case (_, .null):
            switch type {
            case .int: return Column(.int([Int64](repeating: 0, count: count)), valid: missing)
            case .float: return Column(.float([Double](repeating: 0, count: count)), valid: missing)
            case .bool: return Column(.bool([Bool](repeating: false, count: count)), valid: missing)
            case .date: return Column(.date([Int32](repeating: 0, count: count)), valid: missing)
            case .datetime: return Column(.datetime([Int64](repeating: 0, count: count)), valid: missing)
            case .duration: return Column(.duration([Int64](repeating: 0, count: count)), valid: missing)
            case .string: return Column(.string(StringStore(bytes: [], offsets: [Int](repeating: 0, count: count + 1))), valid: missing)
            case .null: return Column(.null(count))
            }
        case (.int, .int(let i)): return Column(.int([Int64](repeating: i, count: count)))
        case (.float, _) where v.asDouble != nil: return Column(.float([Double](repeating: v.asDouble!, count: count)))
        case (.bool, .bool(let b)): return Column(.bool([Bool](repeating: b, count: count)))
        case (.date, .date(let d)): return Column(.date([Int32](repeating: d, count: count)))
        case (.datetime, .datetime(let t)): return Column(.datetime([Int64](repeating: t, count: count)))
        case (.datetime, .date(let d)): return Column(.datetime([Int64](repeating: DateTime.micros(day: d), count: count)))
        case (.duration, .duration(let t)): return Column(.duration([Int64](repeating: t, count: count)))
        case (.string, _):
            let bytes = Array(v.description.utf8)
            var all = [UInt8]()
            all.reserveCapacity(bytes.count * count)
            var offsets = [0]
            offsets.reserveCapacity(count + 1)
            for _ in 0..<count { all.append(contentsOf: bytes); offsets.append(all.count) }
            return Column(.string(StringStore(bytes: all, offsets: offsets)))
        default: return repeating(.null, count: count, type: type)
        }
    }

    /// The values as Doubles (ints converted; null cells hold 0 — read `valid` for them).
    package var doubles: [Double] {
        switch storage {
        case .float(let a): return a
        case .int(let a): return a.map { Double($0) }
        case .bool(let a): return a.map { $0 ? 1 : 0 }
        case .date(let a): return a.map { Double($0) }
        case .datetime(let a), .duration(let a): return a.map { Double($0) }
        case .null(let n): return [Double](repeating: 0, count: n)
        case .string(let s): return [Double](repeating: 0, count: s.count)
        }
    }

    /// The column as floats (ints converted), keeping its nulls.
    package var floatColumn: Column {
        switch storage {
        case .int(let a): return Column(.float(a.map { Double($0) }), valid: valid)
        default: return self
        }
    }
}

extension Bitmap {
    /// Bitwise and of two masks of equal length; nil stands for all set.
    package static func and(_ a: Bitmap?, _ b: Bitmap?) -> Bitmap? {
        guard let a else { return b }
        guard let b else { return a }
        var out = a
        let words = b.words
        for i in 0..<b.count where (words[i >> 6] >> UInt64(i & 63)) & 1 == 0 { out[i] = false }
        return out
    }

    /// A mask from one Bool per position; nil when all are true.
    package static func from(_ bits: [Bool]) -> Bitmap? {
        var out: Bitmap? = nil
        for (i, b) in bits.enumerated() where !b {
            if out == nil { out = Bitmap(count: bits.count, value: true) }
            out![i] = false
        }
        return out
    }

    /// True when bit `i` is set (the unchecked read used in loops).
    @inline(__always) package func bit(_ i: Int) -> Bool { (words[i >> 6] >> UInt64(i & 63)) & 1 == 1 }
}
