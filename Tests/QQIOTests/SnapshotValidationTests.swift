import Foundation
import Testing
@testable import QQData
@testable import QQIO

/// A valid snapshot as bytes, changed in place and (by default) given back its
/// checksums, so that each change reaches the check behind the checksums.
struct CraftedSnapshot {
    var bytes: [UInt8]
    let dir = Fixture.tempDir("qqsnap")

    init(_ d: Dataset) throws {
        let p = dir + "/valid.qqs"
        try Saver.save(d, to: p, overwrite: false)
        bytes = try [UInt8](Data(contentsOf: URL(fileURLWithPath: p)))
    }

    /// The table entry of section (`kind`, `index`).
    func entry(_ kind: SnapshotFormat.Kind, _ index: Int = 0) -> SnapshotFormat.Entry {
        let (_, entries) = try! SnapshotSource.parse(head: Array(bytes[0..<64]), path: "x", actualSize: bytes.count) { off, n in
            Array(bytes[off..<(off + n)])
        }
        return entries.first { $0.kind == kind && $0.index == index }!
    }

    /// Changes the values of a section in place.
    mutating func change<T: BitwiseCopyable>(_ kind: SnapshotFormat.Kind, _ index: Int = 0, as: T.Type, fix: Bool = true,
                                             _ body: (inout [T]) -> Void) {
        let e = entry(kind, index)
        var values = bytes[e.offset..<(e.offset + e.length)].withUnsafeBytes { Array($0.bindMemory(to: T.self)) }
        body(&values)
        values.withUnsafeBytes { v in for k in 0..<e.length { bytes[e.offset + k] = v[k] } }
        if fix { SnapshotFuzzInput.fixUp(&bytes) }
    }

    /// Loads the bytes from a file; the diagnostic's message, or nil when it loaded.
    func load(_ name: String = "crafted.qqs") -> String? {
        let p = Fixture.write(bytes: bytes, dir, name)
        do {
            _ = try Loader.load(path: p, options: LoadOptions())
            return nil
        } catch {
            #expect(error.message.contains(p), "\(error.message)")
            return error.message.replacingOccurrences(of: "'\(p)' ", with: "")
        }
    }
}

@Suite struct SnapshotValidationTests {
    static func graph() throws -> Dataset {
        try Generator.generate(accounts: 300, follows: 2000, seed: 11, progress: NoProgress())
    }

    /// `load` refuses the bytes with a message containing `expected`.
    func refuses(_ s: CraftedSnapshot, _ expected: String, sourceLocation: SourceLocation = #_sourceLocation) {
        let message = s.load()
        #expect(message?.contains(expected) == true, "got \(message ?? "a dataset")", sourceLocation: sourceLocation)
    }

    @Test func validSnapshotsLoadAndUnchangedFixUpKeepsThem() throws {
        for d in [try Self.graph(), try RoundTripTests.rich(), Dataset.empty()] {
            var s = try CraftedSnapshot(d)
            let before = s.bytes
            SnapshotFuzzInput.fixUp(&s.bytes)
            #expect(s.bytes == before)
            #expect(s.load() == nil)
        }
    }

    @Test func checksumIsCheckedBeforeAnythingElse() throws {
        var s = try CraftedSnapshot(try Self.graph())
        // A flipped bit in the account count, checksums left alone: no trap, a mismatch.
        s.change(.meta, as: UInt64.self, fix: false) { $0[0] ^= 1 << 62 }
        refuses(s, "is a damaged snapshot: checksum mismatch in section 'meta'")
        var t = try CraftedSnapshot(try Self.graph())
        t.bytes[64 + 9] ^= 0x10   // the first section's offset
        refuses(t, "checksum mismatch in its header")
        // A flipped bit in the section count is caught by the size check that precedes reading the table.
        var c = try CraftedSnapshot(try Self.graph())
        c.bytes[30] ^= 0x10
        refuses(c, "its header claims 4503599627370512 sections")
        var u = try CraftedSnapshot(try Self.graph())
        u.bytes[u.bytes.count - 1] ^= 1
        #expect(u.load()?.contains("checksum mismatch") == true)
    }

