import QQData

/// Concatenation of columns of one type (the batches of one result).
enum ColumnConcat {
    static func empty(_ t: ValueType) -> Column { ColumnBuilder(type: t).finish() }

    static func concat(_ parts: [Column]) -> Column {
        guard parts.count > 1 else { return parts.first ?? Column(.null(0)) }
        let type = parts.first { $0.type != .null }?.type ?? .null
        let total = parts.reduce(0) { $0 + $1.count }
        if type == .null { return Column(.null(total)) }
        var valid: Bitmap? = nil
        if parts.contains(where: { $0.nullCount > 0 }) {
            var b = Bitmap(count: total, value: true)
            var at = 0
            for p in parts {
                for i in 0..<p.count where p.isNull(i) { b[at + i] = false }
                at += p.count
            }
            valid = b
        }
        switch type {
        case .int: return Column(.int(parts.flatMap { p -> [Int64] in if case .int(let a) = p.storage { a } else { .init(repeating: 0, count: p.count) } }), valid: valid)
        case .float: return Column(.float(parts.flatMap { p -> [Double] in if case .float(let a) = p.storage { a } else { .init(repeating: 0, count: p.count) } }), valid: valid)
        case .bool: return Column(.bool(parts.flatMap { p -> [Bool] in if case .bool(let a) = p.storage { a } else { .init(repeating: false, count: p.count) } }), valid: valid)
        case .date: return Column(.date(parts.flatMap { p -> [Int32] in if case .date(let a) = p.storage { a } else { .init(repeating: 0, count: p.count) } }), valid: valid)
        case .datetime: return Column(.datetime(parts.flatMap { p -> [Int64] in if case .datetime(let a) = p.storage { a } else { .init(repeating: 0, count: p.count) } }), valid: valid)
        case .duration: return Column(.duration(parts.flatMap { p -> [Int64] in if case .duration(let a) = p.storage { a } else { .init(repeating: 0, count: p.count) } }), valid: valid)
        case .string:
            var s = StringStore()
            for p in parts {
                if case .string(let a) = p.storage {
                    for i in 0..<a.count { s.append(utf8: a.bytes[a.range(i)]) }
                } else {
                    for _ in 0..<p.count { s.appendEmpty() }
                }
            }
            return Column(.string(s), valid: valid)
        case .null: return Column(.null(total))
        }
    }
}
