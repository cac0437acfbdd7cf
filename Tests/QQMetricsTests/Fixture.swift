import Foundation
import QQData

/// A reference-value fixture written by `scripts/metric-reference`:
/// `values.csv` (per-account values for the listed ids) and `summary.csv`.
struct Fixture {
    let name: String
    /// Column name → values, parallel to `ids`; nil is an empty (null) cell.
    var columns: [String: [Double?]] = [:]
    var text: [String: [String]] = [:]
    var ids: [Int] = []
    var summary: [String: String] = [:]

    static let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures")

    init(_ name: String) throws {
        self.name = name
        let folder = Fixture.directory.appendingPathComponent(name)
        let values = try Fixture.lines(folder.appendingPathComponent("values.csv"))
        let header = values[0]
        for row in values.dropFirst() {
            ids.append(Int(row[0])!)
            for (i, cell) in row.enumerated() {
                columns[header[i], default: []].append(cell.isEmpty ? nil : Double(cell))
                text[header[i], default: []].append(cell)
            }
        }
        for row in try Fixture.lines(folder.appendingPathComponent("summary.csv")).dropFirst() {
            summary[row[0]] = row.count > 1 ? row[1] : ""
        }
    }

    static func lines(_ url: URL) throws -> [[String]] {
        try String(contentsOf: url, encoding: .utf8).split(separator: "\n")
            .filter { !$0.hasPrefix("#") }
            .map { $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init) }
    }

    func column(_ name: String) -> [Double?] { columns[name] ?? [] }
    func has(_ name: String) -> Bool { columns[name] != nil }
    func number(_ key: String) -> Double? { summary[key].flatMap(Double.init) }
    var accounts: Int { Int(summary["accounts"]!)! }
    /// Interaction layer names present (from `received_<layer>` columns).
    var layerNames: [String] { columns.keys.filter { $0.hasPrefix("received_") }.map { String($0.dropFirst(9)) }.sorted() }

    /// The graph: a bundled network's edge files, or the generated graph.
    func graph() throws -> (follows: Layer, layers: [Layer], posts: [Int64]?) {
        if let gen = summary["generator"] {
            var p: [String: Int] = [:]
            for part in gen.split(separator: " ") {
                let kv = part.split(separator: "=")
                p[String(kv[0])] = Int(kv[1])!
            }
            let rows = GeneratedRows(n: p["n"]!, rows: p["rows"]!, seed: UInt64(p["seed"]!))
            let built = rows.build()
            return (built.follows, built.layers, rows.posts)
        }
        let folder = Fixture.directory.appendingPathComponent(name)
        let n = accounts
        let edges = try Fixture.lines(folder.appendingPathComponent("follows.csv")).dropFirst()
        let follows = CSRBuilder.build(name: "follow", nodeCount: n, src: edges.map { UInt32($0[0])! },
                                       dst: edges.map { UInt32($0[1])! })
        var layers: [Layer] = []
        let weightFile = folder.appendingPathComponent("layer_weight.csv")
        if FileManager.default.fileExists(atPath: weightFile.path) {
            let rows = try Fixture.lines(weightFile).dropFirst()
            layers.append(CSRBuilder.build(name: "weight", nodeCount: n, src: rows.map { UInt32($0[0])! },
                                           dst: rows.map { UInt32($0[1])! }, weights: rows.map { Double($0[2])! }))
        }
        return (follows, layers, nil)
    }

    /// A dataset over the graph, with handles `0…n-1` and (generated graphs) `posts`.
    func dataset() throws -> Dataset {
        let g = try graph()
        let n = accounts
        var handles = HandleIndex()
        for i in 0..<n { _ = handles.insert(String(i)) }
        var names = ["handle"], cols = [Column(.string(StringStore((0..<n).map(String.init))))]
        if let posts = g.posts { names.append("posts"); cols.append(.ints(posts)) }
        return Dataset(accounts: Table(names: names, columns: cols), handles: handles, follows: g.follows,
                       layers: g.layers, origin: name)
    }
}

/// Column values as optional Doubles, for comparisons.
func doubles(_ c: Column) -> [Double?] { (0..<c.count).map { c.double($0) } }
func doubles(_ a: [Double]) -> [Double?] { a.map { $0 } }
func doubles(_ a: [Int64]) -> [Double?] { a.map { Double($0) } }