    @Test func flippedAndHugeCounts() throws {
        for (word, value) in [(0, UInt64(1) << 40), (0, UInt64.max), (0, 301), (1, 1 << 62), (2, 0), (2, UInt64.max), (3, 1_000_000)] {
            var s = try CraftedSnapshot(try Self.graph())
            s.change(.meta, as: UInt64.self) { $0[word] = value }
            #expect(s.load() != nil, "meta word \(word) = \(value)")
        }
        // The edge count of the follow layer, and the header's section count.
        let d = try Self.graph()
        var s = try CraftedSnapshot(d)
        s.change(.meta, as: UInt64.self) { $0[$0.count - 1] ^= 1 << 40 }
        refuses(s, "the follow layer does not hold the \(d.follows.edgeCount + (1 << 40)) edges it claims")
        var t = try CraftedSnapshot(try Self.graph())
        t.bytes.withUnsafeMutableBytes { $0.storeBytes(of: UInt64(1) << 60, toByteOffset: 24, as: UInt64.self) }
        SnapshotFuzzInput.fixUp(&t.bytes)
        refuses(t, "its header claims 1152921504606846976 sections")
        // A section whose length runs past the end of the file.
        var u = try CraftedSnapshot(try Self.graph())
        u.bytes.withUnsafeMutableBytes { $0.storeBytes(of: UInt64(1) << 50, toByteOffset: 64 + 16, as: UInt64.self) }
        SnapshotFuzzInput.fixUp(&u.bytes)
        refuses(u, "lies outside the file")
    }

    @Test func changedStringOffsets() throws {
        // A handle offset moved inside the handles: still valid strings, but the index no longer finds them.
        var s = try CraftedSnapshot(try Self.graph())
        s.change(.handleOffsets, as: Int.self) { $0[1] = $0[2] }
        refuses(s, "its handle index does not find")
        // Past the end of the bytes (the old loader printed heap memory here).
        var t = try CraftedSnapshot(try Self.graph())
        t.change(.handleOffsets, as: Int.self) { $0[5] += 4000 }
        refuses(t, "handles offsets not increasing at row 5")
        // A string column ("lang" is column 4) whose offset points outside its bytes.
        var u = try CraftedSnapshot(try Self.graph())
        u.change(.stringOffsets, 4, as: Int.self) { $0[$0.count - 1] += 4096 }
        refuses(u, "column 'lang' strings offsets end at")
        // An offset that splits a multi-byte character (Zoë in the rich dataset).
        var v = try CraftedSnapshot(try RoundTripTests.rich())
        let zoe = try RoundTripTests.rich().handles.id(of: "Zoë")!
        v.change(.handleOffsets, as: Int.self) { $0[Int(zoe) + 1] -= 1 }
        refuses(v, "handles offsets split a character")
        // Invalid UTF-8 in the handles.
        var w = try CraftedSnapshot(try Self.graph())
        w.change(.handleBytes, as: UInt8.self) { $0[3] = 0xFF }
        refuses(w, "handles are not valid UTF-8 (byte 3)")
    }

    @Test func wrongHandleIndex() throws {
        let d = try Self.graph()
        var s = try CraftedSnapshot(d)
        // Swap the accounts of two used slots: each handle would resolve to the other account.
        s.change(.handleTable, as: UInt64.self) { t in
            let used = stride(from: 0, to: t.count, by: 2).filter { t[$0] != 0 }
            let (a, b) = (used[0], used[1])
            let ida = t[a] & 0xFFFF_FFFF, idb = t[b] & 0xFFFF_FFFF
            t[a] = t[a] & ~0xFFFF_FFFF | idb
            t[b] = t[b] & ~0xFFFF_FFFF | ida
        }
        refuses(s, "its handle index does not find")
        // A slot naming an account past the end.
        var t = try CraftedSnapshot(d)
        t.change(.handleTable, as: UInt64.self) { t in
            let a = stride(from: 0, to: t.count, by: 2).first { t[$0] != 0 }!
            t[a] = t[a] & ~0xFFFF_FFFF | 5000
        }
        refuses(t, "names account 4999 of 300")
        // Repeated handles, index rebuilt to match: still refused.
        var u = try CraftedSnapshot(d)
        let first = d.handle(0), second = d.handle(1)
        if first.utf8.count == second.utf8.count {
            let lo = d.handles.handles.offsets[1]
            u.change(.handleBytes, as: UInt8.self) { b in for (k, c) in first.utf8.enumerated() { b[lo + k] = c } }
            refuses(u, "appears twice")
        }
    }

