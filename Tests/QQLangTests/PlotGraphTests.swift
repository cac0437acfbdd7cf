import Foundation
import Testing
import QQData
import QQIO
@testable import QQSession
@testable import QQOutput

/// `plot graph` (SPEC §11) on the built-in sample's follow-for-follow ring and its
/// neighbours: the ring (every member follows every other) must be drawn as a tight
/// cluster, and one seed must give the same drawing byte for byte.
@Suite(.serialized) struct PlotGraphTests {
    /// Ring members by their planted role, not by name.
    static let ring: [String] = {
        let d = SampleDataset.make()
        let roles = SampleDataset.truth().roles
        return roles.indices.filter { roles[$0] == .ring }.map { d.handle($0) }
    }()

    static let script = """
        let ring = accounts | where handle in (\(ring.map { "\"\($0)\"" }.joined(separator: ", "))) | select handle
        let hood = accounts | where handle in ring or handle in (follows | where src in ring | select dst) or handle in (follows | where dst in ring | select src)
        hood | plot graph size followers to "ring.svg" overwrite
        """

    static func draw(in dir: String) throws -> String {
        let (session, out) = EngineFixture.session(SampleDataset.make(), format: "table")
        let ok = session.run(script.replacingOccurrences(of: "\"ring.svg\"", with: "\"\(dir)/ring.svg\""), file: "ring")
        #expect(ok, "stderr: \(out.stderr)")
        return try String(contentsOfFile: dir + "/ring.svg", encoding: .utf8)
    }

    /// (handle, x, y) of every drawn account, read back from the SVG's circles.
    static func positions(_ svg: String) -> [(String, Double, Double)] {
        svg.split(separator: "\n").compactMap { line -> (String, Double, Double)? in
            guard line.hasPrefix("<circle cx=\""), let t = line.range(of: "<title>") else { return nil }
            func attr(_ n: String) -> Double? {
                guard let r = line.range(of: n + "=\"") else { return nil }
                return Double(line[r.upperBound...].prefix { $0 != "\"" })
            }
            let handle = line[t.upperBound...].prefix { $0 != " " && $0 != "<" }
            return attr("cx").flatMap { x in attr("cy").map { (String(handle), x, $0) } }
        }
    }

    @Test func ringIsATightClusterAndTheLayoutIsDeterministic() throws {
        #expect(PlotGraphTests.ring.count == 30)
        let base = NSTemporaryDirectory() + "qq-ring-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: base + "/1", withIntermediateDirectories: true)
        try FileManager.default.createDirectory(atPath: base + "/2", withIntermediateDirectories: true)
        let first = try PlotGraphTests.draw(in: base + "/1")
        let second = try PlotGraphTests.draw(in: base + "/2")
        #expect(first == second, "one seed, one drawing")

        let points = PlotGraphTests.positions(first)
        let members = Set(PlotGraphTests.ring)
        let ring = points.filter { members.contains($0.0) }, others = points.filter { !members.contains($0.0) }
        #expect(ring.count == 30)
        #expect(others.count > 100, "the ring's neighbours")
        func distance(_ a: (String, Double, Double), _ b: (String, Double, Double)) -> Double {
            ((a.1 - b.1) * (a.1 - b.1) + (a.2 - b.2) * (a.2 - b.2)).squareRoot()
        }
        var inside = 0.0, pairs = 0.0
        for i in ring.indices { for j in ring.indices where j > i { inside += distance(ring[i], ring[j]); pairs += 1 } }
        var across = 0.0
        for r in ring { for o in others { across += distance(r, o) } }
        let meanInside = inside / pairs, meanAcross = across / Double(ring.count * others.count)
        #expect(meanInside < meanAcross / 2, "ring \(meanInside) px apart, \(meanAcross) px from the others")
    }

    @Test func refusesPastTheLimitAndSaysHowToNarrow() {
        let (session, out) = EngineFixture.session(Dataset.empty(), format: "table")
        #expect(!session.run("generate accounts 2001 follows 4000 seed 1\naccounts | plot graph", file: "big"))
        #expect(out.stderr.contains("'plot graph' lays out at most 2,000 accounts; these rows hold 2,001"))
        #expect(out.stderr.contains("accounts | top 500 by pagerank | plot graph"))
    }

    @Test func layoutIsSeededAndStaysInTheFrame() throws {
        let edges: [(UInt32, UInt32)] = [(0, 1), (1, 2), (2, 0), (3, 4)]
        let a = try GraphLayout.fruchtermanReingold(n: 6, edges: edges, seed: 7)
        let b = try GraphLayout.fruchtermanReingold(n: 6, edges: edges, seed: 7)
        let c = try GraphLayout.fruchtermanReingold(n: 6, edges: edges, seed: 8)
        #expect(a.x == b.x && a.y == b.y)
        #expect(a.x != c.x)
        #expect((a.x + a.y).allSatisfy { $0 >= 0 && $0 <= 1 })
    }
}
