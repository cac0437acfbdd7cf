import Testing
@testable import QQData
@testable import QQIO

/// `generate accounts N follows M seed S`: exact sizes, determinism, heavy tails, reciprocity.
@Suite struct GeneratorTests {
    @Test func exactDeterministicAndSocial() throws {
        let a = try Generator.generate(accounts: 10_000, follows: 150_000, seed: 7, progress: NoProgress())
        let b = try Generator.generate(accounts: 10_000, follows: 150_000, seed: 7, progress: NoProgress())
        let c = try Generator.generate(accounts: 10_000, follows: 150_000, seed: 8, progress: NoProgress())
        #expect(a.accountCount == 10_000 && a.follows.edgeCount == 150_000)
        #expect(a.follows.droppedSelfLoops == 0 && a.follows.duplicateRows == 0)
        expectSameData(a, b)
        #expect(a.follows.out != c.follows.out)
        expectConsistent(a)
        #expect(a.handle(0) == "u000000" && a.handle(9_999) == "u009999")
        #expect(a.accounts.names == ["handle", "posts", "joined", "verified", "lang"])
        #expect(a.accounts.columns.map(\.type) == [.string, .int, .date, .bool, .string])
        #expect(a.accounts.column("lang")!.nullCount > 250)
        // Reciprocity as NetworkX overall_reciprocity: edges whose reverse exists / edges.
        var mutual = 0
        for v in 0..<a.accountCount { for t in a.follows.out.neighbors(v) where a.follows.out.hasEdge(Int(t), UInt32(v)) { mutual += 1 } }
        let reciprocity = Double(mutual) / Double(a.follows.edgeCount)
        #expect(reciprocity >= 0.2 && reciprocity <= 0.4, "reciprocity \(reciprocity)")
        // Heavy tails both ways: the largest degrees are far above the mean (15).
        let inMax = (0..<a.accountCount).map { a.follows.inn.degree($0) }.max()!
        let outMax = (0..<a.accountCount).map { a.follows.out.degree($0) }.max()!
        #expect(inMax > 100 * 15, "max followers \(inMax)")
        #expect(outMax > 20 * 15, "max following \(outMax)")
        let medianIn = (0..<a.accountCount).map { a.follows.inn.degree($0) }.sorted()[a.accountCount / 2]
        // In a uniform random graph the median would be near the mean (15); here it is well below.
        #expect(Double(medianIn) < 0.6 * 15, "median followers \(medianIn)")
    }

    @Test(arguments: [(1, 0), (2, 2), (3, 6), (10, 80), (50, 2000), (100, 50)])
    func smallAndDense(_ n: Int, _ m: Int) throws {
        let d = try Generator.generate(accounts: n, follows: m, seed: 1, progress: NoProgress())
        #expect(d.accountCount == n && d.follows.edgeCount == m)
        #expect(d.follows.droppedSelfLoops == 0 && d.follows.duplicateRows == 0)
        expectConsistent(d)
    }

    @Test func impossibleRequests() {
        let e = #expect(throws: Diagnostic.self) { try Generator.generate(accounts: 3, follows: 7, seed: 1, progress: NoProgress()) }
        #expect(e?.message == "3 accounts can have at most 6 follows, asked for 7")
        #expect(throws: Diagnostic.self) { try Generator.generate(accounts: 0, follows: 0, seed: 1, progress: NoProgress()) }
    }
}