    @Test func graphArraysThatDisagree() throws {
        let d = try Self.graph()
        // In-direction not the transpose: one in-edge moved to another valid source.
        var s = try CraftedSnapshot(d)
        let row = (0..<d.accountCount).first { v in
            let r = d.follows.inn.neighbors(v)
            return r.count >= 2 && r[r.startIndex + 1] - r[r.startIndex] > 1 && r.first! + 1 != UInt32(v)
        }!
        let k = d.follows.inn.offsets[row]
        s.change(.inTargets, as: UInt32.self) { $0[k] += 1 }
        refuses(s, "the follow layer: its in-edges are not the out-edges reversed")
        // An id past the accounts.
        var t = try CraftedSnapshot(d)
        t.change(.outTargets, as: UInt32.self) { $0[$0.count - 1] = 300 }
        refuses(t, "an edge points to account 300 of 300")
        var u = try CraftedSnapshot(d)
        u.change(.outTargets, as: UInt32.self) { $0[0] = .max }
        refuses(u, "out row 0: an edge points to account 4294967295")
        // Offsets that go backwards, or do not end at the edge count.
        var v = try CraftedSnapshot(d)
        let busy = (1..<(d.accountCount - 1)).first { d.follows.out.degree($0) >= 2 && d.follows.out.degree($0 + 1) >= 1 }!
        v.change(.outOffsets, as: Int.self) { $0.swapAt(busy, busy + 1) }
        refuses(v, "out offsets not increasing at row \(busy)")
        var w = try CraftedSnapshot(d)
        let m = d.follows.edgeCount
        w.change(.inOffsets, as: Int.self) { $0[$0.count - 1] += 1 }
        refuses(w, "in offsets end at \(m + 1), expected \(m)")
        // A row out of order, a repeated edge, a self-loop.
        let r0 = d.follows.out.offsets[busy]
        var x = try CraftedSnapshot(d)
        x.change(.outTargets, as: UInt32.self) { $0.swapAt(r0, r0 + 1) }
        refuses(x, "out row \(busy): ids not increasing")
        var y = try CraftedSnapshot(d)
        y.change(.outTargets, as: UInt32.self) { $0[r0 + 1] = $0[r0] }
        refuses(y, "out row \(busy): ids not increasing")
        var z = try CraftedSnapshot(d)
        z.change(.outTargets, as: UInt32.self) { $0[r0] = UInt32(busy) }
        #expect(z.load()?.contains("out row \(busy)") == true)
    }

    @Test func badWeights() throws {
        let d = try RoundTripTests.rich()
        let repost = d.layers.firstIndex { $0.name == "repost" }! + 1
        for bad in [Double.nan, -1, .infinity, -.infinity] {
            var s = try CraftedSnapshot(d)
            s.change(.outWeights, repost, as: Double.self) { $0[0] = bad }
            refuses(s, "layer 'repost': out row")
        }
        // A changed in-weight: finite, but no longer the out-weights reversed.
        var t = try CraftedSnapshot(d)
        t.change(.inWeights, repost, as: Double.self) { $0[0] += 1 }
        refuses(t, "layer 'repost': its in-edges are not the out-edges reversed")
    }

