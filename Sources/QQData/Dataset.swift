/// What a session holds (SPEC §1): the accounts table, the follow layer and the
/// interaction layers. A dataset is a value: a load builds a new one and swaps it in
/// only when complete, so a failed load changes nothing.
///
/// Invariants: `accounts.names[0] == "handle"`; `handles.handles` equals the handle
/// column; every layer has `accountCount` nodes; interaction layers are weighted.
public struct Dataset: Sendable {
    public var accounts: Table
    public var handles: HandleIndex
    public var follows: Layer
    public var layers: [Layer]
    /// Where it came from: `sample`, a path, or `generate …`.
    public var origin: String
    /// True for the built-in sample: a partial load replaces it instead of mixing into it.
    public var isSample: Bool
    /// Accounts first seen in an edge file (created with null attributes).
    public var createdFromEdges: Int
    /// Bumped whenever the data changes; metric caches key on it.
    public var generation: Int
    /// The planted truth the `truth` source shows (the built-in sample's roles, one row
    /// per account in load order); nil for every other dataset. Not saved in snapshots.
    public var truth: Table? = nil

    public init(accounts: Table, handles: HandleIndex, follows: Layer, layers: [Layer],
                origin: String, isSample: Bool = false, createdFromEdges: Int = 0) {
        self.accounts = accounts; self.handles = handles; self.follows = follows; self.layers = layers
        self.origin = origin; self.isSample = isSample; self.createdFromEdges = createdFromEdges
        self.generation = Dataset.nextGeneration()
    }

    /// A dataset with no accounts.
    public static func empty(origin: String = "empty") -> Dataset {
        let t = Table(names: ["handle"], columns: [Column(.string(StringStore()))])
        return Dataset(accounts: t, handles: HandleIndex(), follows: .empty(name: "follow", nodeCount: 0, weighted: false),
                       layers: [], origin: origin)
    }

    public var accountCount: Int { accounts.rowCount }

    public func layer(named name: String) -> Layer? { layers.first { $0.name == name } }

    public func handle(_ id: Int) -> String { handles.handles[id] }

    /// Marks the data as changed (invalidates metric caches).
    public mutating func touch() { generation = Dataset.nextGeneration() }

    private static let counter = GenerationCounter()
    private static func nextGeneration() -> Int { counter.next() }
}

import Synchronization

final class GenerationCounter: Sendable {
    private let value = Atomic<Int>(0)
    func next() -> Int { value.add(1, ordering: .relaxed).newValue }
}
