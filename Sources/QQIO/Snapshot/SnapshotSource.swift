#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import QQData

/// Where a snapshot's bytes come from, and its validated header and section table.
///
/// A regular file is read section by section with `pread(2)` straight into each
/// section's final array: what is checked is qq's own copy, so a file truncated or
/// rewritten while it loads gives an error (a short read, a checksum mismatch), never
/// a crash or unchecked data. A gzip file, pipe or device is read into memory first,
/// streaming, up to the length its header claims, and only when that length fits in
/// memory (and, for gzip, in deflate's largest compression ratio).
final class SnapshotSource {
    let path: String
    /// The file's length as its header states it (and, for a regular file, as it is).
    let length: Int
    /// The section table, in table order.
    let entries: [SnapshotFormat.Entry]
    private let fd: Int32
    private let memory: UnsafeMutableRawBufferPointer?

    /// Deflate never compresses better than about 1032:1.
    static let maxGzipRatio = 1032

    /// What a snapshot may take in memory: 80 % of RAM or of `ulimit -v`.
    static var memoryBudget: Int {
        let b = 0.8 * MemoryGuard.memoryLimit()
        return b >= Double(Int.max) ? Int.max : Int(b)
    }

    init(path: String) throws(Diagnostic) {
        self.path = path
        if AtomicFile.isDirectory(path) { throw Diagnostic(.io, "'\(path)' is a folder, expected a file") }
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { throw AtomicFile.ioError("cannot open '\(path)'") }
        var st = stat()
        var magic: (UInt8, UInt8) = (0, 0)
        let regular = fstat(fd, &st) == 0 && (st.st_mode & S_IFMT) == S_IFREG
        let gzip = regular && withUnsafeMutableBytes(of: &magic) { Glibc.pread(fd, $0.baseAddress!, 2, 0) } == 2
            && magic.0 == 0x1F && magic.1 == 0x8B
        var keep: Int32 = -1
        var mem: UnsafeMutableRawBufferPointer? = nil
        let parsed: (Int, [SnapshotFormat.Entry])
        do throws(Diagnostic) {
            if regular && !gzip {
                keep = fd
                var head = [UInt8](repeating: 0, count: SnapshotFormat.headerSize)
                guard SnapshotSource.pread(fd, &head, offset: 0) else { throw SnapshotSource.notSnapshot(path) }
                parsed = try SnapshotSource.parse(head: head, path: path, actualSize: Int(st.st_size)) { off, n throws(Diagnostic) in
                    var b = [UInt8](repeating: 0, count: n)
                    guard SnapshotSource.pread(fd, &b, offset: off) else { throw SnapshotSource.damaged(path, "its size does not match its header (truncated?)") }
                    return b
                }
            } else {
                close(fd)
                let stream = try ByteSource(path: path)
                let buffer = try SnapshotSource.readStream(stream, path: path)
                mem = buffer
                let whole = UnsafeRawBufferPointer(buffer)
                parsed = try SnapshotSource.parse(head: Array(whole[0..<SnapshotFormat.headerSize]), path: path,
                                                  actualSize: buffer.count) { off, n throws(Diagnostic) in
                    Array(whole[off..<(off + n)])
                }
            }
        } catch {
            if keep >= 0 { close(keep) }
            if let mem { free(mem.baseAddress) }
            throw error
        }
        self.fd = keep
        memory = mem
        (length, entries) = parsed
    }

    deinit {
        if fd >= 0 { close(fd) }
        if let memory { free(memory.baseAddress) }
    }

    static func damaged(_ path: String, _ why: String) -> Diagnostic {
        Diagnostic(.io, "'\(path)' is a damaged snapshot: \(why)", hint: "save the dataset again")
    }

    static func notSnapshot(_ path: String) -> Diagnostic {
        Diagnostic(.io, "'\(path)' is not a qq snapshot: expected a file written by 'save \"….qqs\"'")
    }

