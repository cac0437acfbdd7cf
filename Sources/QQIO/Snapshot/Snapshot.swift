import QQData

/// Writes and reads `.qqs` snapshots (layout: `SnapshotFormat`; docs/FORMATS.md).
///
/// Reading is a parser, not a trust: the header and table are checked against the
/// file's size and their checksum before any section is read; each section is checked
/// against its own checksum before any value in it is used; then every count, offset,
/// string, id, weight and the handle index is checked against the others
/// (`SnapshotChecks`, `SnapshotGraphCheck`, `HandleIndex.init(handles:verifying:)`).
/// Any failure is a diagnostic naming the file and what is wrong.
enum Snapshot {
    static func write(_ d: Dataset, to path: String) throws(Diagnostic) {
        try SnapshotWriter.write(d, to: path)
    }

    static func read(path: String, options: LoadOptions) throws(Diagnostic) -> Dataset {
        let source = try SnapshotSource(path: path)
        let budget = SnapshotSource.memoryBudget
        if source.length > budget {
            throw Diagnostic(.io, "'\(path)' needs about \(MemoryGuard.bytes(Double(source.length))) of memory; this machine allows about \(MemoryGuard.bytes(Double(budget)))",
                             hint: "load it on a machine with more memory")
        }
        options.progress.begin("reading \(basename(path))", total: source.length)
        defer { options.progress.end() }
        var decoder = SnapshotDecoder(sections: SnapshotSections(source: source, progress: options.progress))
        return try decoder.dataset(origin: path)
    }
}

/// Turns checked sections into a `Dataset`, checking how they fit together.
struct SnapshotDecoder {
    var sections: SnapshotSections

    func damaged(_ why: String) -> Diagnostic { sections.damaged(why) }

    mutating func dataset(origin: String) throws(Diagnostic) -> Dataset {
        let meta: [UInt64] = try sections.read(.meta, 0, for: "the snapshot")
        let fixed = SnapshotFormat.metaFixedWords
        guard meta.count >= fixed else { throw damaged("its meta section is too short") }
        guard let n = Int(exactly: meta[0]), n < Int(UInt32.max) else { throw damaged("it claims \(meta[0]) accounts") }
        let columnWord = meta[1], layerWord = meta[2]
        guard columnWord <= UInt64(meta.count), layerWord <= UInt64(meta.count),
              UInt64(fixed) + 2 * columnWord + 4 * layerWord == UInt64(meta.count) else {
            throw damaged("its meta section does not match its column and layer counts")
        }
        let columnCount = Int(columnWord), layerCount = Int(layerWord)
        guard layerCount >= 1 else { throw damaged("no follow layer") }
        guard let created = Int(exactly: meta[3]), created <= n else { throw damaged("it claims \(meta[3]) accounts created from edges") }

        // Names: columns 1…C, then layers 0…L-1.
        let nameOffsets: [Int] = try sections.read(.nameOffsets, 0, for: "the names")
        let nameBytes: [UInt8] = try sections.read(.nameBytes, 0, for: "the names")
        if let why = SnapshotChecks.strings(offsets: nameOffsets, bytes: nameBytes, count: columnCount + layerCount, what: "names") {
            throw damaged(why)
        }
        let nameStore = StringStore(bytes: nameBytes, offsets: nameOffsets)
        let allNames = (0..<(columnCount + layerCount)).map { nameStore[$0] }
        // Sets, not list searches: a crafted file may claim many names.
        var columnNames = ["handle"]
        var seen: Set<String> = ["handle"]
        for name in allNames.prefix(columnCount) {
            guard SnapshotChecks.name(name, layer: false), seen.insert(name).inserted else {
                throw damaged("column name '\(SnapshotChecks.shown(name))' is empty, invalid or repeated")
            }
            columnNames.append(name)
        }
        let layerNames = Array(allNames.suffix(layerCount))
        var seenLayers = Set<String>()
        for (i, name) in layerNames.enumerated() {
            guard SnapshotChecks.name(name, layer: true), seenLayers.insert(name).inserted,
                  i == 0 || (name != "follow" && name != "follows") else { throw damaged("layer name '\(SnapshotChecks.shown(name))' is empty, invalid or repeated") }
        }

        let handles = try handleIndex(n: n, tableVersion: meta[5])
        var columns = [Column(.string(handles.handles))]
        for c in 0..<columnCount {
            try Cancellation.check()
            columns.append(try column(c + 1, name: columnNames[c + 1], type: meta[fixed + 2 * c], masked: meta[fixed + 2 * c + 1], n: n))
        }
        var layers: [Layer] = []
        for l in 0..<layerCount {
            try Cancellation.check()
            let at = fixed + 2 * columnCount + 4 * l
            layers.append(try layer(l, name: layerNames[l], words: Array(meta[at..<(at + 4)]), n: n))
        }
        try sections.checkAllUsed()
        // A loaded snapshot is the user's data, even when it was saved from the sample.
        return Dataset(accounts: Table(names: columnNames, columns: columns), handles: handles, follows: layers[0],
                       layers: Array(layers.dropFirst()), origin: origin, isSample: false, createdFromEdges: created)
    }

