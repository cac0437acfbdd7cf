import QQData

/// The Arrow types qq reads (Schema.fbs `Type` union), and how each lands in a qq column.
public enum ArrowType: Sendable, Equatable {
    case null
    case int(bits: Int, signed: Bool)
    /// 32 or 64 bits (half floats are refused).
    case float(bits: Int)
    case bool
    case utf8
    case largeUtf8
    /// Days since the epoch (32 bits) or milliseconds since the epoch (64 bits).
    case date32, date64
    /// Ticks since the epoch: `unitsPerSecond` is 1, 1e3, 1e6 or 1e9.
    case timestamp(unitsPerSecond: Int64, timezone: String?)
    /// 128-bit decimal, read as a float.
    case decimal(precision: Int, scale: Int)

    /// The qq type of the decoded column. Timestamps become int microseconds since
    /// the epoch (UTC) until qq has a datetime column.
    public var valueType: ValueType {
        switch self {
        case .null: return .null
        case .int: return .int
        case .float, .decimal: return .float
        case .bool: return .bool
        case .utf8, .largeUtf8: return .string
        case .date32, .date64: return .date
        case .timestamp: return .int
        }
    }
}

/// One column of an Arrow schema.
public struct ArrowField: Sendable, Equatable {
    public var name: String
    public var type: ArrowType
    public var nullable: Bool
    public init(name: String, type: ArrowType, nullable: Bool) {
        self.name = name; self.type = type; self.nullable = nullable
    }
}

extension ArrowField {
    /// Reads a `Field` table (Schema.fbs): name 0, nullable 1, type_type 2, type 3,
    /// dictionary 4, children 5.
    static func read(_ t: FlatTable) throws(Diagnostic) -> ArrowField {
        let name = try t.string(0) ?? ""
        let nullable = try t.bool(1)
        if try t.field(4) != nil {
            throw Diagnostic(.io, "arrow: column '\(name)' is dictionary-encoded, which qq does not read")
        }
        let tag = try t.u8(2)
        let detail = try t.table(3)
        func need() throws(Diagnostic) -> FlatTable {
            guard let d = detail else { throw Diagnostic(.io, "arrow: column '\(name)' has no type details") }
            return d
        }
        let type: ArrowType
        switch tag {
        case 1: type = .null
        case 2:
            let d = try need()
            let bits = Int(try d.i32(0))
            guard [8, 16, 32, 64].contains(bits) else { throw unsupported(name, "int\(bits)") }
            type = .int(bits: bits, signed: try d.bool(1))
        case 3:
            switch try need().i16(0) {
            case 1: type = .float(bits: 32)
            case 2: type = .float(bits: 64)
            default: throw unsupported(name, "half float")
            }
        case 5: type = .utf8
        case 6: type = .bool
        case 7:
            let d = try need()
            let bits = try d.i32(2, default: 128)
            guard bits == 128 else { throw unsupported(name, "decimal\(bits)") }
            type = .decimal(precision: Int(try d.i32(0)), scale: Int(try d.i32(1)))
        case 8: type = try need().i16(0, default: 1) == 0 ? .date32 : .date64
        case 10:
            let d = try need()
            let units: [Int64] = [1, 1_000, 1_000_000, 1_000_000_000]
            let u = Int(try d.i16(0))
            guard u >= 0, u < units.count else { throw unsupported(name, "timestamp unit \(u)") }
            type = .timestamp(unitsPerSecond: units[u], timezone: try d.string(1))
        case 20: type = .largeUtf8
        default: throw unsupported(name, ArrowField.typeNames[Int(tag)] ?? "type \(tag)")
        }
        return ArrowField(name: name, type: type, nullable: nullable)
    }

    static func unsupported(_ name: String, _ what: String) -> Diagnostic {
        Diagnostic(.io, "arrow: column '\(name)' has type \(what), which qq does not read")
    }

    static let typeNames: [Int: String] = [
        4: "binary", 9: "time", 11: "interval", 12: "list", 13: "struct", 14: "union",
        15: "fixed-size binary", 16: "fixed-size list", 17: "map", 18: "duration",
        19: "large binary", 21: "large list", 22: "run-end encoded", 23: "binary view",
        24: "utf8 view", 25: "list view", 26: "large list view",
    ]
}
