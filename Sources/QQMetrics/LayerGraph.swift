import QQData

// A layer as a graph of its own (SPEC §9) — what `kcore(L)`, `clustering(L)`,
// `community(L)`, `authority(L)`, `hub(L)` and `betweenness(L)` run on.
//
// Definition: the graph of layer L holds the accounts with at least one edge in L
//   (sent or received), and L's edges between them, unweighted (NetworkX
//   `weight=None`): a pair that repeats in the input is one edge, its summed weight is
//   ignored. Every other account is not a node of it, and the per-layer metrics give
//   it null.
// Matches: the NetworkX graph `nx.DiGraph(L.edges())` (edges without their data),
//   whose nodes are exactly the accounts that touch an edge; its undirected view is
//   `G.to_undirected()`.
// Self-loops: none. The loader drops self-interactions and counts them
//   (docs/FORMATS.md), so an account whose only rows in L were self-loops has no edge
//   in L and is absent from its graph (null). NetworkX's `core_number` refuses graphs
//   with self-loops, so the reference graphs drop them the same way.
// Ids: the nodes are numbered 0..<count in increasing account id (load order), so the
//   relabelling keeps every CSR row sorted and results that number things in node
//   order (Louvain's community ids) follow load order as for the follow graph.
//
// API (what the language engine calls):
//   let g = LayerGraph(layer, accountCount: n)   // O(n + m)
//   g.layer        // the unweighted directed graph on g.count nodes (a `Layer`)
//   g.members[i]   // account id of node i;  g.node(of: account) the reverse (or nil)
//   g.spread(values) -> Column   // node values back onto all n accounts, null elsewhere
// `LayerMetrics` (LayerMetrics.swift) runs the existing kernels on `g.layer`.

/// The graph of one layer restricted to the accounts it touches, unweighted.
public struct LayerGraph: Sendable {
    /// Account ids of the nodes, increasing; node `i` is account `members[i]`.
    public let members: [UInt32]
    /// The layer's edges between its members in node ids, without weights (both directions).
    public let layer: Layer
    /// Accounts in the dataset (the length of spread columns).
    public let accountCount: Int
    /// Account id → node id, `UInt32.max` for accounts outside the layer.
    private let nodeOf: [UInt32]

    /// The graph of `layer` over a dataset of `accountCount` accounts. Nodes of
    /// `layer` at or beyond `accountCount` are ignored along with their edges; a layer
    /// with fewer nodes than accounts (not yet padded) is read as if padded.
    ///
    /// - Complexity: O(n + m) time and memory.
    public init(_ layer: Layer, accountCount: Int) {
        let n = max(accountCount, 0)
        let known = min(layer.nodeCount, n)
        var nodeOf = [UInt32](repeating: .max, count: n)
        var members: [UInt32] = []
        // Membership: an edge (in either direction) to another known account.
        for v in 0..<known where Self.hasEdge(layer.out, v, below: known) || Self.hasEdge(layer.inn, v, below: known) {
            nodeOf[v] = UInt32(members.count)
            members.append(UInt32(v))
        }
        let out = Self.relabel(layer.out, members, nodeOf, below: known)
        let inn = Self.relabel(layer.inn, members, nodeOf, below: known)
        self.members = members
        self.nodeOf = nodeOf
        self.accountCount = n
        self.layer = Layer(name: layer.name, out: out, inn: inn, weighted: false)
    }

    /// Number of nodes (accounts that touch an edge of the layer).
    public var count: Int { members.count }

    /// The node of account `account`, nil when the account has no edge in the layer.
    public func node(of account: Int) -> Int? {
        guard account >= 0 && account < nodeOf.count, nodeOf[account] != .max else { return nil }
        return Int(nodeOf[account])
    }

    /// One value per node spread onto all accounts as a float column: null for the
    /// accounts outside the layer.
    public func spread(_ values: [Double]) -> Column {
        precondition(values.count == count, "one value per node")
        var out = [Double](repeating: 0, count: accountCount)
        for (i, a) in members.enumerated() { out[Int(a)] = values[i] }
        return Column(.float(out), valid: validity())
    }

    /// One value per node spread onto all accounts as an int column: null for the
    /// accounts outside the layer.
    public func spread(_ values: [Int64]) -> Column {
        precondition(values.count == count, "one value per node")
        var out = [Int64](repeating: 0, count: accountCount)
        for (i, a) in members.enumerated() { out[Int(a)] = values[i] }
        return Column(.int(out), valid: validity())
    }

    /// The validity bitmap of spread columns (nil when every account is a node).
    public func validity() -> Bitmap? {
        if count == accountCount { return nil }
        var valid = Bitmap(count: accountCount, value: false)
        for a in members { valid[Int(a)] = true }
        return valid
    }

    /// True when row `v` of `g` has a target below `limit`.
    private static func hasEdge(_ g: CSR, _ v: Int, below limit: Int) -> Bool {
        // Rows are sorted: the first target is the smallest.
        let lo = g.offsets[v]
        return lo < g.offsets[v + 1] && Int(g.targets[lo]) < limit
    }

    /// Rows of the members, targets renamed to node ids. Renaming is increasing, so
    /// sorted rows stay sorted; targets at or beyond `limit` are dropped.
    private static func relabel(_ g: CSR, _ members: [UInt32], _ nodeOf: [UInt32], below limit: Int) -> CSR {
        var offsets = [Int](repeating: 0, count: members.count + 1)
        var targets: [UInt32] = []
        targets.reserveCapacity(g.edgeCount)
        for (i, a) in members.enumerated() {
            let v = Int(a)
            for k in g.offsets[v]..<g.offsets[v + 1] {
                let t = Int(g.targets[k])
                if t < limit { targets.append(nodeOf[t]) }
            }
            offsets[i + 1] = targets.count
        }
        return CSR(offsets: offsets, targets: targets)
    }
}