    /// The handles and their index: the saved hash table verified against the handles,
    /// or (saved by a qq with another table layout) rebuilt from them.
    mutating func handleIndex(n: Int, tableVersion: UInt64) throws(Diagnostic) -> HandleIndex {
        let offsets: [Int] = try sections.read(.handleOffsets, 0, for: "the handles")
        let bytes: [UInt8] = try sections.read(.handleBytes, 0, for: "the handles")
        if let why = SnapshotChecks.strings(offsets: offsets, bytes: bytes, count: n, what: "handles") { throw damaged(why) }
        let store = StringStore(bytes: bytes, offsets: offsets)
        let table: [UInt64] = try sections.read(.handleTable, 0, for: "the handle index")
        do throws(HandleIndex.TableProblem) {
            if tableVersion == HandleIndex.tableVersion { return try HandleIndex(handles: store, verifying: table) }
        } catch {
            switch error {
            case .size: throw damaged("its handle index has \(table.count / 2) slots for \(n) handles")
            case .slot(let slot, let id): throw damaged("handle index slot \(slot) names account \(id) of \(n)")
            case .count(let used): throw damaged("its handle index holds \(used) handles, expected \(n)")
            case .lookup(let row): throw damaged("its handle index does not find '\(SnapshotChecks.shown(store[row]))' (row \(row))")
            case .duplicate(let row, let first): throw damaged("handle '\(SnapshotChecks.shown(store[row]))' appears twice (rows \(first) and \(row))")
            }
        }
        do {
            return try HandleIndex(uniqueHandles: store)
        } catch {
            throw damaged("handle '\(SnapshotChecks.shown(error.handle))' appears twice (row \(error.row))")
        }
    }

    mutating func column(_ c: Int, name: String, type word: UInt64, masked: UInt64, n: Int) throws(Diagnostic) -> Column {
        let what = "column '\(SnapshotChecks.shown(name))'"
        guard let type = SnapshotFormat.ColumnType(rawValue: word), masked <= 1 else { throw damaged("\(what) has unknown type \(word)") }
        var valid: Bitmap? = nil
        if masked == 1 {
            guard type != .null else { throw damaged("\(what) has no values but a null mask") }
            let words: [UInt64] = try sections.read(.validity, c, for: what)
            guard let b = Bitmap(words: words, count: n) else { throw damaged("\(what) has a null mask of the wrong size") }
            valid = b
        }
        func rows<T>(_ a: [T]) throws(Diagnostic) -> [T] {
            guard a.count == n else { throw damaged("\(what) has \(a.count) values, expected \(n)") }
            return a
        }
        switch type {
        case .null:
            return Column(.null(n))
        case .int:
            return Column(.int(try rows(try sections.read(.intColumn, c, as: Int64.self, for: what))), valid: valid)
        case .datetime:
            return Column(.datetime(try rows(try sections.read(.intColumn, c, as: Int64.self, for: what))), valid: valid)
        case .duration:
            return Column(.duration(try rows(try sections.read(.intColumn, c, as: Int64.self, for: what))), valid: valid)
        case .float:
            return Column(.float(try rows(try sections.read(.floatColumn, c, as: Double.self, for: what))), valid: valid)
        case .bool:
            let raw = try rows(try sections.read(.boolColumn, c, as: UInt8.self, for: what))
            if let i = raw.firstIndex(where: { $0 > 1 }) { throw damaged("\(what) has \(raw[i]) at row \(i), expected 0 or 1") }
            return Column(.bool(raw.map { $0 == 1 }), valid: valid)
        case .date:
            let days = try rows(try sections.read(.dateColumn, c, as: Int32.self, for: what))
            let range = SnapshotChecks.dateRange
            if let i = days.firstIndex(where: { !range.contains($0) }) { throw damaged("\(what) has a date outside years 0–9999 at row \(i)") }
            return Column(.date(days), valid: valid)
        case .string:
            let offsets: [Int] = try sections.read(.stringOffsets, c, for: what)
            let bytes: [UInt8] = try sections.read(.stringBytes, c, for: what)
            if let why = SnapshotChecks.strings(offsets: offsets, bytes: bytes, count: n, what: "\(what) strings") { throw damaged(why) }
            return Column(.string(StringStore(bytes: bytes, offsets: offsets)), valid: valid)
        }
    }

