import QQData

/// One section to write: its place in the table and the array that holds its bytes.
struct SnapshotSection {
    enum Payload {
        case bytes([UInt8]), ints([Int]), int64s([Int64]), words([UInt64])
        case ids([UInt32]), days([Int32]), doubles([Double])
    }

    var kind: SnapshotFormat.Kind
    var index: Int
    var payload: Payload

    func withBytes<R>(_ body: (UnsafeRawBufferPointer) -> R) -> R {
        switch payload {
        case .bytes(let a): return a.withUnsafeBytes(body)
        case .ints(let a): return a.withUnsafeBytes(body)
        case .int64s(let a): return a.withUnsafeBytes(body)
        case .words(let a): return a.withUnsafeBytes(body)
        case .ids(let a): return a.withUnsafeBytes(body)
        case .days(let a): return a.withUnsafeBytes(body)
        case .doubles(let a): return a.withUnsafeBytes(body)
        }
    }
}

/// Writes a dataset as a version-2 snapshot: the sections are listed and checksummed
/// from memory first, so the header and table go out first and nothing is patched.
enum SnapshotWriter {
    static func write(_ d: Dataset, to path: String) throws(Diagnostic) {
        let sections = self.sections(of: d)
        var entries: [SnapshotFormat.Entry] = []
        var offset = SnapshotFormat.dataStart(sections: sections.count)
        var end = offset
        for s in sections {
            try Cancellation.check()
            let (length, sum) = s.withBytes { ($0.count, checksum($0)) }
            entries.append(.init(kind: s.kind, index: s.index, offset: offset, length: length, checksum: sum))
            end = offset + length
            offset = SnapshotFormat.aligned(end)
        }
        // The file ends with the last section's last byte (no padding after it).
        let head = header(entries: entries, fileLength: end)
        let out = try OutputFile(creating: path)
        head.withUnsafeBytes { out.appendRaw($0) }
        var written = head.count
        let zeros = [UInt8](repeating: 0, count: SnapshotFormat.alignment)
        for (s, e) in zip(sections, entries) {
            try Cancellation.check()
            if e.offset > written { zeros.withUnsafeBytes { out.appendRaw(UnsafeRawBufferPointer(rebasing: $0[0..<(e.offset - written)])) } }
            s.withBytes { out.appendRaw($0) }
            written = e.offset + e.length
        }
        try out.close()
    }

    /// The header and section table, padded to where the first section starts.
    static func header(entries: [SnapshotFormat.Entry], fileLength: Int) -> [UInt8] {
        var b = [UInt8](repeating: 0, count: SnapshotFormat.dataStart(sections: entries.count))
        b.withUnsafeMutableBytes { h in
            for (i, m) in SnapshotFormat.magic.enumerated() { h[i] = m }
            h.storeBytes(of: SnapshotFormat.version.littleEndian, toByteOffset: 8, as: UInt32.self)
            h.storeBytes(of: UInt64(fileLength).littleEndian, toByteOffset: 16, as: UInt64.self)
            h.storeBytes(of: UInt64(entries.count).littleEndian, toByteOffset: 24, as: UInt64.self)
            for (i, e) in entries.enumerated() {
                let at = SnapshotFormat.headerSize + i * SnapshotFormat.entrySize
                h.storeBytes(of: e.kind.rawValue.littleEndian, toByteOffset: at, as: UInt32.self)
                h.storeBytes(of: UInt32(e.index).littleEndian, toByteOffset: at + 4, as: UInt32.self)
                h.storeBytes(of: UInt64(e.offset).littleEndian, toByteOffset: at + 8, as: UInt64.self)
                h.storeBytes(of: UInt64(e.length).littleEndian, toByteOffset: at + 16, as: UInt64.self)
                h.storeBytes(of: e.checksum.littleEndian, toByteOffset: at + 24, as: UInt64.self)
            }
        }
        let sum = tableChecksum(b, sections: entries.count)
        b.withUnsafeMutableBytes { $0.storeBytes(of: sum.littleEndian, toByteOffset: 32, as: UInt64.self) }
        return b
    }

    /// The checksum of the header's first 32 bytes and the section table.
    static func tableChecksum(_ head: [UInt8], sections count: Int) -> UInt64 {
        head.withUnsafeBytes { h in
            var c = SnapshotChecksum()
            c.add(UnsafeRawBufferPointer(rebasing: h[0..<32]))
            c.add(UnsafeRawBufferPointer(rebasing: h[SnapshotFormat.headerSize..<(SnapshotFormat.headerSize + count * SnapshotFormat.entrySize)]))
            return c.value
        }
    }

