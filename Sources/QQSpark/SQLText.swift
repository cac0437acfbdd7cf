import QQData
import QQMetrics
import QQSemantic
import QQSyntax

/// Spark SQL spellings of names, literals and qq types. Every user text that reaches
/// a query goes through `quote`/`string`, never pasted raw.
enum SQLText {
    /// A back-quoted identifier (a back quote inside is doubled).
    static func quote(_ name: String) -> String {
        var out = "`"
        for ch in name { out += ch == "`" ? "``" : String(ch) }
        return out + "`"
    }

    /// A string literal. Spark SQL reads backslash escapes in '…' literals, so
    /// backslashes and quotes are escaped.
    static func string(_ s: String) -> String {
        var out = "'"
        for ch in s.unicodeScalars {
            switch ch {
            case "\\": out += "\\\\"
            case "'": out += "\\'"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case "\0": out += "\\0"
            default: out.unicodeScalars.append(ch)
            }
        }
        return out + "'"
    }

    /// The Spark type a qq type is carried in.
    static func type(_ t: ValueType) -> String {
        switch t {
        case .int: return "BIGINT"
        case .float: return "DOUBLE"
        case .bool: return "BOOLEAN"
        case .date: return "DATE"
        case .string: return "STRING"
        // Microseconds, as qq holds them (the engine refuses what computes with them).
        case .datetime: return "TIMESTAMP"
        case .duration: return "BIGINT"
        case .null: return "STRING"
        }
    }

    /// A literal of qq's value, typed as qq types it.
    static func literal(_ v: Value) -> String {
        switch v {
        case .null: return "NULL"
        case .int(let i): return i == Int64.min ? "CAST('\(i)' AS BIGINT)" : "CAST(\(i) AS BIGINT)"
        case .float(let d):
            if d.isNaN { return "CAST('NaN' AS DOUBLE)" }
            if d.isInfinite { return d < 0 ? "CAST('-Infinity' AS DOUBLE)" : "CAST('Infinity' AS DOUBLE)" }
            return "CAST('\(d)' AS DOUBLE)"
        case .bool(let b): return b ? "TRUE" : "FALSE"
        case .date(let d): return "DATE '\(CivilDate(daysSinceEpoch: d).iso)'"
        case .string(let s): return string(s)
        case .datetime(let us): return "timestamp_micros(CAST(\(us) AS BIGINT))"
        case .duration(let us): return "CAST(\(us) AS BIGINT)"
        }
    }

    /// `expr` cast to the Spark type of a qq type (`null` stays an untyped NULL).
    static func cast(_ expr: String, _ t: ValueType) -> String {
        t == .null ? expr : "CAST(\(expr) AS \(type(t)))"
    }

    /// A Spark SQL type name (as Arrow or DESCRIBE report it) as a qq type; nil for
    /// types qq does not hold.
    static func qqType(arrow: ValueType) -> ValueType { arrow }
}

/// The error for what the Spark engine does not run.
enum Unsupported {
    static func error(_ what: String, span: SourceSpan? = nil) -> Diagnostic {
        Diagnostic(.runtime, "\(what) is not available on the Spark engine", span: span,
                   hint: "run it on the local engine: set engine = \"local\"")
    }
}
