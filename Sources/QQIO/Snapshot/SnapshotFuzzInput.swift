#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import QQData

/// Crafted snapshots, in one place for the FuzzSnapshot target and the tests: small
/// valid seeds, a fix-up that makes a changed snapshot's length and checksums agree
/// with its bytes again (so that a change reaches the checks behind them), and a
/// structure-aware change of one count, offset, id or table field.
public enum SnapshotFuzzInput {
    /// Small valid snapshots: a generated graph, a dataset with every column type,
    /// nulls and two weighted layers, and an empty dataset.
    public static func seeds(in folder: String) -> [[UInt8]] {
        var out: [[UInt8]] = []
        var datasets: [Dataset] = [.empty()]
        if let g = try? Generator.generate(accounts: 40, follows: 160, seed: 3, progress: NoProgress()) { datasets.append(g) }
        if let r = try? rich(in: folder) { datasets.append(r) }
        for (i, d) in datasets.enumerated() {
            let path = "\(folder)/qq-seed-\(getpid())-\(i).qqs"
            unlink(path)
            defer { unlink(path) }
            guard (try? Snapshot.write(d, to: path)) != nil, let bytes = FileBytes.read(path) else { continue }
            out.append(bytes)
        }
        return out
    }

    /// Accounts of every column type with nulls, follows, and layers `repost` and `mention`.
    static func rich(in folder: String) throws(Diagnostic) -> Dataset {
        let dir = "\(folder)/qq-seed-\(getpid())-rich"
        mkdir(dir, 0o700)
        let files = [
            ("accounts.csv", "handle,posts,score,ok,joined,bio,empty\nalice,10,0.5,true,2021-03-04,\"a, b\",\nbob,,1e-05,false,,x,\nZoë,3,-0.0,,1999-12-31,,\n"),
            ("follows.csv", "src,dst\nalice,bob\nbob,alice\nZoë,alice\ncarol,bob\n"),
            ("repost.csv", "src,dst,weight\nalice,Zoë,2.5\nZoë,alice,1\nbob,carol,0.125\n"),
            ("mention.csv", "src,dst,weight\ncarol,alice,3\n"),
        ]
        defer {
            for (name, _) in files { unlink("\(dir)/\(name)") }
            rmdir(dir)
        }
        for (name, text) in files {
            guard let f = fopen("\(dir)/\(name)", "wb") else { throw Diagnostic(.io, "cannot write seeds") }
            fputs(text, f)
            fclose(f)
        }
        return try Loader.load(path: dir, options: LoadOptions()).dataset
    }

    /// Makes the header's length and every checksum agree with the bytes: the table's,
    /// and each section's whose range lies inside the file. Inputs that are not
    /// snapshots, or whose table does not fit, are left alone.
    public static func fixUp(_ bytes: inout [UInt8]) {
        let size = bytes.count
        guard size >= SnapshotFormat.headerSize, Array(bytes[0..<8]) == SnapshotFormat.magic else { return }
        bytes.withUnsafeMutableBytes { b in
            b.storeBytes(of: UInt64(size).littleEndian, toByteOffset: 16, as: UInt64.self)
            let count = UInt64(littleEndian: b.loadUnaligned(fromByteOffset: 24, as: UInt64.self))
            guard count <= UInt64(SnapshotFormat.maxSections),
                  SnapshotFormat.headerSize + Int(count) * SnapshotFormat.entrySize <= size else { return }
            for i in 0..<Int(count) {
                let at = SnapshotFormat.headerSize + i * SnapshotFormat.entrySize
                let off = UInt64(littleEndian: b.loadUnaligned(fromByteOffset: at + 8, as: UInt64.self))
                let len = UInt64(littleEndian: b.loadUnaligned(fromByteOffset: at + 16, as: UInt64.self))
                guard off <= UInt64(size), len <= UInt64(size) - off else { continue }
                let sum = SnapshotWriter.checksum(UnsafeRawBufferPointer(rebasing: b[Int(off)..<Int(off + len)]))
                b.storeBytes(of: sum.littleEndian, toByteOffset: at + 24, as: UInt64.self)
            }
            var c = SnapshotChecksum()
            c.add(UnsafeRawBufferPointer(rebasing: b[0..<32]))
            c.add(UnsafeRawBufferPointer(rebasing: b[SnapshotFormat.headerSize..<(SnapshotFormat.headerSize + Int(count) * SnapshotFormat.entrySize)]))
            b.storeBytes(of: c.value.littleEndian, toByteOffset: 32, as: UInt64.self)
        }
    }

