import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif

/// A structural check of a GEXF 1.3 document, written from the GEXF 1.3 specification
/// (gexf.net: the primer and `gexf.xsd`; the schema itself is not packaged offline):
///
/// - the root is `gexf` in the namespace `http://gexf.net/1.3` with `version="1.3"`;
///   `meta` (optional) comes before the one `graph`;
/// - `graph` has `defaultedgetype` directed|undirected|mutual and `mode` static|dynamic;
///   a dynamic graph names its `timeformat` (integer|double|date|dateTime);
/// - `attributes` blocks have `class` node|edge, come before `nodes`, which comes before
///   `edges`; each `attribute` has an `id` unique in its class, a `title`, and a `type`
///   among the schema's attribute types;
/// - every `node` has a unique `id`; every `edge` a unique `id`, a `source` and a
///   `target` that are node ids, and a `weight` that is a double when present;
/// - every `attvalue` names (`for`) an attribute of its class, and its `value` is
///   valid for that attribute's type;
/// - every `spell` has `start` and/or `end` valid for the `timeformat`, start ≤ end.
///
/// Returns the problems found (empty when the document conforms).
enum GEXFStructure {
    static let attributeTypes: Set<String> = [
        "integer", "long", "double", "float", "boolean", "liststring", "string", "anyURI",
        "listboolean", "listinteger", "listlong", "listfloat", "listdouble", "listbyte", "listshort",
        "byte", "short", "char", "listchar", "biginteger", "bigdecimal", "listbiginteger", "listbigdecimal",
    ]

    static func problems(_ data: Data) -> [String] {
        var out: [String] = []
        let doc: XMLDocument
        do { doc = try XMLDocument(data: data) } catch { return ["not well-formed XML: \(error)"] }
        guard let root = doc.rootElement() else { return ["no root element"] }
        if root.localName != "gexf" { out.append("root is '\(root.localName ?? "")', not 'gexf'") }
        if root.uri != "http://gexf.net/1.3" { out.append("root namespace is '\(root.uri ?? "")'") }
        if attr(root, "version") != "1.3" { out.append("version is not 1.3") }
        let top = root.children?.compactMap { $0 as? XMLElement } ?? []
        let names = top.map { $0.localName ?? "" }
        guard names.filter({ $0 == "graph" }).count == 1 else { return out + ["expected one 'graph', found \(names)"] }
        if let m = names.firstIndex(of: "meta"), m > names.firstIndex(of: "graph")! { out.append("'meta' after 'graph'") }
        let graph = top.first { $0.localName == "graph" }!
        if !["directed", "undirected", "mutual"].contains(attr(graph, "defaultedgetype") ?? "directed") {
            out.append("bad defaultedgetype")
        }
        let mode = attr(graph, "mode") ?? "static"
        if !["static", "dynamic"].contains(mode) { out.append("bad mode '\(mode)'") }
        let timeformat = attr(graph, "timeformat") ?? "double"
        if mode == "dynamic" && !["integer", "double", "date", "dateTime"].contains(timeformat) {
            out.append("bad timeformat '\(timeformat)'")
        }
        let parts = graph.children?.compactMap { $0 as? XMLElement } ?? []
        let order = parts.map { $0.localName ?? "" }
        let rank = ["attributes": 0, "nodes": 1, "edges": 2]
        let ranks = order.compactMap { rank[$0] }
        if ranks != ranks.sorted() { out.append("graph children out of order: \(order)") }

        var declared: [String: [String: String]] = ["node": [:], "edge": [:]]
        for block in parts where block.localName == "attributes" {
            let cls = attr(block, "class") ?? ""
            guard declared[cls] != nil else { out.append("attributes class '\(cls)'"); continue }
            for a in block.kids("attribute") {
                guard let id = attr(a, "id"), attr(a, "title") != nil, let type = attr(a, "type") else {
                    out.append("attribute without id, title or type"); continue
                }
                if declared[cls]![id] != nil { out.append("duplicate \(cls) attribute id '\(id)'") }
                if !attributeTypes.contains(type) { out.append("attribute '\(id)' has type '\(type)'") }
                declared[cls]![id] = type
            }
        }
        func checkValues(_ e: XMLElement, _ cls: String) {
            for block in e.kids("attvalues") {
                for v in block.kids("attvalue") {
                    guard let key = attr(v, "for"), let type = declared[cls]![key] else {
                        out.append("attvalue for an undeclared \(cls) attribute"); continue
                    }
                    guard let value = attr(v, "value"), valid(value, type) else {
                        out.append("attvalue '\(attr(v, "value") ?? "")' is not a \(type)"); continue
                    }
                }
            }
            for block in e.kids("spells") {
                for s in block.kids("spell") {
                    let start = attr(s, "start"), end = attr(s, "end")
                    if start == nil && end == nil { out.append("spell without start or end") }
                    for t in [start, end].compactMap({ $0 }) where !validTime(t, timeformat) {
                        out.append("spell time '\(t)' is not a \(timeformat)")
                    }
                    if let a = start.flatMap(Double.init), let b = end.flatMap(Double.init), a > b {
                        out.append("spell starts after it ends")
                    }
                }
            }
        }
        var nodeIDs = Set<String>()
        for nodes in parts where nodes.localName == "nodes" {
            for n in nodes.kids("node") {
                guard let id = attr(n, "id") else { out.append("node without id"); continue }
                if !nodeIDs.insert(id).inserted { out.append("duplicate node id '\(id)'") }
                checkValues(n, "node")
            }
        }
        var edgeIDs = Set<String>()
        for edges in parts where edges.localName == "edges" {
            for e in edges.kids("edge") {
                guard let id = attr(e, "id"), let s = attr(e, "source"), let t = attr(e, "target") else {
                    out.append("edge without id, source or target"); continue
                }
                if !edgeIDs.insert(id).inserted { out.append("duplicate edge id '\(id)'") }
                if !nodeIDs.contains(s) || !nodeIDs.contains(t) { out.append("edge \(id) names a missing node") }
                if let w = attr(e, "weight"), !valid(w, "double") { out.append("edge \(id) weight '\(w)'") }
                checkValues(e, "edge")
            }
        }
        return out
    }

    /// An attribute by local name (FoundationXML's `attribute(forName:)` misses
    /// unprefixed attributes under a default namespace).
    static func attr(_ e: XMLElement, _ n: String) -> String? {
        e.attributes?.first { $0.localName == n || $0.name == n }?.stringValue
    }

    /// XML Schema lexical forms of the attribute types qq writes.
    static func valid(_ v: String, _ type: String) -> Bool {
        switch type {
        case "integer", "long", "short", "byte", "biginteger": return Int64(v) != nil
        case "double", "float", "bigdecimal": return ["NaN", "INF", "-INF"].contains(v) || (Double(v).map { $0.isFinite } ?? false)
        case "boolean": return ["true", "false", "1", "0"].contains(v)
        default: return true
        }
    }

    static func validTime(_ v: String, _ format: String) -> Bool {
        switch format {
        case "integer": return Int64(v) != nil
        case "double": return Double(v) != nil
        case "date": return v.count == 10 && v.split(separator: "-").count == 3
        default: return v.contains("T") || v.count == 10
        }
    }
}

extension XMLElement {
    /// Child elements by local name, whatever their namespace.
    func kids(_ name: String) -> [XMLElement] {
        (children ?? []).compactMap { $0 as? XMLElement }.filter { $0.localName == name }
    }
}
