/// A typed column: one flat array of values plus an optional validity bitmap.
///
/// Null cells hold a placeholder (0, false, "") in the data array and a cleared
/// bit in `valid`. `valid == nil` means the column has no nulls.
public struct Column: Sendable {
    public enum Storage: Sendable {
        case int([Int64])
        case float([Double])
        case bool([Bool])
        case date([Int32])
        case string(StringStore)
        /// Microseconds since 1970-01-01T00:00:00Z.
        case datetime([Int64])
        /// Microseconds.
        case duration([Int64])
        /// A column whose every value is null (type unknown until something else is known).
        case null(Int)
    }

    public var storage: Storage
    public var valid: Bitmap?

    public init(_ storage: Storage, valid: Bitmap? = nil) {
        self.storage = storage
        self.valid = valid
    }

    public var type: ValueType {
        switch storage {
        case .int: return .int
        case .float: return .float
        case .bool: return .bool
        case .date: return .date
        case .string: return .string
        case .datetime: return .datetime
        case .duration: return .duration
        case .null: return .null
        }
    }

    public var count: Int {
        switch storage {
        case .int(let a): return a.count
        case .float(let a): return a.count
        case .bool(let a): return a.count
        case .date(let a): return a.count
        case .string(let s): return s.count
        case .datetime(let a), .duration(let a): return a.count
        case .null(let n): return n
        }
    }

    @inline(__always) public func isNull(_ i: Int) -> Bool {
        if case .null = storage { return true }
        guard let v = valid else { return false }
        return !v[i]
    }

    public var nullCount: Int {
        if case .null(let n) = storage { return n }
        guard let v = valid else { return 0 }
        return count - v.popCount
    }

    /// The cell at row `i` as a `Value` (slow path: for printing and tests, not loops).
    public subscript(i: Int) -> Value {
        if isNull(i) { return .null }
        switch storage {
        case .int(let a): return .int(a[i])
        case .float(let a): return .float(a[i])
        case .bool(let a): return .bool(a[i])
        case .date(let a): return .date(a[i])
        case .string(let s): return .string(s[i])
        case .datetime(let a): return .datetime(a[i])
        case .duration(let a): return .duration(a[i])
        case .null: return .null
        }
    }

    /// The cell as a Double for numeric columns (nil for null or non-numeric).
    @inline(__always) public func double(_ i: Int) -> Double? {
        if isNull(i) { return nil }
        switch storage {
        case .int(let a): return Double(a[i])
        case .float(let a): return a[i]
        default: return nil
        }
    }

    /// Rows `rows`, in that order, as a new column.
    public func gather(_ rows: [UInt32]) -> Column {
        var newValid: Bitmap? = nil
        if let v = valid {
            var b = Bitmap(count: rows.count, value: true)
            for (k, r) in rows.enumerated() where !v[Int(r)] { b[k] = false }
            newValid = b
        }
        switch storage {
        case .int(let a): return Column(.int(rows.map { a[Int($0)] }), valid: newValid)
        case .float(let a): return Column(.float(rows.map { a[Int($0)] }), valid: newValid)
        case .bool(let a): return Column(.bool(rows.map { a[Int($0)] }), valid: newValid)
        case .date(let a): return Column(.date(rows.map { a[Int($0)] }), valid: newValid)
        case .string(let s): return Column(.string(s.gather(rows)), valid: newValid)
        case .datetime(let a): return Column(.datetime(rows.map { a[Int($0)] }), valid: newValid)
        case .duration(let a): return Column(.duration(rows.map { a[Int($0)] }), valid: newValid)
        case .null: return Column(.null(rows.count))
        }
    }

    /// Builds a column from values; the type is the common type of the non-null
    /// values (int widened to float when both appear; anything else mixed becomes string).
    public static func from(_ values: [Value]) -> Column {
        var b = ColumnBuilder(type: ColumnBuilder.commonType(values))
        for v in values { b.append(v) }
        return b.finish()
    }

    public static func ints(_ a: [Int64]) -> Column { Column(.int(a)) }
    public static func floats(_ a: [Double]) -> Column { Column(.float(a)) }

    /// A float column with NaN-free values where `present` says so, null elsewhere.
    public static func floats(_ a: [Double], valid: Bitmap?) -> Column { Column(.float(a), valid: valid) }
}

/// Appends values of one type into a column (used by loaders and the executor).
public struct ColumnBuilder: Sendable {
    public let type: ValueType
    private var ints: [Int64] = []
    private var floats: [Double] = []
    private var bools: [Bool] = []
    private var dates: [Int32] = []
    private var strings = StringStore()
    private var valid = Bitmap(count: 0, value: true)
    private var nulls = 0
    private var n = 0

    public init(type: ValueType, capacity: Int = 0) {
        self.type = type
        switch type {
        case .int: ints.reserveCapacity(capacity)
        case .float: floats.reserveCapacity(capacity)
        case .bool: bools.reserveCapacity(capacity)
        case .date: dates.reserveCapacity(capacity)
        case .datetime, .duration: ints.reserveCapacity(capacity)
        default: break
        }
    }

    public mutating func appendNull() {
        switch type {
        case .int, .datetime, .duration: ints.append(0)
        case .float: floats.append(0)
        case .bool: bools.append(false)
        case .date: dates.append(0)
        case .string: strings.appendEmpty()
        case .null: break
        }
        valid.append(false); nulls += 1; n += 1
    }

    /// Appends `v`, converting int to float when the column is float and anything
    /// to its text when the column is string. Values that cannot convert become null.
    public mutating func append(_ v: Value) {
        switch (type, v) {
        case (_, .null): appendNull(); return
        case (.int, .int(let i)): ints.append(i)
        case (.float, .float(let d)): floats.append(d)
        case (.float, .int(let i)): floats.append(Double(i))
        case (.bool, .bool(let b)): bools.append(b)
        case (.date, .date(let d)): dates.append(d)
        case (.datetime, .datetime(let t)): ints.append(t)
        case (.datetime, .date(let d)): ints.append(DateTime.micros(day: d))
        case (.duration, .duration(let d)): ints.append(d)
        case (.string, .string(let s)): strings.append(s)
        case (.string, _): strings.append(v.description)
        default: appendNull(); return
        }
        valid.append(true); n += 1
    }

    public func finish() -> Column {
        let mask: Bitmap? = nulls == 0 ? nil : valid
        switch type {
        case .int: return Column(.int(ints), valid: mask)
        case .float: return Column(.float(floats), valid: mask)
        case .bool: return Column(.bool(bools), valid: mask)
        case .date: return Column(.date(dates), valid: mask)
        case .string: return Column(.string(strings), valid: mask)
        case .datetime: return Column(.datetime(ints), valid: mask)
        case .duration: return Column(.duration(ints), valid: mask)
        case .null: return Column(.null(n))
        }
    }

    /// The narrowest type that holds every non-null value.
    public static func commonType(_ values: [Value]) -> ValueType {
        var t: ValueType = .null
        for v in values {
            let vt = v.type
            if vt == .null || vt == t { continue }
            if t == .null { t = vt; continue }
            if (t == .int && vt == .float) || (t == .float && vt == .int) { t = .float; continue }
            if (t == .date && vt == .datetime) || (t == .datetime && vt == .date) { t = .datetime; continue }
            return .string
        }
        return t
    }
}