    /// A section's checksum, its blocks hashed on both cores.
    static func checksum(_ raw: UnsafeRawBufferPointer) -> UInt64 {
        let blocks = SnapshotFormat.blockCount(raw.count)
        let hashes = Parallel.map(blocks) { k in
            let lo = k * SnapshotFormat.blockSize, hi = min(raw.count, lo + SnapshotFormat.blockSize)
            return SnapshotFormat.hash(UnsafeRawBufferPointer(rebasing: raw[lo..<hi]))
        }
        return SnapshotFormat.combine(blockHashes: hashes, length: raw.count)
    }

    /// The dataset's sections, in file order.
    static func sections(of d: Dataset) -> [SnapshotSection] {
        let columns = Array(d.accounts.columns.dropFirst())
        let layers = [d.follows] + d.layers
        var meta: [UInt64] = [UInt64(d.accountCount), UInt64(columns.count), UInt64(layers.count),
                              UInt64(d.createdFromEdges), d.isSample ? 1 : 0, HandleIndex.tableVersion]
        var names = StringStore(Array(d.accounts.names.dropFirst()))
        for l in layers { names.append(l.name) }
        var s: [SnapshotSection] = [
            .init(kind: .nameOffsets, index: 0, payload: .ints(names.offsets)),
            .init(kind: .nameBytes, index: 0, payload: .bytes(names.bytes)),
            .init(kind: .handleOffsets, index: 0, payload: .ints(d.handles.handles.offsets)),
            .init(kind: .handleBytes, index: 0, payload: .bytes(d.handles.handles.bytes)),
            .init(kind: .handleTable, index: 0, payload: .words(d.handles.table)),
        ]
        for (i, c) in columns.enumerated() {
            let index = i + 1
            let type: SnapshotFormat.ColumnType
            switch c.storage {
            case .null: type = .null
            case .int(let a): type = .int; s.append(.init(kind: .intColumn, index: index, payload: .int64s(a)))
            case .float(let a): type = .float; s.append(.init(kind: .floatColumn, index: index, payload: .doubles(a)))
            case .bool(let a): type = .bool; s.append(.init(kind: .boolColumn, index: index, payload: .bytes(a.map { $0 ? 1 : 0 })))
            case .date(let a): type = .date; s.append(.init(kind: .dateColumn, index: index, payload: .days(a)))
            case .datetime(let a): type = .datetime; s.append(.init(kind: .intColumn, index: index, payload: .int64s(a)))
            case .duration(let a): type = .duration; s.append(.init(kind: .intColumn, index: index, payload: .int64s(a)))
            case .string(let t):
                type = .string
                s.append(.init(kind: .stringOffsets, index: index, payload: .ints(t.offsets)))
                s.append(.init(kind: .stringBytes, index: index, payload: .bytes(t.bytes)))
            }
            // An all-null column keeps no mask: its type says so.
            let mask = type == .null ? nil : c.valid
            if let mask { s.append(.init(kind: .validity, index: index, payload: .words(mask.words))) }
            meta += [type.rawValue, mask == nil ? 0 : 1]
        }
        for (i, l) in layers.enumerated() {
            meta += [l.weighted ? 1 : 0, UInt64(l.droppedSelfLoops), UInt64(l.duplicateRows), UInt64(l.edgeCount)]
            s.append(.init(kind: .outOffsets, index: i, payload: .ints(l.out.offsets)))
            s.append(.init(kind: .outTargets, index: i, payload: .ids(l.out.targets)))
            s.append(.init(kind: .inOffsets, index: i, payload: .ints(l.inn.offsets)))
            s.append(.init(kind: .inTargets, index: i, payload: .ids(l.inn.targets)))
            if l.weighted {
                s.append(.init(kind: .outWeights, index: i, payload: .doubles(l.out.weights ?? [])))
                s.append(.init(kind: .inWeights, index: i, payload: .doubles(l.inn.weights ?? [])))
            }
            if let t = l.times { s.append(.init(kind: .followTimes, index: i, payload: .int64s(t))) }
            if let w = l.followWeights { s.append(.init(kind: .followWeights, index: i, payload: .doubles(w))) }
            if let e = l.events {
                s.append(.init(kind: .eventSources, index: i, payload: .ids(e.src)))
                s.append(.init(kind: .eventTargets, index: i, payload: .ids(e.dst)))
                s.append(.init(kind: .eventTimes, index: i, payload: .int64s(e.times)))
                s.append(.init(kind: .eventWeights, index: i, payload: .doubles(e.weights)))
            }
        }
        s.insert(.init(kind: .meta, index: 0, payload: .words(meta)), at: 0)
        return s
    }
}
