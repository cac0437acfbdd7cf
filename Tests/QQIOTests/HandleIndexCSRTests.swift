import Testing
@testable import QQData
@testable import QQIO

/// The QQData internals this module rewrote for speed, checked against simple models.
@Suite struct HandleIndexCSRTests {
    @Test func handleIndexAgreesWithDictionary() throws {
        var index = HandleIndex()
        var model: [String: UInt32] = [:]
        var rng = SplitMix64(seed: 3)
        var order: [String] = []
        for _ in 0..<20_000 {
            // Short and long handles, shared prefixes, empty-ish and unicode ones.
            let len = [1, 7, 8, 9, 16, 31][rng.below(6)]
            let base = "h" + String(rng.below(5000))
            let h = String((base + String(repeating: "é", count: len)).prefix(len))
            let (id, inserted) = index.insert(h)
            if let known = model[h] {
                #expect(!inserted && id == known)
            } else {
                #expect(inserted && id == UInt32(model.count))
                model[h] = id
                order.append(h)
            }
        }
        for (h, id) in model { #expect(index.id(of: h) == id) }
        #expect(index.id(of: "absent-handle") == nil)
        #expect((0..<index.count).map { index.handles[$0] } == order)
        // Batch lookups give the same answers, including misses.
        let probes = Array(order.prefix(300)) + ["nope", "h1", "another missing one"]
        var bytes = probes.map { Array($0.utf8) }
        var starts: [UnsafePointer<UInt8>] = []
        var buffers: [UnsafeMutableBufferPointer<UInt8>] = []
        for i in bytes.indices {
            let b = UnsafeMutableBufferPointer<UInt8>.allocate(capacity: max(1, bytes[i].count))
            _ = b.initialize(from: bytes[i])
            buffers.append(b); starts.append(UnsafePointer(b.baseAddress!))
        }
        defer { buffers.forEach { $0.deallocate() } }
        let lengths = bytes.map(\.count)
        let hashes = (0..<bytes.count).map { i in HandleIndex.hash(bytes: UnsafeBufferPointer(start: starts[i], count: lengths[i])) }
        var out = [UInt32](repeating: 0, count: bytes.count)
        out.withUnsafeMutableBufferPointer { o in
            index.ids(count: bytes.count, starts: starts, lengths: lengths, hashes: hashes, into: o.baseAddress!)
        }
        #expect(out == probes.map { model[$0] ?? UInt32.max })
        bytes.removeAll()
        // A saved table rebuilds the same index; a wrong one is refused.
        let copy = try #require(HandleIndex(handles: index.handles, table: index.table))
        for (h, id) in model { #expect(copy.id(of: h) == id) }
        #expect(HandleIndex(handles: index.handles, table: Array(index.table.dropLast(2))) == nil)
    }

    /// The hash is part of the snapshot format (saved hash tables): pinned for every
    /// length from 0 to 17, values from the byte-at-a-time form it was first written in.
    @Test func handleHashIsStable() {
        let pinned: [UInt64] = [
            0x850F9794D5108B4, 0xD45B010C5887C79D, 0x8EDA1D6B356AEC11, 0xE8B15DBDC126B1, 0x7989C9CD36F854F3,
            0xC646114DA85C87A1, 0xA774625822263D23, 0x9E1166501B5DBAC5, 0x446C9E54EB7DD6DE, 0x18456406FD8DA2FF,
            0xFA269A3DE01E3151, 0xCC7FBA4F6EBBA002, 0x44D5B180FDDA06A4, 0x1167E6B7230D529D, 0xD0D53D18DDAF14F5,
            0xFCD529F9E52FF0BA, 0x5DBDAD5E1DBBC1B5, 0xDC40E1B9BD8D7170,
        ]
        let text = Array("abcdefghijklmnopqrstu".utf8)
        for n in 0...17 {
            let h = text.withUnsafeBufferPointer { HandleIndex.hash(bytes: UnsafeBufferPointer(rebasing: $0[0..<n])) }
            #expect(h == pinned[n], "length \(n)")
            var w: UInt64 = 0
            for k in 0..<min(n, 8) { w |= UInt64(text[k]) << UInt64(8 * k) }
            let first = text.withUnsafeBufferPointer { HandleIndex.firstWord(UnsafeBufferPointer(rebasing: $0[0..<n])) }
            #expect(first == w, "first word, length \(n)")
        }
    }

    @Test func csrBuilderAgreesWithSets() {
        var rng = SplitMix64(seed: 11)
        for trial in 0..<30 {
            let n = 1 + rng.below(60)
            let m = rng.below(400)
            var src: [UInt32] = [], dst: [UInt32] = [], w: [Double] = []
            for _ in 0..<m {
                src.append(UInt32(rng.below(n))); dst.append(UInt32(rng.below(n)))
                w.append(Double(rng.below(4)) * 0.1 + 0.05)
            }
            let follow = CSRBuilder.build(name: "follow", nodeCount: n, src: src, dst: dst)
            var pairs = Set<[UInt32]>()
            var loops = 0
            var sums: [[UInt32]: Double] = [:]
            for i in 0..<m {
                if src[i] == dst[i] { loops += 1; continue }
                pairs.insert([src[i], dst[i]])
                sums[[src[i], dst[i]], default: 0] += w[i]
            }
            #expect(follow.droppedSelfLoops == loops, "trial \(trial)")
            #expect(follow.duplicateRows == m - loops - pairs.count)
            var got: [[UInt32]] = []
            for v in 0..<n { for t in follow.out.neighbors(v) { got.append([UInt32(v), t]) } }
            #expect(got == pairs.sorted { ($0[0], $0[1]) < ($1[0], $1[1]) })
            #expect(CSRBuilder.transpose(follow.out) == follow.inn)
            let weighted = CSRBuilder.build(name: "w", nodeCount: n, src: src, dst: dst, weights: w)
            for v in 0..<n {
                for k in weighted.out.offsets[v]..<weighted.out.offsets[v + 1] {
                    let key = [UInt32(v), weighted.out.targets[k]]
                    #expect(abs(weighted.out.weights![k] - sums[key]!) < 1e-12)
                }
            }
            #expect(CSRBuilder.transpose(weighted.out) == weighted.inn)
        }
    }
}