    /// Reads all of `count` bytes at `offset`; false when the file is shorter.
    static func pread(_ fd: Int32, _ dst: UnsafeMutableRawPointer, count: Int, offset: Int) -> Bool {
        var done = 0
        while done < count {
            let n = Glibc.pread(fd, dst + done, min(count - done, 1 << 30), off_t(offset + done))
            if n < 0 && errno == EINTR { continue }
            if n <= 0 { return false }
            done += n
        }
        return true
    }

    private static func pread(_ fd: Int32, _ b: inout [UInt8], offset: Int) -> Bool {
        let n = b.count
        return b.withUnsafeMutableBytes { pread(fd, $0.baseAddress!, count: n, offset: offset) }
    }

    /// Copies `count` bytes at `offset` of the snapshot to `dst`; false when they are
    /// no longer there (the file shrank while loading). The caller bounds the range
    /// by the table, which `parse` checked against `length`.
    func copy(offset: Int, count: Int, into dst: UnsafeMutableRawPointer) -> Bool {
        if count == 0 { return true }
        if let memory {
            dst.copyMemory(from: memory.baseAddress! + offset, byteCount: count)
            return true
        }
        return SnapshotSource.pread(fd, dst, count: count, offset: offset)
    }

    // MARK: - Header and table

    /// Validates the header and the section table: magic, version, length, the table's
    /// checksum, then every entry (known kind, aligned, inside the file, whole elements,
    /// no overlap, no repeat). `table(offset, count)` reads bytes of the file.
    static func parse(head: [UInt8], path: String, actualSize: Int,
                      table: (Int, Int) throws(Diagnostic) -> [UInt8]) throws(Diagnostic) -> (Int, [SnapshotFormat.Entry]) {
        guard head.count == SnapshotFormat.headerSize, Array(head[0..<8]) == SnapshotFormat.magic else { throw notSnapshot(path) }
        func word(_ b: [UInt8], _ at: Int) -> UInt64 {
            b.withUnsafeBytes { UInt64(littleEndian: $0.loadUnaligned(fromByteOffset: at, as: UInt64.self)) }
        }
        func half(_ b: [UInt8], _ at: Int) -> UInt32 {
            b.withUnsafeBytes { UInt32(littleEndian: $0.loadUnaligned(fromByteOffset: at, as: UInt32.self)) }
        }
        let version = half(head, 8)
        guard version == SnapshotFormat.version else {
            throw Diagnostic(.io, "'\(path)': snapshot version \(version) is not supported, re-save it",
                             hint: "this qq reads snapshots of version \(SnapshotFormat.version); load the data it came from and save it again")
        }
        guard half(head, 12) == 0, head[40..<64].allSatisfy({ $0 == 0 }) else { throw damaged(path, "unknown flags in its header") }
        guard let length = Int(exactly: word(head, 16)), length >= SnapshotFormat.headerSize, length == actualSize else {
            throw damaged(path, "its size does not match its header (truncated?)")
        }
        let countWord = word(head, 24)
        guard countWord <= UInt64(SnapshotFormat.maxSections),
              SnapshotFormat.dataStart(sections: Int(countWord)) <= length else {
            throw damaged(path, "its header claims \(countWord) sections")
        }
        let count = Int(countWord)
        let rows = try table(SnapshotFormat.headerSize, count * SnapshotFormat.entrySize)
        var check = SnapshotChecksum()
        head.withUnsafeBytes { check.add(UnsafeRawBufferPointer(rebasing: $0[0..<32])) }
        rows.withUnsafeBytes { check.add($0) }
        guard check.value == word(head, 32) else { throw damaged(path, "checksum mismatch in its header") }

        let start = SnapshotFormat.dataStart(sections: count)
        var entries: [SnapshotFormat.Entry] = []
        entries.reserveCapacity(count)
        var seen = Set<UInt64>()
        for i in 0..<count {
            let at = i * SnapshotFormat.entrySize
            let rawKind = half(rows, at), rawIndex = half(rows, at + 4)
            guard let kind = SnapshotFormat.Kind(rawValue: rawKind) else { throw damaged(path, "section \(i) is of unknown kind \(rawKind)") }
            guard seen.insert(UInt64(rawKind) << 32 | UInt64(rawIndex)).inserted else {
                throw damaged(path, "section \(i) (\(kind.label) \(rawIndex)) appears twice")
            }
            let off = word(rows, at + 8), len = word(rows, at + 16)
            guard off >= UInt64(start), off <= UInt64(length), len <= UInt64(length) - off, off % UInt64(SnapshotFormat.alignment) == 0 else {
                throw damaged(path, "section \(i) (\(kind.label)) lies outside the file or is misaligned")
            }
            guard len % UInt64(kind.elementSize) == 0 else {
                throw damaged(path, "section \(i) (\(kind.label)) is not a whole number of \(kind.elementSize)-byte values")
            }
            entries.append(.init(kind: kind, index: Int(rawIndex), offset: Int(off), length: Int(len), checksum: word(rows, at + 24)))
        }
        let byOffset = entries.sorted { $0.offset < $1.offset }
        for (a, b) in zip(byOffset, byOffset.dropFirst()) where a.offset + a.length > b.offset {
            throw damaged(path, "sections '\(a.kind.label)' and '\(b.kind.label)' overlap")
        }
        return (length, entries)
    }

