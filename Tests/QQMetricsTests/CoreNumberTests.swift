import QQData
import Testing
import QQMetrics

/// Core numbers against a simple reference: repeatedly remove a node of least
/// remaining degree; a node's core number is the largest such least degree seen up to
/// its removal (Matula & Beck's smallest-last order). The graphs are random, with
/// self-loops, repeated edges and mutual follows in the input: the layer builder drops
/// the first two, and a mutual pair is one undirected edge.
@Suite struct CoreNumberTests {
    static func reference(_ und: [Set<Int>]) -> [Int64] {
        let n = und.count
        var deg = und.map(\.count)
        var removed = [Bool](repeating: false, count: n)
        var core = [Int64](repeating: 0, count: n)
        var k = 0
        for _ in 0..<n {
            var v = -1
            for u in 0..<n where !removed[u] && (v < 0 || deg[u] < deg[v]) { v = u }
            k = max(k, deg[v])
            core[v] = Int64(k)
            removed[v] = true
            for u in und[v] where !removed[u] { deg[u] -= 1 }
        }
        return core
    }

    @Test(arguments: [(60, 150, 1), (200, 900, 2), (300, 4000, 3), (400, 400, 4), (150, 3000, 5)])
    func equalsSmallestLastReference(n: Int, m: Int, seed: UInt64) throws {
        var rng = SplitMix64(seed: seed)
        var s: [UInt32] = [], d: [UInt32] = []
        for _ in 0..<m {
            let a = UInt32(rng.below(n)), b = UInt32(rng.below(n))
            s.append(a); d.append(b)
            switch rng.below(10) {
            case 0: s.append(a); d.append(a)          // a self-loop
            case 1: s.append(a); d.append(b)          // the same edge again
            case 2: s.append(b); d.append(a)          // the mutual follow
            default: break
            }
        }
        let g = CSRBuilder.build(name: "follow", nodeCount: n, src: s, dst: d)
        var und = [Set<Int>](repeating: [], count: n)
        for (a, b) in zip(s, d) where a != b {
            und[Int(a)].insert(Int(b)); und[Int(b)].insert(Int(a))
        }
        let want = Self.reference(und)
        #expect(try CoreNumber.compute(g) == want)
        #expect(try CoreNumber.compute(undirected: Undirected.csr(of: g)) == want)
    }
}
