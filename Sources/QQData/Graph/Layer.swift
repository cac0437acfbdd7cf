/// One directed layer of the dataset: the follow layer, or an interaction layer
/// (`repost`, `mention`, …) whose edges carry weights. Both directions are kept so
/// that followers and following are each one row lookup.
public struct Layer: Sendable, Equatable {
    public var name: String
    /// `out.neighbors(v)`: whom `v` follows / interacts with.
    public var out: CSR
    /// `inn.neighbors(v)`: who follows / interacts with `v`.
    public var inn: CSR
    public var weighted: Bool
    /// Rows dropped at load because src == dst.
    public var droppedSelfLoops: Int
    /// Rows dropped (follow layer) or merged into one edge (interaction layers) because the pair repeated.
    public var duplicateRows: Int
    /// Follow layer with a time column (SPEC §8): when each follow began, parallel to
    /// `out.targets` (the earliest time of a repeated pair; `EdgeEvents.untimed` for a
    /// row without one). Nil when the file had no time column.
    public var times: [Int64]? = nil
    /// Follow layer with a weight column (SPEC §9): each follow's weight, parallel to
    /// `out.targets` (a repeated pair keeps its first row's). Kept as data only: every
    /// follow metric is unweighted. Nil when the file had no weight column.
    public var followWeights: [Double]? = nil
    /// Interaction layer with a time column: the events themselves (a pair can have
    /// many), beside the weighted CSR that sums them. Nil when the file had no times.
    public var events: EdgeEvents? = nil

    public init(name: String, out: CSR, inn: CSR, weighted: Bool, droppedSelfLoops: Int = 0, duplicateRows: Int = 0) {
        self.name = name; self.out = out; self.inn = inn; self.weighted = weighted
        self.droppedSelfLoops = droppedSelfLoops; self.duplicateRows = duplicateRows
    }

    /// An empty layer on `nodeCount` nodes.
    public static func empty(name: String, nodeCount: Int, weighted: Bool) -> Layer {
        var e = CSR(nodeCount: nodeCount)
        if weighted { e.weights = [] }
        return Layer(name: name, out: e, inn: e, weighted: weighted)
    }

    public var edgeCount: Int { out.edgeCount }
    public var nodeCount: Int { out.nodeCount }

    /// Total weight of all edges (edge count when unweighted).
    public var totalWeight: Double { out.weights?.reduce(0, +) ?? Double(out.edgeCount) }

    public func padded(to n: Int) -> Layer {
        var l = self
        l.out = out.padded(to: n); l.inn = inn.padded(to: n)
        return l
    }
}
