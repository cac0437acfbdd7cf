import QQData

/// Writes a dataset as GraphML that NetworkX's `read_graphml` loads as the same graph:
/// one node per account (id = handle) with its non-null columns as `<data>` (keys
/// `c0`, `c1`, … in column order; date columns are strings marked `qq.type="date"`),
/// follow edges without data, and interaction edges with `layer` and `weight`.
enum GraphMLWriter {
    static func write(_ d: Dataset, to path: String) throws(Diagnostic) {
        try checkXMLText(d)
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

    /// Refuses a dataset with text that XML 1.0 cannot hold — control characters other
    /// than tab and line ends (U+0000–U+001F), U+FFFE and U+FFFF, which not even a
    /// character reference may name — instead of writing a file that does not load back
    /// as the same data. Handles, column and layer names and string values are checked
    /// before anything is written.
    static func checkXMLText(_ d: Dataset) throws(Diagnostic) {
        func refuse(_ what: String, _ text: String) -> Diagnostic {
            let bad = text.unicodeScalars.first { !xmlAllows($0) }!
            let hex = String(bad.value, radix: 16, uppercase: true)
            let code = "U+" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex
            return Diagnostic(.io, "cannot save as GraphML: \(what) '\(visible(text))' contains \(code), which XML 1.0 cannot hold",
                              hint: "save as .qqs or as a CSV folder, which keep any text")
        }
        let handles = d.handles.handles
        if let i = firstForbidden(handles) { throw refuse("the handle", handles[i]) }
        for name in d.accounts.names where hasForbidden(name) { throw refuse("the column name", name) }
        for l in d.layers where hasForbidden(l.name) { throw refuse("the layer name", l.name) }
        for (name, col) in zip(d.accounts.names, d.accounts.columns) {
            guard case .string(let store) = col.storage, let i = firstForbidden(store), !col.isNull(i) else { continue }
            throw refuse("a value of '\(name)'", store[i])
        }
    }

    static func xmlAllows(_ u: Unicode.Scalar) -> Bool {
        u.value >= 0x20 ? (u.value != 0xFFFE && u.value != 0xFFFF) : (u == "\t" || u == "\n" || u == "\r")
    }

    static func hasForbidden(_ s: String) -> Bool { !s.unicodeScalars.allSatisfy(xmlAllows) }

    /// The first string of `s` with a character XML cannot hold (a byte scan: C0
    /// controls, and EF BF BE / EF BF BF for U+FFFE and U+FFFF).
    static func firstForbidden(_ s: StringStore) -> Int? {
        s.bytes.withUnsafeBufferPointer { b -> Int? in
            for i in 0..<s.count {
                let r = s.range(i)
                var k = r.lowerBound
                while k < r.upperBound {
                    let c = b[k]
                    if c < 0x20 && c != 9 && c != 10 && c != 13 { return i }
                    if c == 0xEF && k + 2 < r.upperBound && b[k + 1] == 0xBF && (b[k + 2] == 0xBE || b[k + 2] == 0xBF) { return i }
                    k += 1
                }
            }
            return nil
        }
    }

    /// Text with control characters shown as `\u{1}` (for error messages).
    static func visible(_ s: String) -> String {
        var out = ""
        for u in s.unicodeScalars.prefix(80) {
            if xmlAllows(u) && u.value >= 0x20 { out.unicodeScalars.append(u) } else { out += "\\u{\(String(u.value, radix: 16))}" }
        }
        return out
    }

    /// XML text and attribute escaping (`&`, `<`, `>`, quotes; tab and line ends as
    /// character references so attributes keep them); `checkXMLText` has refused the
    /// characters XML 1.0 cannot hold (any left would become U+FFFD).
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