    /// A layer: its four words (weighted, self-loops dropped, duplicates, edge count),
    /// both directions checked and the in-direction checked to be their transpose.
    mutating func layer(_ l: Int, name: String, words: [UInt64], n: Int) throws(Diagnostic) -> Layer {
        let what = l == 0 ? "the follow layer" : "layer '\(SnapshotChecks.shown(name))'"
        guard words[0] <= 1, let loops = Int(exactly: words[1]), let dups = Int(exactly: words[2]),
              let m = Int(exactly: words[3]) else { throw damaged("\(what) has invalid counts") }
        let weighted = words[0] == 1
        if l > 0 && !weighted { throw damaged("\(what) is an interaction layer without weights") }
        if l == 0 && weighted { throw damaged("\(what) has weights") }
        let outOffsets: [Int] = try sections.read(.outOffsets, l, for: what)
        let outTargets: [UInt32] = try sections.read(.outTargets, l, for: what)
        let inOffsets: [Int] = try sections.read(.inOffsets, l, for: what)
        let inTargets: [UInt32] = try sections.read(.inTargets, l, for: what)
        var outWeights: [Double]? = nil, inWeights: [Double]? = nil
        if weighted {
            outWeights = try sections.read(.outWeights, l, for: what)
            inWeights = try sections.read(.inWeights, l, for: what)
        }
        guard outTargets.count == m, inTargets.count == m, outWeights.map({ $0.count == m }) ?? true,
              inWeights.map({ $0.count == m }) ?? true else { throw damaged("\(what) does not hold the \(m) edges it claims") }
        if let why = SnapshotChecks.offsets(outOffsets, rows: n, total: m, what: "out offsets")
            ?? SnapshotChecks.offsets(inOffsets, rows: n, total: m, what: "in offsets") {
            throw damaged("\(what): \(why)")
        }
        let check = SnapshotGraphCheck(nodes: n)
        let verdict = outOffsets.withUnsafeBufferPointer { oo in
            outTargets.withUnsafeBufferPointer { ot in
                inOffsets.withUnsafeBufferPointer { io in
                    inTargets.withUnsafeBufferPointer { it in
                        withOptionalBuffer(outWeights) { ow in
                            withOptionalBuffer(inWeights) { iw in
                                check.check(out: .init(offsets: oo, targets: ot, weights: ow, inbound: false),
                                            inn: .init(offsets: io, targets: it, weights: iw, inbound: true))
                            }
                        }
                    }
                }
            }
        }
        switch verdict {
        case .valid: break
        case .cancelled: throw Diagnostic.cancelled()
        case .bad(let why): throw damaged("\(what): \(why)")
        }
        var layer = Layer(name: name, out: CSR(offsets: outOffsets, targets: outTargets, weights: outWeights),
                          inn: CSR(offsets: inOffsets, targets: inTargets, weights: inWeights),
                          weighted: weighted, droppedSelfLoops: loops, duplicateRows: dups)
        try times(into: &layer, l, what: what, n: n)
        return layer
    }

    /// A layer's time arrays (SPEC §8), when the table lists them: follow times, one
    /// per out edge, on the follow layer; events on an interaction layer, every id an
    /// account and every weight finite.
    mutating func times(into layer: inout Layer, _ l: Int, what: String, n: Int) throws(Diagnostic) {
        let hasEvents = sections.has(.eventSources, l) || sections.has(.eventTargets, l)
            || sections.has(.eventTimes, l) || sections.has(.eventWeights, l)
        if sections.has(.followTimes, l) {
            guard l == 0 else { throw damaged("\(what) has follow times") }
            let t: [Int64] = try sections.read(.followTimes, l, for: what)
            guard t.count == layer.edgeCount else { throw damaged("\(what) has \(t.count) follow times for \(layer.edgeCount) edges") }
            layer.times = t
        }
        if sections.has(.followWeights, l) {
            guard l == 0 else { throw damaged("\(what) has follow weights") }
            let w: [Double] = try sections.read(.followWeights, l, for: what)
            guard w.count == layer.edgeCount else { throw damaged("\(what) has \(w.count) follow weights for \(layer.edgeCount) edges") }
            if let k = w.firstIndex(where: { !($0.isFinite && $0 >= 0) }) { throw damaged("\(what): follow weight \(k) is \(w[k])") }
            layer.followWeights = w
        }
        guard hasEvents else { return }
        guard l > 0 else { throw damaged("\(what) has interaction events") }
        let src: [UInt32] = try sections.read(.eventSources, l, for: what)
        let dst: [UInt32] = try sections.read(.eventTargets, l, for: what)
        let times: [Int64] = try sections.read(.eventTimes, l, for: what)
        let weights: [Double] = try sections.read(.eventWeights, l, for: what)
        guard src.count == dst.count, src.count == times.count, src.count == weights.count else {
            throw damaged("\(what) has event arrays of different lengths")
        }
        let limit = UInt32(truncatingIfNeeded: n)
        if let k = src.indices.first(where: { src[$0] >= limit || dst[$0] >= limit }) {
            throw damaged("\(what): event \(k) names an account outside 0..<\(n)")
        }
        if let k = weights.firstIndex(where: { !$0.isFinite }) { throw damaged("\(what): event \(k) has weight \(weights[k])") }
        layer.events = EdgeEvents(src: src, dst: dst, times: times, weights: weights)
    }
}

/// `body` with the array's buffer, or with nil when there is no array.
private func withOptionalBuffer<R>(_ a: [Double]?, _ body: (UnsafeBufferPointer<Double>?) -> R) -> R {
    guard let a else { return body(nil) }
    return a.withUnsafeBufferPointer { body($0) }
}