    /// Values worth trying in a count, offset or id.
    static let interesting: [UInt64] = [0, 1, 2, 7, 8, 63, 64, 255, 256, 0x7FFF_FFFF, 0x8000_0000, 0xFFFF_FFFE,
                                        0xFFFF_FFFF, 1 << 32, 1 << 40, UInt64(Int64.max), 1 << 63, UInt64.max]

    /// One structure-aware change, chosen by `random`: a field of a table entry, or one
    /// value in a section (a count in meta, an offset, an id, a weight, a hash slot),
    /// set to an interesting value or nudged by a small amount. Call `fixUp` after.
    public static func mutate(_ bytes: inout [UInt8], random: inout some RandomNumberGenerator) {
        let size = bytes.count
        guard size >= SnapshotFormat.headerSize, Array(bytes[0..<8]) == SnapshotFormat.magic else { return }
        let count = bytes.withUnsafeBytes { Int(truncatingIfNeeded: UInt64(littleEndian: $0.loadUnaligned(fromByteOffset: 24, as: UInt64.self))) }
        guard count > 0, count <= SnapshotFormat.maxSections, SnapshotFormat.headerSize + count * SnapshotFormat.entrySize <= size else { return }
        let entry = SnapshotFormat.headerSize + Int.random(in: 0..<count, using: &random) * SnapshotFormat.entrySize
        let (kind, off, len) = bytes.withUnsafeBytes { b in
            (SnapshotFormat.Kind(rawValue: UInt32(littleEndian: b.loadUnaligned(fromByteOffset: entry, as: UInt32.self))),
             UInt64(littleEndian: b.loadUnaligned(fromByteOffset: entry + 8, as: UInt64.self)),
             UInt64(littleEndian: b.loadUnaligned(fromByteOffset: entry + 16, as: UInt64.self)))
        }
        // Where to write, and how wide: a table field (a third of the time), else a value.
        var at = entry + 8 * Int.random(in: 1...2, using: &random)
        var width = 8
        if let kind, Int.random(in: 0..<3, using: &random) != 0, off <= UInt64(size), len <= UInt64(size) - off, len >= UInt64(kind.elementSize) {
            width = kind.elementSize
            at = Int(off) + Int.random(in: 0..<Int(len) / width, using: &random) * width
        } else if Bool.random(using: &random) {
            at = entry + 4   // the section's index
            width = 4
        }
        bytes.withUnsafeMutableBytes { b in
            var v: UInt64 = 0
            for k in 0..<width { v |= UInt64(b[at + k]) << UInt64(8 * k) }
            switch Int.random(in: 0..<4, using: &random) {
            case 0: v = interesting.randomElement(using: &random)!
            case 1: v = v &+ UInt64.random(in: 1...16, using: &random)
            case 2: v = v &- UInt64.random(in: 1...16, using: &random)
            default: v ^= 1 << UInt64.random(in: 0..<UInt64(8 * width), using: &random)
            }
            for k in 0..<width { b[at + k] = UInt8(truncatingIfNeeded: v >> UInt64(8 * k)) }
        }
    }

    /// Writes `bytes` to a file in `folder` and loads it as a snapshot: nil when it
    /// loaded, else the diagnostic (which must name the file). Also checks that a
    /// dataset that loads is consistent (handles found at their rows, sizes agree).
    public static func load(_ bytes: [UInt8], in folder: String) -> Diagnostic? {
        let path = "\(folder)/qq-fuzz-\(getpid()).qqs"
        guard let f = fopen(path, "wb") else { return nil }
        _ = bytes.withUnsafeBytes { fwrite($0.baseAddress, 1, $0.count, f) }
        fclose(f)
        defer { unlink(path) }
        do {
            let d = try Snapshot.read(path: path, options: LoadOptions())
            for i in 0..<d.accountCount { precondition(d.handles.id(of: d.handle(i)) == UInt32(i), "handle index disagrees") }
            for l in [d.follows] + d.layers {
                precondition(l.nodeCount == d.accountCount && l.inn.nodeCount == d.accountCount, "layer size")
            }
            precondition(d.accounts.columns.allSatisfy { $0.count == d.accountCount }, "column length")
            return nil
        } catch {
            precondition(error.message.contains(path) || error.kind == .cancelled, "diagnostic names another file: \(error.message)")
            return error
        }
    }
}
