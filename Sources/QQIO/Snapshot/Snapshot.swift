#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import QQData

/// Writes and reads `.qqs` snapshots (see `SnapshotFormat`).
enum Snapshot {
    static func write(_ d: Dataset, to path: String) throws(Diagnostic) {
        let out = try OutputFile(creating: path)
        var w = SnapshotWriter(out: out)
        var header = [UInt8](repeating: 0, count: SnapshotFormat.headerSize)
        header.withUnsafeBufferPointer { out.append($0) }
        w.string(d.origin)
        w.u64(d.isSample ? 1 : 0)
        w.u64(UInt64(d.createdFromEdges))
        w.u64(UInt64(d.accountCount))
        w.array(d.handles.handles.bytes)
        w.array(d.handles.handles.offsets)
        w.u64(HandleIndex.tableVersion)
        w.array(d.handles.table)
        w.u64(UInt64(d.accounts.columnCount - 1))
        for (name, col) in zip(d.accounts.names.dropFirst(), d.accounts.columns.dropFirst()) {
            w.string(name)
            w.column(col)
        }
        let layers = [d.follows] + d.layers
        w.u64(UInt64(layers.count))
        for l in layers {
            w.string(l.name)
            w.u64(l.weighted ? 1 : 0)
            w.u64(UInt64(l.droppedSelfLoops))
            w.u64(UInt64(l.duplicateRows))
            w.csr(l.out, weighted: l.weighted)
            w.csr(l.inn, weighted: l.weighted)
            w.times(l)
        }
        out.flush()
        // Header last, once the payload's length and checksum are known.
        header.withUnsafeMutableBytes { h in
            for (i, b) in SnapshotFormat.magic.enumerated() { h[i] = b }
            h.storeBytes(of: SnapshotFormat.version.littleEndian, toByteOffset: 8, as: UInt32.self)
            h.storeBytes(of: UInt64(w.length).littleEndian, toByteOffset: 16, as: UInt64.self)
            h.storeBytes(of: w.checksum.value.littleEndian, toByteOffset: 24, as: UInt64.self)
        }
        try out.patch(at: 0, header)
        try out.close()
    }

    static func read(path: String, options: LoadOptions) throws(Diagnostic) -> Dataset {
        let source = try ByteSource(path: path)
        var r = SnapshotReader(source: source, path: path)
        options.progress.begin("reading \(basename(path))", total: source.fileSize)
        defer { options.progress.end() }
        let header = try r.rawBytes(SnapshotFormat.headerSize)
        guard let header, Array(header[0..<8]) == SnapshotFormat.magic else {
            throw Diagnostic(.io, "'\(path)' is not a qq snapshot: expected a file written by 'save \"….qqs\"'")
        }
        let (version, length, checksum) = header.withUnsafeBytes { h in
            (UInt32(littleEndian: h.load(fromByteOffset: 8, as: UInt32.self)),
             UInt64(littleEndian: h.load(fromByteOffset: 16, as: UInt64.self)),
             UInt64(littleEndian: h.load(fromByteOffset: 24, as: UInt64.self)))
        }
        guard version == SnapshotFormat.version else {
            throw Diagnostic(.io, "'\(path)' is a snapshot of version \(version): expected version \(SnapshotFormat.version)",
                             hint: "save it again with this version of qq")
        }
        if !source.isGzip && Int(length) + SnapshotFormat.headerSize != source.fileSize {
            throw r.corrupt("its size does not match its header (truncated?)")
        }
        let origin = try r.string()
        // A loaded snapshot is the user's data, even when it was saved from the sample.
        _ = try r.u64()
        let created = Int(try r.u64())
        let n = Int(try r.u64())
        let bytes: [UInt8] = try r.array()
        let offsets: [Int] = try r.array()
        guard offsets.count == n + 1, offsets.first == 0, offsets.last == bytes.count else { throw r.corrupt("bad handle table") }
        let store = StringStore(bytes: bytes, offsets: offsets)
        let tableVersion = try r.u64()
        let table: [UInt64] = try r.array()
        var names = ["handle"]
        var columns = [Column(.string(store))]
        let columnCount = Int(try r.u64())
        for _ in 0..<columnCount {
            names.append(try r.string())
            columns.append(try r.column(rows: n))
        }
        options.progress.update(source.consumed / 2)
        let layerCount = Int(try r.u64())
        guard layerCount >= 1 else { throw r.corrupt("no follow layer") }
        var layers: [Layer] = []
        for _ in 0..<layerCount {
            let name = try r.string()
            let weighted = try r.u64() != 0
            let loops = Int(try r.u64()), dups = Int(try r.u64())
            let out = try r.csr(nodes: n, weighted: weighted)
            let inn = try r.csr(nodes: n, weighted: weighted)
            guard out.edgeCount == inn.edgeCount else { throw r.corrupt("layer '\(name)' directions differ") }
            var layer = Layer(name: name, out: out, inn: inn, weighted: weighted, droppedSelfLoops: loops, duplicateRows: dups)
            try r.times(into: &layer, nodes: n)
            layers.append(layer)
        }
        guard r.length == Int(length) else { throw r.corrupt("its length does not match its header") }
        guard r.checksum.value == checksum else { throw r.corrupt("checksum mismatch") }
        // The saved hash table spares rehashing every handle; an older one is rebuilt.
        var index: HandleIndex! = tableVersion == HandleIndex.tableVersion ? HandleIndex(handles: store, table: table) : nil
        if index == nil {
            do { index = try HandleIndex(uniqueHandles: store) } catch { throw r.corrupt("handle '\(error.handle)' appears twice") }
        }
        _ = origin
        options.progress.update(source.fileSize)
        return Dataset(accounts: Table(names: names, columns: columns), handles: index, follows: layers[0],
                       layers: Array(layers.dropFirst()), origin: path, isSample: false, createdFromEdges: created)
    }
}
