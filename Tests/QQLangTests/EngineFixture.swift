import QQData
@testable import QQSession
@testable import QQEngine
@testable import QQSemantic
@testable import QQSyntax

/// Collects what a session writes.
final class EngineOutput: SessionOutput {
    var stdout = ""
    var stderr = ""
    func out(_ text: String) { stdout += text }
    func err(_ text: String) { stderr += text }
}

/// Small hand-made datasets for engine tests (no loader needed).
enum EngineFixture {
    /// A dataset from account rows (first column `handle`), follow pairs and weighted
    /// interaction layers, all by handle.
    static func dataset(columns: [(String, [Value])], follows: [(String, String)] = [],
                        layers: [(String, [(String, String, Double)])] = []) -> Dataset {
        let handles = columns[0].1.map { $0.description }
        let store = StringStore(handles)
        let index = try! HandleIndex(uniqueHandles: store)
        let table = Table(names: columns.map(\.0), columns: columns.map { Column.from($0.1) })
        func id(_ h: String) -> UInt32 { index.id(of: h)! }
        let f = CSRBuilder.build(name: "follow", nodeCount: handles.count,
                                 src: follows.map { id($0.0) }, dst: follows.map { id($0.1) })
        let ls = layers.map { (name, edges) in
            CSRBuilder.build(name: name, nodeCount: handles.count, src: edges.map { id($0.0) },
                             dst: edges.map { id($0.1) }, weights: edges.map(\.2))
        }
        return Dataset(accounts: table, handles: index, follows: f, layers: ls, origin: "test")
    }

    /// Six accounts with ages, cities, join dates and a few nulls.
    static func people() -> Dataset {
        dataset(columns: [
            ("handle", ["ann", "bob", "cat", "dan", "eve", "fay"].map { .string($0) }),
            ("age", [.int(34), .int(27), .null, .int(41), .int(27), .int(19)]),
            ("city", [.string("Oslo"), .string("Rome"), .string("Oslo"), .null, .string("Lima"), .string("Rome")]),
            ("score", [.float(2.5), .float(-1), .float(4), .float(0.5), .null, .float(3)]),
            ("joined", ["2020-01-15", "2021-06-01", "2019-11-30", "2022-02-28", "2020-01-15", "2023-12-31"]
                .map { .date(CivilDate.parse(Substring($0))!.daysSinceEpoch) }),
        ], follows: [("bob", "ann"), ("cat", "ann"), ("dan", "ann"), ("ann", "bob"), ("eve", "bob"), ("fay", "cat"),
                     ("ann", "ann"), ("bob", "ann")],
           layers: [("repost", [("bob", "ann", 2), ("cat", "ann", 1), ("ann", "bob", 1), ("bob", "ann", 1)]),
                    ("reply", [("eve", "ann", 3), ("ann", "eve", 1)])])
    }

    /// A session on `dataset` writing csv, with a pinned date.
    static func session(_ dataset: Dataset = people(), format: String = "csv") -> (Session, EngineOutput) {
        let out = EngineOutput()
        var o = SessionOptions()
        o.format = .init(name: format)!
        o.today = CivilDate(year: 2024, month: 1, day: 31)
        let s = Session(options: o, output: out)
        s.dataset = dataset
        return (s, out)
    }

    /// Runs `text` and returns (ok, stdout, stderr).
    static func run(_ text: String, on dataset: Dataset = people()) -> (ok: Bool, out: String, err: String) {
        let (s, out) = session(dataset)
        let ok = s.run(text)
        return (ok, out.stdout, out.stderr)
    }
}
