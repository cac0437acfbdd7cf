import QQData

/// Puts a dataset together from what the readers produced: the handle index (accounts
/// file rows first, then handles first seen in edge files), the accounts' columns for
/// the first `accountRows` ids, and layers built on however many accounts existed when
/// each was read. Columns get null rows and layers isolated nodes up to the final count.
struct DatasetAssembly {
    var index: HandleIndex
    var names: [String] = []
    var columns: [Column] = []
    var accountRows: Int
    var follows: Layer?
    var layers: [Layer] = []
    var warnings: [Diagnostic] = []

    init(index: HandleIndex, accountRows: Int) {
        self.index = index; self.accountRows = accountRows
    }

    /// Reads an edge file into a layer (`nil` name: the follow layer).
    mutating func readLayer(_ name: String?, path: String, options: LoadOptions) throws(Diagnostic) -> Layer {
        let label = "reading \(basename(path))"
        var (list, w) = try EdgeReader.read(path: path, handles: &index, weighted: name != nil, keepWeights: name == nil,
                                            options: options, label: label)
        warnings += w
        guard name == nil, let weights = list.weights else {
            return try DatasetAssembly.layer(name ?? "follow", list: &list, nodeCount: index.count)
        }
        // Follow weights (SPEC §9) are data beside an unweighted follow graph.
        list.weights = nil
        var l = try DatasetAssembly.layer("follow", list: &list, nodeCount: index.count, keepingLists: true)
        l.followWeights = Layer.followWeights(l.out, src: list.src, dst: list.dst, weights: weights)
        return l
    }

    /// Builds a layer from an edge list, keeping its times (SPEC §8) when it has them:
    /// the follow layer the earliest time of each pair, interaction layers the events.
    static func layer(_ name: String, list: inout EdgeList, nodeCount: Int, keepingLists: Bool = false) throws(Diagnostic) -> Layer {
        guard let times = list.times else {
            if keepingLists { return try CSRBuilder.buildCancellable(name: name, nodeCount: nodeCount, src: list.src, dst: list.dst, weights: nil) }
            return try CSRBuilder.buildCancellable(name: name, nodeCount: nodeCount, taking: &list.src, &list.dst, weights: list.weights)
        }
        var l = try CSRBuilder.buildCancellable(name: name, nodeCount: nodeCount, src: list.src, dst: list.dst, weights: list.weights)
        if let weights = list.weights {
            // Self-loops are not edges; the events keep what the CSR holds.
            var e = EdgeEvents(src: [], dst: [], times: [], weights: [])
            for k in 0..<list.src.count where list.src[k] != list.dst[k] {
                e.src.append(list.src[k]); e.dst.append(list.dst[k]); e.times.append(times[k]); e.weights.append(weights[k])
            }
            l.events = e
        } else {
            l.times = Layer.followTimes(l.out, src: list.src, dst: list.dst, times: times)
        }
        return l
    }

    /// `load layers "file" by COLUMN [time COLUMN]`: one interaction layer per value of
    /// the column (lowercased), in order of first appearance.
    mutating func readLayers(path: String, columns: EdgeColumns, options: LoadOptions) throws(Diagnostic) -> [Layer] {
        let (list, w) = try EdgeReader.read(path: path, handles: &index, weighted: true, columns: columns, options: options,
                                            label: "reading \(basename(path))")
        warnings += w
        let labels = list.labels ?? []
        var parts = [EdgeList](repeating: EdgeList(weights: []), count: list.labelNames.count)
        for k in parts.indices where list.times != nil { parts[k].times = [] }
        for (row, l) in labels.enumerated() {
            let k = Int(l)
            parts[k].src.append(list.src[row]); parts[k].dst.append(list.dst[row])
            parts[k].weights!.append(list.weights?[row] ?? 1)
            if let t = list.times { parts[k].times!.append(t[row]) }
        }
        var out: [Layer] = []
        for (k, name) in list.labelNames.enumerated() {
            if name == "follow" || name == "follows" {
                throw Diagnostic(.io, "'\(name)' is the follow layer, not an interaction layer",
                                 hint: "load follows with 'load follows \"…\"'")
            }
            out.append(try DatasetAssembly.layer(name, list: &parts[k], nodeCount: index.count))
        }
        return out
    }

    func finish(origin: String, createdFromEdges: Int? = nil) -> Dataset {
        let n = index.count
        var table = Table(names: ["handle"], columns: [Column(.string(index.handles))])
        for (name, c) in zip(names, columns) { table.set(name, ColumnPadding.padded(c, to: n)) }
        let follows = (follows ?? .empty(name: "follow", nodeCount: n, weighted: false)).padded(to: n)
        return Dataset(accounts: table, handles: index, follows: follows, layers: layers.map { $0.padded(to: n) },
                       origin: origin, createdFromEdges: createdFromEdges ?? (n - accountRows))
    }
}

/// Grows columns with null rows.
enum ColumnPadding {
    static func padded(_ c: Column, to n: Int) -> Column {
        let old = c.count
        guard n > old else { return c }
        var valid = c.valid ?? Bitmap(count: old, value: true)
        for _ in old..<n { valid.append(false) }
        let extra = n - old
        switch c.storage {
        case .int(var a): a.append(contentsOf: repeatElement(0, count: extra)); return Column(.int(a), valid: valid)
        case .float(var a): a.append(contentsOf: repeatElement(0, count: extra)); return Column(.float(a), valid: valid)
        case .bool(var a): a.append(contentsOf: repeatElement(false, count: extra)); return Column(.bool(a), valid: valid)
        case .date(var a): a.append(contentsOf: repeatElement(0, count: extra)); return Column(.date(a), valid: valid)
        case .datetime(var a): a.append(contentsOf: repeatElement(0, count: extra)); return Column(.datetime(a), valid: valid)
        case .duration(var a): a.append(contentsOf: repeatElement(0, count: extra)); return Column(.duration(a), valid: valid)
        case .string(var s): for _ in 0..<extra { s.appendEmpty() }; return Column(.string(s), valid: valid)
        case .null: return Column(.null(n))
        }
    }
}

/// Thousands separators for summaries (`1,000,000`).
func grouped(_ n: Int) -> String {
    let digits = String(n.magnitude)
    var out = ""
    for (i, ch) in digits.enumerated() {
        if i > 0 && (digits.count - i) % 3 == 0 { out.append(",") }
        out.append(ch)
    }
    return n < 0 ? "-" + out : out
}

extension Dataset {
    /// One line for the REPL: accounts, follows and interaction layers.
    var loadSummary: String {
        var s = "\(grouped(accountCount)) accounts, \(grouped(follows.edgeCount)) follows"
        if !layers.isEmpty {
            s += ", " + layers.map { "\(grouped($0.edgeCount)) \($0.name)" }.joined(separator: ", ")
        }
        return s
    }
}