    @Test func badColumnsAndNames() throws {
        let d = try RoundTripTests.rich()
        let ok = d.accounts.index(of: "ok")!, joined = d.accounts.index(of: "joined")!
        var s = try CraftedSnapshot(d)
        s.change(.boolColumn, ok, as: UInt8.self) { $0[0] = 7 }
        refuses(s, "column 'ok' has 7 at row 0, expected 0 or 1")
        var t = try CraftedSnapshot(d)
        t.change(.dateColumn, joined, as: Int32.self) { $0[0] = .max }
        refuses(t, "column 'joined' has a date outside years 0–9999 at row 0")
        var u = try CraftedSnapshot(d)
        u.change(.validity, ok, as: UInt64.self) { $0[0] |= 1 << 63 }
        refuses(u, "column 'ok' has a null mask of the wrong size")
        // A column type that does not exist; a layer named like the follow layer.
        var v = try CraftedSnapshot(d)
        v.change(.meta, as: UInt64.self) { $0[SnapshotFormat.metaFixedWords] = 99 }
        refuses(v, "has unknown type 99")
        var w = try CraftedSnapshot(d)
        let names = w.entry(.nameBytes)
        let text = String(decoding: w.bytes[names.offset..<(names.offset + names.length)], as: UTF8.self)
        let at = text.utf8.count - "followrepostmention".utf8.count   // column names, then layers
        #expect(text.hasSuffix("followrepostmention") || text.hasSuffix("followmentionrepost"))
        w.change(.nameBytes, as: UInt8.self) { b in b[at + "follow".utf8.count] = 0x01 }
        refuses(w, "is empty, invalid or repeated")
    }

    @Test func truncatedAndForeignFiles() throws {
        let s = try CraftedSnapshot(try Self.graph())
        for cut in [0, 10, 63, 64, 100, s.bytes.count / 2, s.bytes.count - 1] {
            var t = s
            t.bytes = Array(s.bytes[0..<cut])
            #expect(t.load() != nil, "cut at \(cut)")
            // With the length and checksums fixed up, the sections now lie outside the file.
            SnapshotFuzzInput.fixUp(&t.bytes)
            #expect(t.load() != nil, "cut at \(cut), fixed up")
        }
        var t = s
        t.bytes.removeLast(1000)
        refuses(t, "its size does not match its header (truncated?)")
        var v = s
        v.bytes.withUnsafeMutableBytes { $0.storeBytes(of: UInt32(1), toByteOffset: 8, as: UInt32.self) }
        refuses(v, "snapshot version 1 is not supported, re-save it")
        // Not a regular file: a device is read as a stream and refused by its first bytes.
        let link = s.dir + "/zero.qqs"
        try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: "/dev/zero")
        let e = #expect(throws: Diagnostic.self) { try load(link) }
        #expect(e?.message.contains("is not a qq snapshot") == true)
    }

    /// Runs gzip on `bytes`.
    static func gzip(_ bytes: [UInt8], in dir: String) throws -> [UInt8] {
        let plain = Fixture.write(bytes: bytes, dir, "plain-\(UUID().uuidString.prefix(6))")
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/usr/bin/gzip")
        p.arguments = ["-1", "-f", plain]
        try p.run()
        p.waitUntilExit()
        return try [UInt8](Data(contentsOf: URL(fileURLWithPath: plain + ".gz")))
    }

    @Test func gzippedSnapshotsAndBombs() throws {
        let d = try Self.graph()
        var s = try CraftedSnapshot(d)
        let plain = s.bytes
        s.bytes = try Self.gzip(plain, in: s.dir)
        #expect(s.load() == nil)
        // A header claiming 30 GB behind 64 bytes of gzip: refused before allocating.
        var head = Array(plain[0..<64])
        head.withUnsafeMutableBytes { $0.storeBytes(of: UInt64(30_000_000_000), toByteOffset: 16, as: UInt64.self) }
        s.bytes = try Self.gzip(head + [UInt8](repeating: 0, count: 1 << 20), in: s.dir)
        #expect(s.load()?.contains("of gzip can hold") == true || s.load()?.contains("this machine allows") == true)
        // A bomb: 40 MB of zeros after a header claiming the real snapshot's length.
        s.bytes = try Self.gzip(plain + [UInt8](repeating: 0, count: 40 << 20), in: s.dir)
        #expect(s.bytes.count < 1_000_000)
        refuses(s, "it is longer than its header says")
        // Cut short.
        let whole = try Self.gzip(plain, in: s.dir)
        s.bytes = Array(whole[0..<(whole.count / 2)])
        #expect(s.load() != nil)
    }

    /// Seeded random structure-aware changes (the fuzzer's, in a few hundred rounds):
    /// each loads or is refused, none crashes.
    @Test func randomStructuredChanges() throws {
        let seeds = SnapshotFuzzInput.seeds(in: Fixture.tempDir("qqseeds"))
        #expect(seeds.count == 3)
        var random = SystemRandomNumberGenerator()
        var refused = 0
        for i in 0..<300 {
            var s = try CraftedSnapshot(Dataset.empty())
            s.bytes = seeds[i % seeds.count]
            for _ in 0..<Int.random(in: 1...3, using: &random) { SnapshotFuzzInput.mutate(&s.bytes, random: &random) }
            SnapshotFuzzInput.fixUp(&s.bytes)
            if SnapshotFuzzInput.load(s.bytes, in: s.dir) != nil { refused += 1 }
        }
        #expect(refused > 30)
    }
}

