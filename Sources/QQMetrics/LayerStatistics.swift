import QQData

// Layer statistics — the numbers of the `layers` source (SPEC §9).
//
// Definitions, for one directed layer L (the follow layer or an interaction layer):
//   accounts    accounts with at least one edge in L (sent or received)
//   edges       distinct pairs u → v (repeated rows are one edge; self-loops dropped
//               at load)                                    NetworkX `G.number_of_edges()`
//   weight      total weight of L's edges (summed over repeated rows; the edge count
//               when L has no weights)                      `G.size(weight="weight")`
//   reciprocity share of the edges whose reverse is also an edge, on the whole layer
//               NetworkX `nx.reciprocity(G)`; null for an edgeless layer (NetworkX
//               raises "Not defined for empty graphs")
//   density     edges / (accounts · (accounts − 1)) over the touched accounts
//               NetworkX `nx.density(G)` on the layer's graph (0 below 2 accounts)
//   with G = the layer's graph as `LayerGraph` defines it (nodes = touched accounts).
// Self-loops: none. Nulls: reciprocity of an edgeless layer.
// Reference: NetworkX `networkx/algorithms/reciprocity.py`, `classes/function.py`.
//
// API: `LayerStatistics.all(dataset)` — one value per layer, the follow layer first
//   then the interaction layers in dataset order; `LayerStatistics(layer)` for one.
//   The `first`/`last` times of timed layers are not computed here.

/// The `layers` row of one layer.
public struct LayerStatistics: Sendable, Equatable {
    /// The columns of the `layers` table, in order (the language's schema and the
    /// engine's table both read this list).
    public static let columnNames = ["layer", "accounts", "edges", "weight", "reciprocity", "density"]
    /// Added after them when some layer has times (SPEC §9): its earliest and latest.
    public static let timeColumnNames = ["first", "last"]

    /// The `layers` columns for `dataset`.
    public static func columnNames(_ dataset: Dataset) -> [String] {
        columnNames + (isTimed(dataset) ? timeColumnNames : [])
    }

    /// Whether any layer of `dataset` has times.
    public static func isTimed(_ dataset: Dataset) -> Bool {
        dataset.follows.times != nil || dataset.layers.contains { $0.events != nil }
    }

    public var layer: String
    public var accounts: Int
    public var edges: Int
    public var weight: Double
    /// Reciprocated edges / edges; nil for an edgeless layer.
    public var reciprocity: Double?
    public var density: Double
    /// The earliest and latest time of the layer's edges (nil without times).
    public var first: Int64?
    public var last: Int64?

    /// Statistics of `layer` (all of its nodes).
    ///
    /// - Complexity: O(n + m).
    public init(_ layer: Layer) {
        let n = layer.nodeCount
        var touched = 0, reciprocated = 0
        for v in 0..<n {
            if layer.out.degree(v) > 0 || layer.inn.degree(v) > 0 { touched += 1 }
            // Edges v → u whose reverse u → v exists: |out(v) ∩ in(v)| (sorted rows).
            var i = layer.out.offsets[v], j = layer.inn.offsets[v]
            let iEnd = layer.out.offsets[v + 1], jEnd = layer.inn.offsets[v + 1]
            while i < iEnd && j < jEnd {
                let a = layer.out.targets[i], b = layer.inn.targets[j]
                if a == b { reciprocated += 1; i += 1; j += 1 } else if a < b { i += 1 } else { j += 1 }
            }
        }
        let m = layer.edgeCount
        self.layer = layer.name
        accounts = touched
        edges = m
        // The follow layer's weight column (SPEC §9) when it has one.
        weight = layer.followWeights.map { $0.reduce(0, +) } ?? layer.totalWeight
        reciprocity = m == 0 ? nil : Double(reciprocated) / Double(m)
        density = touched < 2 ? 0 : Double(m) / (Double(touched) * Double(touched - 1))
        let span = layer.timeSpan
        first = span?.0; last = span?.1
    }

    /// One row per layer: the follow layer first, then the interaction layers.
    public static func all(_ dataset: Dataset) -> [LayerStatistics] {
        [LayerStatistics(dataset.follows)] + dataset.layers.map { LayerStatistics($0) }
    }
}
