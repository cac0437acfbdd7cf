import Foundation
import Testing
@testable import QQData
@testable import QQIO

/// Fixture and temporary-file helpers shared by the QQIO tests.
enum Fixture {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures").path

    static func path(_ relative: String) -> String { root + "/" + relative }

    /// A fresh empty folder under the system temp folder.
    static func tempDir(_ label: String = "qqio") -> String {
        let p = NSTemporaryDirectory() + "\(label)-\(getpid())-\(UUID().uuidString.prefix(8))"
        try! FileManager.default.createDirectory(atPath: p, withIntermediateDirectories: true)
        return p
    }

    /// Writes `text` to `dir/name` and returns the path.
    @discardableResult
    static func write(_ text: String, _ dir: String, _ name: String) -> String {
        let p = dir + "/" + name
        try! Data(text.utf8).write(to: URL(fileURLWithPath: p))
        return p
    }

    @discardableResult
    static func write(bytes: [UInt8], _ dir: String, _ name: String) -> String {
        let p = dir + "/" + name
        try! Data(bytes).write(to: URL(fileURLWithPath: p))
        return p
    }
}

/// Edges of a layer as (src handle, dst handle, weight) in CSR order.
func edges(_ d: Dataset, _ l: Layer) -> [String] {
    var out: [String] = []
    for v in 0..<l.nodeCount {
        for k in l.out.offsets[v]..<l.out.offsets[v + 1] {
            let w = l.out.weights.map { " \($0[k])" } ?? ""
            out.append("\(d.handle(v))->\(d.handle(Int(l.out.targets[k])))\(w)")
        }
    }
    return out
}

/// The accounts table as text rows with typed cells, for comparisons.
func rows(_ d: Dataset) -> [String] {
    (0..<d.accountCount).map { i in d.accounts.row(i).map { v in "\(v.type.rawValue):\(v)" }.joined(separator: "|") }
}

/// Asserts that two datasets hold the same accounts (names, types, values, order) and edges.
func expectSameData(_ a: Dataset, _ b: Dataset, sourceLocation: SourceLocation = #_sourceLocation) {
    #expect(a.accounts.names == b.accounts.names, sourceLocation: sourceLocation)
    #expect(a.accounts.columns.map(\.type) == b.accounts.columns.map(\.type), sourceLocation: sourceLocation)
    #expect(rows(a) == rows(b), sourceLocation: sourceLocation)
    #expect(a.follows.out == b.follows.out && a.follows.inn == b.follows.inn, sourceLocation: sourceLocation)
    #expect(a.layers.map(\.name) == b.layers.map(\.name), sourceLocation: sourceLocation)
    for (x, y) in zip(a.layers, b.layers) {
        #expect(x.out == y.out && x.inn == y.inn, "layer \(x.name)", sourceLocation: sourceLocation)
    }
    #expect(a.handles.count == b.handles.count, sourceLocation: sourceLocation)
}

/// Checks the dataset invariants: handle column equals the index, layers sized, both directions agree.
func expectConsistent(_ d: Dataset, sourceLocation: SourceLocation = #_sourceLocation) {
    #expect(d.accounts.names.first == "handle", sourceLocation: sourceLocation)
    #expect(d.handles.count == d.accountCount, sourceLocation: sourceLocation)
    for i in 0..<d.accountCount { #expect(d.handles.id(of: d.handle(i)) == UInt32(i), sourceLocation: sourceLocation) }
    for l in [d.follows] + d.layers {
        #expect(l.nodeCount == d.accountCount, sourceLocation: sourceLocation)
        #expect(CSRBuilder.transpose(l.out) == l.inn, "layer \(l.name) directions", sourceLocation: sourceLocation)
    }
}

func load(_ path: String, lenient: Bool = false) throws(Diagnostic) -> LoadReport {
    try Loader.load(path: path, options: LoadOptions(lenient: lenient))
}
