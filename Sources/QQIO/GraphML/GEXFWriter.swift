import QQData

/// Writes a dataset as GEXF 1.3 (the Gephi exchange format; specification at
/// https://gexf.net, "GEXF 1.3 primer" and `gexf.xsd`), for Gephi's importer and
/// NetworkX's `read_gexf`:
///
/// ```
/// <gexf xmlns="http://gexf.net/1.3" version="1.3">
///   <meta><creator>qq</creator><description>…</description></meta>
///   <graph defaultedgetype="directed" mode="static">          (dynamic with times)
///     <attributes class="node"> <attribute id="a0" title="posts" type="long"/> … </attributes>
///     <attributes class="edge"> <attribute id="layer" title="layer" type="string"/> </attributes>
///     <nodes> <node id="alice" label="alice"><attvalues><attvalue for="a0" value="12"/>…
///     <edges> <edge id="0" source="alice" target="bob" weight="3"><attvalues>…
/// ```
///
/// - One node per account, id and label = handle; every non-null account column
///   (those `save … with` added included) is an `attvalue`: int → `long`,
///   float → `double` (NaN and infinities as XML Schema's `NaN`, `INF`, `-INF`),
///   bool → `boolean`, everything else → `string` (dates ISO).
/// - Follow edges carry `layer` = "follows" (and `weight` when the follows file had
///   weights); interaction edges carry their layer's name and `weight` (the summed
///   weight of the pair).
/// - Edge times (SPEC §8) become spells: see `EdgeSpells` (written when a layer has
///   times; the graph is then `mode="dynamic"`).
///
/// Text XML 1.0 cannot hold is refused before anything is written, as for GraphML.
enum GEXFWriter {
    static func write(_ d: Dataset, to path: String) throws(Diagnostic) {
        try GraphMLWriter.checkXMLText(d)
        let out = try OutputFile(creating: path)
        let spells = EdgeSpells(d)
        let esc = GraphMLWriter.escape
        out.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n")
        out.append("<gexf xmlns=\"http://gexf.net/1.3\" xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" xsi:schemaLocation=\"http://gexf.net/1.3 http://gexf.net/1.3/gexf.xsd\" version=\"1.3\">\n")
        out.append("  <meta>\n    <creator>qq</creator>\n    <description>\(esc(d.origin))</description>\n  </meta>\n")
        let mode = spells.isEmpty ? "mode=\"static\"" : "mode=\"dynamic\" timeformat=\"\(EdgeSpells.timeformat)\" timerepresentation=\"interval\""
        out.append("  <graph defaultedgetype=\"directed\" \(mode)>\n")
        let names = Array(d.accounts.names.dropFirst())
        let columns = Array(d.accounts.columns.dropFirst())
        if !columns.isEmpty {
            out.append("    <attributes class=\"node\" mode=\"static\">\n")
            for (i, (name, col)) in zip(names, columns).enumerated() {
                out.append("      <attribute id=\"a\(i)\" title=\"\(esc(name))\" type=\"\(gexfType(col.type))\"/>\n")
            }
            out.append("    </attributes>\n")
        }
        out.append("    <attributes class=\"edge\" mode=\"static\">\n")
        out.append("      <attribute id=\"layer\" title=\"layer\" type=\"string\"/>\n")
        out.append("    </attributes>\n")

        out.append("    <nodes>\n")
        let ids = (0..<d.accountCount).map { esc(d.handles.handles[$0]) }
        for v in 0..<d.accountCount {
            out.append("      <node id=\"\(ids[v])\" label=\"\(ids[v])\">")
            var first = true
            for (i, col) in columns.enumerated() where !col.isNull(v) {
                if first { out.append("<attvalues>"); first = false }
                out.append("<attvalue for=\"a\(i)\" value=\"\(esc(value(col, v)))\"/>")
            }
            if !first { out.append("</attvalues>") }
            out.append("</node>\n")
            if v & 4095 == 0 { try Cancellation.check() }
        }
        out.append("    </nodes>\n    <edges>\n")
        var edgeID = 0
        func edge(_ s: Int, _ t: Int, layer: String, weight: Double?, spells: String) {
            let w = weight.map { " weight=\"\(GraphMLWriter.floatText($0))\"" } ?? ""
            out.append("      <edge id=\"\(edgeID)\" source=\"\(ids[s])\" target=\"\(ids[t])\"\(w)>")
            out.append("<attvalues><attvalue for=\"layer\" value=\"\(layer)\"/></attvalues>\(spells)</edge>\n")
            edgeID += 1
        }
        for v in 0..<d.accountCount {
            let o = d.follows.out
            for k in o.offsets[v]..<o.offsets[v + 1] {
                edge(v, Int(o.targets[k]), layer: "follows", weight: d.follows.followWeights?[k], spells: spells.follow(k))
            }
            if v & 4095 == 0 { try Cancellation.check() }
        }
        for (li, l) in d.layers.enumerated() {
            let name = esc(l.name)
            for v in 0..<d.accountCount {
                for k in l.out.offsets[v]..<l.out.offsets[v + 1] {
                    let t = Int(l.out.targets[k])
                    edge(v, t, layer: name, weight: l.out.weights?[k] ?? 1, spells: spells.interaction(li, v, t))
                }
                if v & 4095 == 0 { try Cancellation.check() }
            }
        }
        out.append("    </edges>\n  </graph>\n</gexf>\n")
        try out.close()
    }

    /// GEXF's attribute type for a column type.
    static func gexfType(_ t: ValueType) -> String {
        switch t {
        case .int: return "long"
        case .float: return "double"
        case .bool: return "boolean"
        default: return "string"
        }
    }

    /// An attribute value as text: XML Schema's spellings for special doubles.
    static func value(_ c: Column, _ i: Int) -> String {
        if case .float(let a) = c.storage {
            let x = a[i]
            if x.isNaN { return "NaN" }
            if x.isInfinite { return x < 0 ? "-INF" : "INF" }
            return "\(x)"
        }
        return GraphMLWriter.text(c, i)
    }
}