/// Time sections (SPEC §8): kept by a round trip, and checked like every other section.
@Suite struct SnapshotTimeSectionTests {
    static func timed() throws -> Dataset {
        let dir = Fixture.tempDir("qqtimed")
        _ = Fixture.write("handle,seen\na,2024-01-31T12:00:00Z\nb,\nc,2024-02-02T10:00:00Z\n", dir, "accounts.csv")
        _ = Fixture.write("src,dst,time\nb,a,2024-01-01T00:00:00Z\nc,a,2024-01-10T00:00:00Z\na,b,2024-02-01T12:00:00Z\nc,b,\n", dir, "follows.csv")
        _ = Fixture.write("src,dst,time\na,b,2024-01-05T00:00:00Z\na,b,2024-02-05T00:00:00Z\nc,b,\n", dir, "repost.csv")
        return try Loader.load(path: dir, options: LoadOptions()).dataset
    }

    @Test func timesSurviveARoundTrip() throws {
        let d = try Self.timed()
        #expect(d.follows.times != nil && d.layers.first?.events?.count == 3)
        let s = try CraftedSnapshot(d)
        let p = Fixture.write(bytes: s.bytes, s.dir, "t.qqs")
        let back = try Loader.load(path: p, options: LoadOptions()).dataset
        #expect(back.follows.times == d.follows.times)
        #expect(back.layers.first?.events == d.layers.first?.events)
        guard case .datetime(let t0)? = d.accounts.column("seen")?.storage,
              case .datetime(let t1)? = back.accounts.column("seen")?.storage else { Issue.record("seen is not a datetime column"); return }
        #expect(t0 == t1 && back.accounts.column("seen")?.isNull(1) == true)
    }

    @Test func badTimeSectionsAreRefused() throws {
        let d = try Self.timed()
        var a = try CraftedSnapshot(d)
        a.change(.eventSources, 1, as: UInt32.self) { $0[1] = 3 }
        #expect(a.load()?.contains("layer 'repost': event 1 names an account outside 0..<3") == true, "\(a.load() ?? "loaded")")
        var b = try CraftedSnapshot(d)
        b.change(.eventWeights, 1, as: Double.self) { $0[0] = .nan }
        #expect(b.load()?.contains("event 0 has weight nan") == true, "\(b.load() ?? "loaded")")
        var c = try CraftedSnapshot(d)
        c.change(.eventSources, 1, as: UInt32.self) { $0[0] = 0 }
        #expect(c.load() == nil)   // a valid id: the events are the file's data
    }
}
