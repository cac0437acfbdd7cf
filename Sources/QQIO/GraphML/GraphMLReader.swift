import QQData

/// Reads GraphML (what NetworkX, Gephi and igraph write) into a dataset. Nodes become
/// accounts in document order (their `id` is the handle); node `<data>` become account
/// columns typed by the key's `attr.type` (`int`/`long` → int, `float`/`double` →
/// float, `boolean` → bool, `string` → string, or date when qq wrote `qq.type="date"`).
/// An edge with no `layer` attribute is a follow; one with `layer="NAME"` belongs to
/// interaction layer NAME with its `weight` (default 1). Undirected edges count both ways.
enum GraphMLReader {
    struct Key {
        var name: String
        var domain: String
        var type: String
        var qqType: String?
        var defaultValue: String?
    }

    static func read(path: String, options: LoadOptions) throws(Diagnostic) -> (Dataset, [Diagnostic]) {
        let source = try ByteSource(path: path)
        options.progress.begin("reading \(basename(path))", total: source.fileSize)
        defer { options.progress.end() }
        // Streamed: the scanner holds one token at a time, never the whole document.
        var x = XMLScanner(source: source, path: path)
        if try x.isEmpty() { throw Diagnostic(.io, "empty file: expected a GraphML document", position: FilePosition(file: path, line: 1, column: 1)) }
        var events = 0
        var keys: [String: Key] = [:]
        var index = HandleIndex()
        var declared: [Bool] = []
        var layerDefault: String? = nil, weightDefault: String? = nil
        var nodeValues: [String: [(UInt32, String, Int)]] = [:]
        var follows = EdgeList()
        var layerOrder: [String] = []
        var layerEdges: [String: EdgeList] = [:]
        var ignored: Set<String> = []
        var undirectedDefault = false
        var sawGraph = false, sawRoot = false
        var undirectedCount = 0
        // Element being read: node id / edge endpoints, and the data key being read.
        var currentNode: UInt32? = nil
        var edge: (src: UInt32, dst: UInt32, directed: Bool, data: [String: String])? = nil
        var dataKey: (String, Int)? = nil
        var text = ""
        var currentKey: String? = nil
        var depthGraph = 0

        func handleID(_ s: String) -> UInt32 { index.insert(s).id }

        while let ev = try x.next() {
            switch ev {
            case .start(let name, let a, let off):
                switch name {
                case "graphml": sawRoot = true
                case "key":
                    guard let id = a["id"] else { throw x.error("expected an 'id' attribute on <key>", at: off) }
                    keys[id] = Key(name: a["attr.name"] ?? id, domain: a["for"] ?? "all", type: (a["attr.type"] ?? "string").lowercased(),
                                   qqType: a["qq.type"], defaultValue: nil)
                    currentKey = id
                case "default": text = ""
                case "graph":
                    depthGraph += 1
                    if depthGraph > 1 || sawGraph && depthGraph == 1 {
                        throw x.error("nested or multiple graphs are not supported: expected one <graph>", at: off)
                    }
                    sawGraph = true
                    undirectedDefault = (a["edgedefault"] ?? "directed") == "undirected"
                    layerDefault = keys.values.first(where: { $0.name == "layer" && $0.domain != "node" })?.defaultValue
                    weightDefault = keys.values.first(where: { $0.name == "weight" && $0.domain != "node" })?.defaultValue
                case "node":
                    guard let id = a["id"] else { throw x.error("expected an 'id' attribute on <node>", at: off) }
                    if id.isEmpty { throw x.error("expected a non-empty node id", at: off) }
                    let nid = Int(index.insert(id).id)
                    if nid >= declared.count { declared.append(contentsOf: repeatElement(false, count: nid + 1 - declared.count)) }
                    if declared[nid] { throw x.error("duplicate node id '\(id)': expected each node once", at: off) }
                    declared[nid] = true
                    currentNode = UInt32(nid)
                case "edge":
                    guard let s = a["source"], let t = a["target"] else {
                        throw x.error("expected 'source' and 'target' attributes on <edge>", at: off)
                    }
                    let directed = a["directed"].map { $0 == "true" } ?? !undirectedDefault
                    edge = (handleID(s), handleID(t), directed, [:])
                case "data":
                    guard let k = a["key"] else { throw x.error("expected a 'key' attribute on <data>", at: off) }
                    guard keys[k] != nil else { throw x.error("unknown key '\(k)': expected a <key id=\"\(k)\"> declaration", at: off) }
                    dataKey = (k, x.mark(off)); text = ""
                case "hyperedge", "port":
                    throw x.error("GraphML <\(name)> is not supported: expected nodes and edges", at: off)
                default: break
                }
            case .text(let t):
                if dataKey != nil || currentKey != nil { text += t }
            case .end(let name, _):
                switch name {
                case "default":
                    if let k = currentKey { keys[k]?.defaultValue = text }
                case "key": currentKey = nil
                case "graph": depthGraph -= 1
                case "node": currentNode = nil
                case "data":
                    guard let (k, off) = dataKey else { break }
                    dataKey = nil
                    if var e = edge {
                        e.data[keys[k]!.name] = text; edge = e
                    } else if let n = currentNode {
                        nodeValues[k, default: []].append((n, text, off))
                    }
                case "edge":
                    guard let e = edge else { break }
                    edge = nil
                    let layer = e.data["layer"] ?? layerDefault
                    for k in e.data.keys where k != "layer" && k != "weight" { ignored.insert(k) }
                    let pairs = e.directed ? [(e.src, e.dst)] : [(e.src, e.dst), (e.dst, e.src)]
                    if !e.directed { undirectedCount += 1 }
                    if let layer, !layer.isEmpty, layer != "follow", layer != "follows" {
                        var w = 1.0
                        if let wText = e.data["weight"] ?? weightDefault {
                            guard let v = Double(wText.trimmingSpaces), v >= 0, v.isFinite else {
                                throw Diagnostic(.io, "expected a non-negative finite weight, found '\(wText)'", position: x.position(x.pos))
                            }
                            w = v
                        }
                        if layerEdges[layer] == nil { layerOrder.append(layer); layerEdges[layer] = EdgeList(weights: []) }
                        for (s, d) in pairs { layerEdges[layer]!.src.append(s); layerEdges[layer]!.dst.append(d); layerEdges[layer]!.weights!.append(w) }
                    } else {
                        for (s, d) in pairs { follows.src.append(s); follows.dst.append(d) }
                    }
                default: break
                }
            }
            events += 1
            if events & 0x3FFF == 0 {
                try Cancellation.check()
                options.progress.update(source.consumed)
            }
        }
        guard sawRoot && sawGraph else { throw Diagnostic(.io, "expected a <graphml> document with a <graph>", position: FilePosition(file: path, line: 1, column: 1)) }
        let n = index.count
        let declaredCount = declared.lazy.filter { $0 }.count
        var a = DatasetAssembly(index: index, accountRows: declaredCount)
        // Columns in the natural order of key ids (NetworkX numbers them d0, d1, … in
        // attribute order, qq writes c0, c1, … in column order).
        for (id, key) in keys.sorted(by: { naturalLess($0.key, $1.key) }) where key.domain == "node" || key.domain == "all" {
            if a.names.contains(key.name) || key.name == "handle" { continue }
            a.names.append(key.name)
            a.columns.append(try column(key, values: nodeValues[id] ?? [], rows: n, x: x))
        }
        a.follows = try CSRBuilder.buildCancellable(name: "follow", nodeCount: n, src: follows.src, dst: follows.dst)
        for l in layerOrder {
            let e = layerEdges[l]!
            a.layers.append(try CSRBuilder.buildCancellable(name: l, nodeCount: n, src: e.src, dst: e.dst, weights: e.weights))
        }
        var warnings: [Diagnostic] = []
        if !ignored.isEmpty {
            warnings.append(Diagnostic(.io, "edge attributes ignored: \(ignored.sorted().map { "'\($0)'" }.joined(separator: ", "))",
                                       hint: "qq reads 'layer' and 'weight' on edges", severity: .warning))
        }
        if undirectedCount > 0 {
            warnings.append(Diagnostic(.io, "\(grouped(undirectedCount)) undirected edges were read as edges in both directions",
                                       severity: .warning))
        }
        return (a.finish(origin: path, createdFromEdges: n - declaredCount), warnings)
    }

