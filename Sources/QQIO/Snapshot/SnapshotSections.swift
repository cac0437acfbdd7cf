import QQData

/// The sections of an open snapshot, each read into its final array and checked
/// against its checksum before the caller sees a value of it.
///
/// An array is allocated from the section's length, which the table check bounded by
/// the file's size (never from a count inside the data). Its blocks are read and
/// hashed on both cores: `pread` into the array, then the block hashed while it is
/// still in cache. Copying is the price of qq's in-memory types being Swift arrays;
/// it also means validation looks at qq's own copy, which nothing can change after.
struct SnapshotSections {
    let source: SnapshotSource
    let progress: any ProgressSink
    private var position: [UInt64: Int] = [:]
    private var used: [Bool]
    private(set) var bytesRead = 0

    init(source: SnapshotSource, progress: any ProgressSink) {
        self.source = source
        self.progress = progress
        used = [Bool](repeating: false, count: source.entries.count)
        for (i, e) in source.entries.enumerated() { position[SnapshotSections.key(e.kind, e.index)] = i }
    }

    private static func key(_ kind: SnapshotFormat.Kind, _ index: Int) -> UInt64 { UInt64(kind.rawValue) << 32 | UInt64(index) }

    func damaged(_ why: String) -> Diagnostic { SnapshotSource.damaged(source.path, why) }

    func has(_ kind: SnapshotFormat.Kind, _ index: Int) -> Bool { position[SnapshotSections.key(kind, index)] != nil }

    /// The values of section (`kind`, `index`), which must exist.
    mutating func read<T: BitwiseCopyable>(_ kind: SnapshotFormat.Kind, _ index: Int, as: T.Type = T.self,
                                           for what: @autoclosure () -> String) throws(Diagnostic) -> [T] {
        precondition(MemoryLayout<T>.stride == kind.elementSize, "section element type")
        guard let i = position[SnapshotSections.key(kind, index)] else { throw damaged("\(what()) has no \(kind.label) section") }
        used[i] = true
        let e = source.entries[i]
        let count = e.length / MemoryLayout<T>.stride
        let source = self.source
        var outcome: UInt64?? = nil   // nil: a block failed; .some(nil): cancelled
        let values = [T](unsafeUninitializedCapacity: count) { buf, initialized in
            let raw = UnsafeMutableRawBufferPointer(buf)
            HugePages.advise(raw.baseAddress, raw.count)
            let blocks = SnapshotFormat.blockCount(e.length)
            let hashes = Parallel.map(blocks) { k -> UInt64?? in
                if Cancellation.isRequested { return .some(nil) }
                let lo = k * SnapshotFormat.blockSize, hi = min(e.length, lo + SnapshotFormat.blockSize)
                if hi > lo && !source.copy(offset: e.offset + lo, count: hi - lo, into: raw.baseAddress! + lo) { return nil }
                return SnapshotFormat.hash(UnsafeRawBufferPointer(rebasing: raw[lo..<hi]))
            }
            var all: [UInt64] = []
            for h in hashes {
                guard let h else { outcome = nil; initialized = 0; return }
                guard let h else { outcome = .some(nil); initialized = 0; return }
                all.append(h)
            }
            outcome = .some(SnapshotFormat.combine(blockHashes: all, length: e.length))
            initialized = count
        }
        guard let sum = outcome else { throw damaged("it changed or ended while being read") }
        guard let sum else { throw Diagnostic.cancelled() }
        guard sum == e.checksum else { throw damaged("checksum mismatch in section '\(e.kind.label)' of \(what())") }
        bytesRead += e.length
        progress.update(bytesRead)
        return values
    }

    /// Throws when a section was never asked for: the table lists only what the
    /// layout in the meta section calls for.
    func checkAllUsed() throws(Diagnostic) {
        if let i = used.firstIndex(of: false) {
            let e = source.entries[i]
            throw damaged("section \(i) ('\(e.kind.label)' \(e.index)) does not belong to its layout")
        }
    }
}
