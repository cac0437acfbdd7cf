import QQData

/// The loaders of SPEC §2. Every load builds a new `Dataset` and returns it: the
/// caller's dataset is never touched, so a load that fails changes nothing.
public enum Loader {
    /// `load "path"`: a folder (accounts.csv, follows.csv, every other NAME.csv /
    /// NAME.csv.gz = interaction layer NAME), a .graphml(.gz), a .qqs snapshot, or a
    /// single edge-list file (follows only). Replaces the whole dataset.
    public static func load(path: String, options: LoadOptions) throws(Diagnostic) -> LoadReport {
        guard AtomicFile.exists(path) else {
            throw Diagnostic(.io, "cannot open '\(path)': no such file or folder")
        }
        let lower = path.lowercased()
        let dataset: Dataset
        var warnings: [Diagnostic] = []
        if AtomicFile.isDirectory(path) {
            (dataset, warnings) = try FolderLoader.load(folder: path, options: options)
        } else if lower.hasSuffix(".qqs") {
            dataset = try Snapshot.read(path: path, options: options)
        } else if lower.hasSuffix(".graphml") || lower.hasSuffix(".graphml.gz") || lower.hasSuffix(".xml") {
            (dataset, warnings) = try GraphMLReader.read(path: path, options: options)
        } else {
            var a = DatasetAssembly(index: HandleIndex(), accountRows: 0)
            a.follows = try a.readLayer(nil, path: path, options: options)
            dataset = a.finish(origin: path)
            warnings = a.warnings
        }
        return LoadReport(dataset: dataset, warnings: warnings, summary: "loaded \(dataset.loadSummary) from '\(path)'")
    }

    /// `load follows`: replaces the follow layer of `current` (or of an empty dataset
    /// when `current` is the built-in sample). New handles become accounts with nulls.
    public static func loadFollows(path: String, into current: Dataset, options: LoadOptions) throws(Diagnostic) -> LoadReport {
        let base = current.isSample ? Dataset.empty(origin: path) : current
        var a = DatasetAssembly.extending(base)
        a.follows = try a.readLayer(nil, path: path, options: options)
        let d = a.finish(origin: base.origin, createdFromEdges: base.createdFromEdges + (a.index.count - base.accountCount))
        return LoadReport(dataset: d, warnings: a.warnings,
                          summary: "loaded \(grouped(d.follows.edgeCount)) follows from '\(path)' (\(d.loadSummary))")
    }

    /// `load layer NAME`: replaces (or adds) interaction layer NAME.
    public static func loadLayer(name: String, path: String, into current: Dataset, options: LoadOptions) throws(Diagnostic) -> LoadReport {
        if name == "follow" || name == "follows" {
            throw Diagnostic(.io, "'\(name)' is the follow layer, not an interaction layer", hint: "use 'load follows \"\(path)\"'")
        }
        let base = current.isSample ? Dataset.empty(origin: path) : current
        var a = DatasetAssembly.extending(base)
        let layer = try a.readLayer(name, path: path, options: options)
        if let i = a.layers.firstIndex(where: { $0.name == name }) { a.layers[i] = layer } else { a.layers.append(layer) }
        let d = a.finish(origin: base.origin, createdFromEdges: base.createdFromEdges + (a.index.count - base.accountCount))
        return LoadReport(dataset: d, warnings: a.warnings,
                          summary: "loaded \(grouped(layer.edgeCount)) \(name) edges from '\(path)' (\(d.loadSummary))")
    }

    /// `load layers "file" by COLUMN [time COLUMN]` (SPEC §8): one edge file split into
    /// interaction layers named by the column's values; each replaces (or adds) the
    /// layer of that name.
    public static func loadLayers(path: String, columns: EdgeColumns, into current: Dataset, options: LoadOptions) throws(Diagnostic) -> LoadReport {
        let base = current.isSample ? Dataset.empty(origin: path) : current
        var a = DatasetAssembly.extending(base)
        let layers = try a.readLayers(path: path, columns: columns, options: options)
        for layer in layers {
            if let i = a.layers.firstIndex(where: { $0.name == layer.name }) { a.layers[i] = layer } else { a.layers.append(layer) }
        }
        let d = a.finish(origin: base.origin, createdFromEdges: base.createdFromEdges + (a.index.count - base.accountCount))
        let list = layers.map { "\(grouped($0.events?.count ?? $0.edgeCount)) \($0.name)" }.joined(separator: ", ")
        return LoadReport(dataset: d, warnings: a.warnings,
                          summary: "loaded \(layers.count) layer\(layers.count == 1 ? "" : "s") from '\(path)': \(list) (\(d.loadSummary))")
    }

    /// `load accounts`: replaces the accounts' columns. The file's rows come first;
    /// accounts of `current` missing from it follow in their old order, with null
    /// attributes, and every layer is renumbered to match.
    public static func loadAccounts(path: String, into current: Dataset, options: LoadOptions) throws(Diagnostic) -> LoadReport {
        let base = current.isSample ? Dataset.empty(origin: path) : current
        let (acc, warnings) = try AccountsReader.read(path: path, options: options)
        var index = acc.index
        let fileRows = index.count
        var map = [UInt32](repeating: 0, count: base.accountCount)
        var identity = true
        base.handles.handles.bytes.withUnsafeBufferPointer { hb in
            for old in 0..<base.accountCount {
                let id = index.insert(utf8: UnsafeBufferPointer(rebasing: hb[base.handles.handles.range(old)])).id
                map[old] = id
                if id != UInt32(old) { identity = false }
            }
        }
        var a = DatasetAssembly(index: index, accountRows: fileRows)
        a.names = acc.names; a.columns = acc.columns
        a.follows = identity ? base.follows : renumber(base.follows, map, nodeCount: index.count)
        a.layers = identity ? base.layers : base.layers.map { renumber($0, map, nodeCount: index.count) }
        let d = a.finish(origin: base.origin)
        return LoadReport(dataset: d, warnings: warnings,
                          summary: "loaded \(grouped(fileRows)) accounts from '\(path)' (\(d.loadSummary))")
    }

    /// The same edges with ids mapped through `map`, rebuilt (rows must be re-sorted).
    static func renumber(_ layer: Layer, _ map: [UInt32], nodeCount: Int) -> Layer {
        var src = [UInt32](), dst = [UInt32]()
        src.reserveCapacity(layer.edgeCount); dst.reserveCapacity(layer.edgeCount)
        for v in 0..<layer.nodeCount {
            for t in layer.out.neighbors(v) { src.append(map[v]); dst.append(map[Int(t)]) }
        }
        var l = CSRBuilder.build(name: layer.name, nodeCount: nodeCount, src: src, dst: dst, weights: layer.out.weights)
        l.droppedSelfLoops = layer.droppedSelfLoops; l.duplicateRows = layer.duplicateRows
        // Times follow their edges (the CSR order changes with the ids).
        if let t = layer.times { l.times = Layer.followTimes(l.out, src: src, dst: dst, times: t) }
        if var e = layer.events {
            e.src = e.src.map { map[Int($0)] }; e.dst = e.dst.map { map[Int($0)] }
            l.events = e
        }
        return l
    }
}

extension DatasetAssembly {
    /// An assembly that starts from an existing dataset's accounts and layers.
    static func extending(_ base: Dataset) -> DatasetAssembly {
        var a = DatasetAssembly(index: base.handles, accountRows: base.accountCount)
        a.names = Array(base.accounts.names.dropFirst())
        a.columns = Array(base.accounts.columns.dropFirst())
        a.follows = base.follows
        a.layers = base.layers
        return a
    }
}
