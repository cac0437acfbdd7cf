import Testing
@testable import QQData

/// The CSR builder against a direct construction from sorted, deduplicated pairs.
@Suite("CSR builder") struct CSRBuilderTests {
    /// The reference: out-rows as sorted sets of targets, self-loops and repeats dropped.
    static func reference(_ n: Int, _ src: [UInt32], _ dst: [UInt32]) -> (out: [[UInt32]], inn: [[UInt32]], loops: Int, dups: Int) {
        var out = [Set<UInt32>](repeating: [], count: n), loops = 0, dups = 0
        for (s, d) in zip(src, dst) {
            if s == d { loops += 1; continue }
            if !out[Int(s)].insert(d).inserted { dups += 1 }
        }
        var inn = [[UInt32]](repeating: [], count: n)
        for v in 0..<n { for u in out[v] { inn[Int(u)].append(UInt32(v)) } }
        return (out.map { $0.sorted() }, inn.map { $0.sorted() }, loops, dups)
    }

    static func rows(_ g: CSR) -> [[UInt32]] { (0..<g.nodeCount).map { Array(g.neighbors($0)) } }

    @Test(arguments: [(5, 0, UInt64(1)), (50, 400, 2), (1000, 20_000, 3), (3, 100, 4)])
    func matchesTheReference(n: Int, m: Int, seed: UInt64) {
        var rng = SplitMix64(seed: seed)
        let src = (0..<m).map { _ in UInt32(rng.below(n)) }, dst = (0..<m).map { _ in UInt32(rng.below(n)) }
        let layer = CSRBuilder.build(name: "follows", nodeCount: n, src: src, dst: dst)
        let ref = Self.reference(n, src, dst)
        #expect(Self.rows(layer.out) == ref.out)
        #expect(Self.rows(layer.inn) == ref.inn)
        #expect(layer.droppedSelfLoops == ref.loops)
        #expect(layer.duplicateRows == ref.dups)
        #expect(layer.out.offsets.first == 0 && layer.out.offsets.last == layer.out.edgeCount)
        #expect(Self.rows(CSRBuilder.transpose(layer.out)) == ref.inn)
    }

    @Test func weightsOfRepeatedPairsAddUp() {
        let layer = CSRBuilder.build(name: "repost", nodeCount: 3, src: [0, 0, 1, 0, 2], dst: [1, 1, 2, 2, 2],
                                     weights: [1, 2.5, 4, 1, 9])
        #expect(Self.rows(layer.out) == [[1, 2], [2], []])
        #expect(layer.out.weights == [3.5, 1, 4])
        #expect(layer.droppedSelfLoops == 1)
        #expect(layer.totalWeight == 8.5)
    }

    @Test func emptyAndEdgeless() {
        let empty = CSRBuilder.build(name: "follows", nodeCount: 0, src: [], dst: [])
        #expect(empty.nodeCount == 0 && empty.edgeCount == 0)
        let edgeless = CSRBuilder.build(name: "follows", nodeCount: 4, src: [], dst: [])
        #expect(edgeless.out.offsets == [0, 0, 0, 0, 0])
    }
}

/// The handle index: ids in insertion order, look-ups by text, and the table a
/// snapshot stores rebuilt to the same ids.
@Suite("Handle index") struct HandleIndexTests {
    @Test func idsFollowInsertionOrder() {
        var h = HandleIndex()
        let names = (0..<5000).map { "user\($0)@host.example" } + ["", "é", "a.b.c", String(repeating: "x", count: 300)]
        for (i, n) in names.enumerated() {
            let r = h.insert(n)
            #expect(r.id == UInt32(i) && r.inserted)
        }
        #expect(h.count == names.count)
        for (i, n) in names.enumerated() { #expect(h.id(of: n) == UInt32(i)) }
        let again = h.insert("user17@host.example")
        #expect(again.id == 17 && !again.inserted)
        #expect(h.id(of: "nobody") == nil)
        #expect(h.id(of: "user1") == nil)
    }

    @Test func hashesAreStableAndTellTailsApart() {
        let a = Array("abcdefghijklmnopq".utf8), b = Array("abcdefghijklmnopr".utf8)
        let ha = a.withUnsafeBufferPointer { HandleIndex.hash(bytes: $0) }
        let ha2 = a.withUnsafeBufferPointer { HandleIndex.hash(bytes: $0) }
        let hb = b.withUnsafeBufferPointer { HandleIndex.hash(bytes: $0) }
        #expect(ha == ha2 && ha != hb)
    }

    @Test func duplicateHandlesAreFound() {
        let store = StringStore(["a", "b", "a"])
        #expect(throws: HandleIndex.DuplicateHandle.self) { try HandleIndex(uniqueHandles: store) }
    }

    @Test func savedTableRebuildsTheSameIds() throws {
        let store = StringStore((0..<1000).map { "h\($0)" })
        let h = try HandleIndex(uniqueHandles: store)
        let back = try #require(HandleIndex(handles: store, table: h.table))
        for i in 0..<1000 { #expect(back.id(of: "h\(i)") == UInt32(i)) }
    }
}
