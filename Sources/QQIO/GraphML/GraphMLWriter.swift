import QQData

/// Writes a dataset as GraphML that NetworkX's `read_graphml` loads as the same graph:
/// one node per account (id = handle) with its non-null columns as `<data>` (keys
/// `c0`, `c1`, … in column order; date columns are strings marked `qq.type="date"`),
/// follow edges without data, and interaction edges with `layer` and `weight`.
enum GraphMLWriter {
    static func write(_ d: Dataset, to path: String) throws(Diagnostic) {
        let out = try OutputFile(creating: path)
        out.append("<?xml version='1.0' encoding='utf-8'?>\n")
        out.append("<graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\" xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" xsi:schemaLocation=\"http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd\">\n")
        let names = Array(d.accounts.names.dropFirst())
        let columns = Array(d.accounts.columns.dropFirst())
        for (i, (name, col)) in zip(names, columns).enumerated() {
            let (type, extra) = xmlType(col.type)
            out.append("  <key id=\"c\(i)\" for=\"node\" attr.name=\"\(escape(name))\" attr.type=\"\(type)\"\(extra) />\n")
        }
        if !d.layers.isEmpty {
            out.append("  <key id=\"layer\" for=\"edge\" attr.name=\"layer\" attr.type=\"string\" />\n")
            out.append("  <key id=\"weight\" for=\"edge\" attr.name=\"weight\" attr.type=\"double\" />\n")
        }
        out.append("  <graph edgedefault=\"directed\">\n")
        let ids = (0..<d.accountCount).map { escape(d.handles.handles[$0]) }
        for v in 0..<d.accountCount {
            var cells: [String] = []
            for (i, col) in columns.enumerated() where !col.isNull(v) {
                cells.append("      <data key=\"c\(i)\">\(escape(text(col, v)))</data>\n")
            }
            if cells.isEmpty {
                out.append("    <node id=\"\(ids[v])\" />\n")
            } else {
                out.append("    <node id=\"\(ids[v])\">\n")
                for c in cells { out.append(c) }
                out.append("    </node>\n")
            }
            if v & 4095 == 0 { try Cancellation.check() }
        }
        for v in 0..<d.accountCount {
            for t in d.follows.out.neighbors(v) {
                out.append("    <edge source=\"\(ids[v])\" target=\"\(ids[Int(t)])\" />\n")
            }
            if v & 4095 == 0 { try Cancellation.check() }
        }
        for l in d.layers {
            let layer = escape(l.name)
            for v in 0..<d.accountCount {
                for k in l.out.offsets[v]..<l.out.offsets[v + 1] {
                    let w = l.out.weights?[k] ?? 1
                    out.append("    <edge source=\"\(ids[v])\" target=\"\(ids[Int(l.out.targets[k])])\">\n")
                    out.append("      <data key=\"layer\">\(layer)</data>\n")
                    out.append("      <data key=\"weight\">\(floatText(w))</data>\n")
                    out.append("    </edge>\n")
                }
            }
        }
        out.append("  </graph>\n</graphml>\n")
        try out.close()
    }

    /// GraphML's type name for a column type (and qq's marker for dates).
    static func xmlType(_ t: ValueType) -> (String, String) {
        switch t {
        case .int: return ("long", "")
        case .float: return ("double", "")
        case .bool: return ("boolean", "")
        case .date: return ("string", " qq.type=\"date\"")
        case .datetime: return ("string", " qq.type=\"datetime\"")
        case .duration: return ("long", " qq.type=\"duration\"")
        case .string, .null: return ("string", "")
        }
    }

    /// A float as Python reads it back exactly (`repr` style; `inf`/`nan` spelled as Python does).
    static func floatText(_ d: Double) -> String {
        if d.isNaN { return "nan" }
        if d.isInfinite { return d < 0 ? "-inf" : "inf" }
        return "\(d)"
    }

    static func text(_ c: Column, _ i: Int) -> String {
        switch c.storage {
        case .int(let a): return String(a[i])
        case .float(let a): return floatText(a[i])
        case .bool(let a): return a[i] ? "true" : "false"
        case .date(let a): return CivilDate(daysSinceEpoch: a[i]).iso
        case .datetime(let a): return DateTime.format(a[i])
        case .duration(let a): return String(a[i])
        case .string(let s): return s[i]
        case .null: return ""
        }
    }

    /// XML text and attribute escaping (`&`, `<`, `>`, quotes; tab and line ends as
    /// character references so attributes keep them); control characters that XML 1.0
    /// cannot hold become U+FFFD.
    static func escape(_ s: String) -> String {
        var out = ""
        out.reserveCapacity(s.utf8.count)
        for u in s.unicodeScalars {
            switch u {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&apos;"
            case "\t": out += "&#9;"
            case "\n": out += "&#10;"
            case "\r": out += "&#13;"
            default:
                if u.value < 0x20 || u.value == 0xFFFE || u.value == 0xFFFF { out += "\u{FFFD}" } else { out.unicodeScalars.append(u) }
            }
        }
        return out
    }
}