    /// A typed column from a key's values; a value that does not fit the key's type is an error.
    static func column(_ key: Key, values: [(UInt32, String, Int)], rows n: Int, x: XMLScanner) throws(Diagnostic) -> Column {
        var cells = [String?](repeating: key.defaultValue, count: n)
        for (id, v, _) in values { cells[Int(id)] = v }
        let type: ValueType
        switch key.type {
        case "int", "long", "integer": type = .int
        case "float", "double": type = .float
        case "boolean", "bool": type = .bool
        default: type = key.qqType == "date" ? .date : .string
        }
        var b = ColumnBuilder(type: type, capacity: n)
        var where_: [Int: Int] = [:]
        for (id, _, off) in values { where_[Int(id)] = off }
        for (i, cell) in cells.enumerated() {
            guard let cell else { b.appendNull(); continue }
            var text = cell
            let value: Value? = text.withUTF8 { u -> Value? in
                let t = type == .string ? u : trimmed(u)
                switch type {
                case .int: return FieldParsing.int(t).map { .int($0) }
                case .float: return FieldParsing.double(t).map { $0.isNaN ? .null : .float($0) }  // NaN is null
                case .bool:
                    if let v = FieldParsing.bool(t) { return .bool(v) }
                    if t.count == 1 && (t[0] == 48 || t[0] == 49) { return .bool(t[0] == 49) }
                    return nil
                case .date: return FieldParsing.date(t).map { .date($0) }
                default: return .string(cell)
                }
            }
            guard let value else {
                let at = where_[i].map { x.position(mark: $0) }
                throw Diagnostic(.io, "expected \(key.type) for '\(key.name)', found '\(cell)'", position: at)
            }
            b.append(value)
        }
        return b.finish()
    }

    private static func trimmed(_ u: UnsafeBufferPointer<UInt8>) -> UnsafeBufferPointer<UInt8> {
        var lo = 0, hi = u.count
        while lo < hi, u[lo] == 32 || u[lo] == 9 || u[lo] == 10 || u[lo] == 13 { lo += 1 }
        while hi > lo, u[hi - 1] == 32 || u[hi - 1] == 9 || u[hi - 1] == 10 || u[hi - 1] == 13 { hi -= 1 }
        return UnsafeBufferPointer(rebasing: u[lo..<hi])
    }
}

/// `d2 < d10`: compares a trailing number numerically, the rest as text.
func naturalLess(_ a: String, _ b: String) -> Bool {
    func split(_ s: String) -> (Substring, Int?) {
        let digits = s.reversed().prefix { $0.isASCII && $0.isNumber }.count
        let head = s.dropLast(digits)
        return (head, digits > 0 ? Int(s.suffix(digits)) : nil)
    }
    let (ha, na) = split(a), (hb, nb) = split(b)
    if ha != hb { return ha < hb }
    if let na, let nb, na != nb { return na < nb }
    return a < b
}
