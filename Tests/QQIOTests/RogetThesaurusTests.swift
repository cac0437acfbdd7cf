import QQData
@testable import QQIO
import Testing

/// The built-in real network (`load sample "roget"`): the file's records as NetworkX's
/// `roget_dat.txt` holds them (docs/REAL_NETWORK.md); counts checked against NetworkX
/// 2.8.8's own reading of the file (1,022 nodes, 5,075 arcs with one self-loop).
@Suite struct RogetThesaurusTests {
    static let records = RogetThesaurus.parse(RogetThesaurus.text)
    static let dataset = RogetThesaurus.make()

    @Test func everyCategoryIsARecord() {
        let r = RogetThesaurusTests.records
        #expect(r.count == 1022)
        #expect(r.map(\.number) == Array(1...1022))
        #expect(r.reduce(0) { $0 + $1.targets.count } == 5075)
        #expect(r[0].name == "existence" && r[0].targets == [2, 69, 125, 149, 156, 166, 193, 455, 506, 527])
    }

    @Test func aRecordContinuedOnTheNextLineKeepsAllItsTargets() {
        let error = RogetThesaurusTests.records[506]
        #expect(error.name == "error")
        #expect(error.targets.count == 19)
        #expect(error.targets.suffix(2) == [747, 1006])
    }

    @Test func theDatasetHasOneAccountPerCategoryAndTheOneSelfReferenceDropped() {
        let d = RogetThesaurusTests.dataset
        #expect(d.accountCount == 1022)
        #expect(d.follows.edgeCount == 5074)
        #expect(d.follows.droppedSelfLoops == 1)
        #expect(d.layers.isEmpty)
        #expect(d.accounts.names == ["handle", "category"])
        #expect((0..<d.accountCount).contains { d.handle($0) == "present time" })
        #expect(d.isSample && d.origin == "sample \"roget\"")
    }
}