    // MARK: - Streams (gzip, pipes, devices)

    /// The whole content of a stream, read in growing steps: never more than the
    /// header's length, which must fit in memory (and for gzip in 1032 times the
    /// compressed size), so neither a lying header nor a gzip bomb allocates more
    /// than the data really holds plus one step.
    static func readStream(_ s: ByteSource, path: String) throws(Diagnostic) -> UnsafeMutableRawBufferPointer {
        let h = UnsafeMutableRawBufferPointer.allocate(byteCount: SnapshotFormat.headerSize, alignment: 8)
        defer { h.deallocate() }
        let got = try s.readExactly(into: h.baseAddress!, count: h.count)
        let head = Array(h.bindMemory(to: UInt8.self))
        guard got, Array(head[0..<8]) == SnapshotFormat.magic else { throw notSnapshot(path) }
        let claimed = head.withUnsafeBytes { UInt64(littleEndian: $0.loadUnaligned(fromByteOffset: 16, as: UInt64.self)) }
        let budget = memoryBudget
        guard let length = Int(exactly: claimed), length >= SnapshotFormat.headerSize else {
            throw damaged(path, "its header claims \(claimed) bytes")
        }
        if length > budget {
            throw Diagnostic(.io, "'\(path)' claims to hold \(MemoryGuard.bytes(Double(length))) of snapshot; this machine allows about \(MemoryGuard.bytes(Double(budget)))",
                             hint: "load it on a machine with more memory, or check that the file is a qq snapshot")
        }
        if s.isGzip && length / maxGzipRatio > s.fileSize + (1 << 20) {
            throw damaged(path, "its header claims \(MemoryGuard.bytes(Double(length))), more than \(MemoryGuard.bytes(Double(s.fileSize))) of gzip can hold")
        }
        var capacity = min(length, 64 << 20)
        guard var base = malloc(capacity) else { throw Diagnostic(.io, "out of memory reading '\(path)'") }
        var filled = head.count
        head.withUnsafeBytes { base.copyMemory(from: $0.baseAddress!, byteCount: $0.count) }
        do throws(Diagnostic) {
            while filled < length {
                try Cancellation.check()
                if filled == capacity {
                    capacity = min(length, capacity * 2)
                    guard let grown = realloc(base, capacity) else { throw Diagnostic(.io, "out of memory reading '\(path)'") }
                    base = grown
                }
                let n = try s.read(into: base + filled, count: min(capacity - filled, 1 << 24))
                if n == 0 { throw damaged(path, "its size does not match its header (truncated?)") }
                filled += n
            }
            var extra: UInt8 = 0
            if try s.read(into: &extra, count: 1) != 0 { throw damaged(path, "it is longer than its header says") }
        } catch {
            free(base)
            throw error
        }
        return UnsafeMutableRawBufferPointer(start: base, count: length)
    }
}
