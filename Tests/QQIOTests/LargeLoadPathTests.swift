import Foundation
@testable import QQData
import Testing
@testable import QQIO

/// The paths that only large inputs take: the two-pass bucketed placement of the CSR
/// builder (a million edges and more), and the edge reader's plain-line fast path mixed
/// with every kind of line the general scanner must take over (quotes, CRLF, lone CR,
/// non-ASCII handles, blank lines), across several read blocks and both cores.
@Suite struct LargeLoadPathTests {
    @Test func bucketedPlacementAgreesWithSortedPairs() {
        var rng = SplitMix64(seed: 5)
        let n = 6_000, m = 1_300_000
        var src = [UInt32](), dst = [UInt32]()
        src.reserveCapacity(m); dst.reserveCapacity(m)
        for i in 0..<m {
            // Skewed targets, every 97th row a self-loop, every 31st a repeat of the row before.
            if i % 31 == 30 { src.append(src[i - 1]); dst.append(dst[i - 1]); continue }
            let s = UInt32(rng.below(n))
            let r = rng.below(n)
            let t = i % 97 == 0 ? s : UInt32(r * r / n)
            src.append(s); dst.append(t)
        }
        let layer = CSRBuilder.build(name: "follow", nodeCount: n, src: src, dst: dst)
        var keys = [UInt64]()
        var loops = 0
        for i in 0..<m { if src[i] == dst[i] { loops += 1 } else { keys.append(UInt64(src[i]) << 32 | UInt64(dst[i])) } }
        keys.sort()
        var unique = [UInt64]()
        for k in keys where unique.last != k { unique.append(k) }
        var got = [UInt64]()
        for v in 0..<n { for t in layer.out.neighbors(v) { got.append(UInt64(v) << 32 | UInt64(t)) } }
        #expect(got == unique)
        #expect(layer.droppedSelfLoops == loops)
        #expect(layer.duplicateRows == keys.count - unique.count)
        #expect(CSRBuilder.transpose(layer.out) == layer.inn)
    }

    /// Placement in rounds (a staging area smaller than the pairs) against per-row
    /// lists in stream order: the same rows, each in the order its pairs came.
    @Test func placementInRoundsKeepsStreamOrder() {
        var rng = SplitMix64(seed: 17)
        let n = 6_000, m = 1_200_000
        var rows = [UInt32](), values = [UInt32]()
        var counts = [Int](repeating: 0, count: n + 1)
        for _ in 0..<m {
            let r = rng.below(n), v = rng.below(1 << 30)
            rows.append(UInt32(r * r / n)); values.append(UInt32(v))
            counts[r * r / n + 1] += 1
        }
        for v in 0..<n { counts[v + 1] += counts[v] }
        var expected = [[UInt32]](repeating: [], count: n)
        for i in 0..<m { expected[Int(rows[i])].append(values[i]) }
        for capacity in [m, m / 3 + 1, 50_000] {
            let staging = CSRBuilder.Placement.Staging(capacity: capacity)
            let placed = counts.withUnsafeBufferPointer { o in
                CSRBuilder.Placement.place(offsets: o, staging: staging, poll: false) { emit in
                    for i in 0..<m { emit(rows[i], values[i]) }
                    return true
                }
            }
            let got = try! #require(placed)
            var same = true
            for v in 0..<n where Array(got[counts[v]..<counts[v + 1]]) != expected[v] { same = false; break }
            #expect(same, "staging capacity \(capacity)")
        }
    }

    /// About 5 MB of edges (several blocks, each split over two cores) in which plain
    /// lines alternate with lines only the general scanner reads; the result must be the
    /// one a line-by-line reading gives: ids in order of first appearance, every edge.
    @Test func fastPathAndGeneralScannerGiveTheLineByLineResult() throws {
        var rng = SplitMix64(seed: 9)
        var text = "src,dst\n"
        var order: [String] = [], seen = Set<String>()
        var pairs = Set<[String]>()
        func note(_ h: String) { if seen.insert(h).inserted { order.append(h) } }
        var source = "u0"
        for i in 0..<330_000 {
            if i % 7 == 0 { source = "u\(rng.below(40_000))" }   // runs of the same source
            var target = "u\(rng.below(40_000))"
            if i % 5_003 == 0 { target = "ü\(rng.below(50))" }   // non-ASCII: general scanner
            note(source); note(target)
            if source != target { pairs.insert([source, target]) }
            switch i % 1_009 {
            case 1: text += "\"\(source)\",\(target)\n"                    // quoted field
            case 2: text += "\(source),\(target)\r\n"                      // CRLF line end
            case 3: text += "\(source),\(target)\r"                        // lone CR line end
            case 4: text += "\n\(source),\(target)\n"                      // blank line
            case 5: text += "\"\(source)\",\"\(target)\"\n"
            default: text += "\(source),\(target)\n"
            }
        }
        let dir = Fixture.tempDir("fastpath")
        let path = Fixture.write(text, dir, "follows.csv")
        #expect(text.utf8.count > 4_000_000)
        let d = try Loader.loadFollows(path: path, into: .empty(), options: LoadOptions()).dataset
        #expect((0..<d.accountCount).map { d.handle($0) } == order)
        var got = Set<[String]>()
        for v in 0..<d.accountCount { for t in d.follows.out.neighbors(v) { got.insert([d.handle(v), d.handle(Int(t))]) } }
        #expect(got == pairs)
        expectConsistent(d)
    }

    /// Weights on the fast path: plain numbers are read there, anything else (quoted,
    /// empty) goes to the general scanner, and a bad weight is still reported at its line.
    @Test func weightedFastPathAndItsErrors() throws {
        var text = "src,dst,weight\n"
        var sums: [String: Double] = [:]
        for i in 0..<120_000 {
            let s = "a\(i % 900)", t = "b\(i % 1_300)"
            let w = Double(i % 4) + 0.5
            sums["\(s)->\(t)", default: 0] += (i % 997 == 5) ? 1 : w
            if i % 997 == 5 { text += "\(s),\(t),\n" }              // empty weight: 1
            else if i % 991 == 7 { text += "\(s),\(t),\"\(w)\"\n" }  // quoted weight
            else { text += "\(s),\(t),\(w)\n" }
        }
        let dir = Fixture.tempDir("fastweights")
        let path = Fixture.write(text, dir, "reposts.csv")
        let d = try Loader.loadLayer(name: "repost", path: path, into: .empty(), options: LoadOptions()).dataset
        let layer = d.layers[0]
        var got: [String: Double] = [:]
        for v in 0..<d.accountCount {
            for k in layer.out.offsets[v]..<layer.out.offsets[v + 1] {
                got["\(d.handle(v))->\(d.handle(Int(layer.out.targets[k])))"] = layer.out.weights![k]
            }
        }
        #expect(got.count == sums.count)
        for (key, w) in sums { #expect(abs((got[key] ?? -1) - w) < 1e-9, "\(key)") }

        let bad = Fixture.write(text + "x,y,-2\n", dir, "bad.csv")
        let e = #expect(throws: Diagnostic.self) { try Loader.loadLayer(name: "repost", path: bad, into: .empty(), options: LoadOptions()) }
        #expect(e?.position?.line == 120_002)
        #expect(e?.position?.column == 5)
        #expect(e?.message.contains("non-negative") == true)
    }
}
