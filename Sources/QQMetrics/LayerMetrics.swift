import QQData

// Per-layer structural metrics — `kcore(L)`, `clustering(L)`, `community(L)`,
// `authority(L)`, `hub(L)`, `betweenness(L)` (SPEC §9).
//
// Definition: the metric of the same name (SPEC §5, the kernels of CoreNumber.swift,
//   Clustering.swift, Louvain.swift, HITS.swift, Betweenness.swift) computed on the
//   graph of layer L (`LayerGraph`: the accounts with at least one edge in L, L's
//   edges unweighted); null for every account outside that graph.
// Matches, with G = nx.DiGraph(L.edges()) (the layer's edges without weights, nodes =
//   the accounts that touch an edge) and U = G.to_undirected():
//   kcore(L)        nx.core_number(U)
//   clustering(L)   nx.clustering(U)
//   community(L)    nx.community.louvain_communities(U, weight=None, seed=…) in method
//                   (the tests compare modularity, as for `community`)
//   authority(L), hub(L)  networkx `_hits_python(G)` at `tolerance`, `nx.hits(G)` once
//                   converged — both sum to 1 over the layer's accounts
//   betweenness(L)  nx.betweenness_centrality(G) (normalized by the layer's own
//                   (n−1)(n−2)); sampled above `betweenness_exact_limit` layer accounts
// Weights: none (NetworkX `weight=None`; `nx.hits` and `louvain_communities` would
//   otherwise read the `weight` attribute). `pagerank(L)` keeps its weighted
//   definition over all accounts and is not here.
// Nulls: accounts without an edge in L. Self-loops: none (dropped at load).
// Reference: SPEC §9; NetworkX as listed above.
//
// API: `LayerMetrics.compute(kind, layer:, accountCount:, settings:) -> MetricOutput`
//   for the metric registry (one call per metric; `LayerGraph` costs O(n + m) to build, so a
//   caller computing several metrics of one layer may build it once and call the
//   typed functions below).

/// The structural metrics on the graph of one layer, spread back onto all accounts.
public enum LayerMetrics {
    /// The structural metrics computed per layer (the registry names them).
    public enum Kind: CaseIterable, Sendable {
        case kcore, clustering, community, authority, hub, betweenness
    }

    /// Metric `kind` of `layer` as a column over `accountCount` accounts, null outside
    /// the layer, with the notes and values `describe` shows.
    ///
    /// - Throws: what the kernels throw (bad settings, `cancelled`).
    public static func compute(_ kind: Kind, layer: Layer, accountCount: Int,
                               settings s: Settings) throws(Diagnostic) -> MetricOutput {
        let g = LayerGraph(layer, accountCount: accountCount)
        switch kind {
        case .kcore: return MetricOutput(column: try kcore(g))
        case .clustering: return MetricOutput(column: try clustering(g))
        case .community:
            let r = try community(g, seed: s.kernelSeed)
            return MetricOutput(column: r.column, modularity: r.modularity)
        case .authority, .hub:
            let r = try hits(g, tolerance: s.tolerance, maxIterations: s.maxIterations)
            let notes = r.converged ? [] : [
                "HITS on layer '\(layer.name)' did not converge to tolerance \(Value.formatFloat(s.tolerance)) in \(r.iterations) iterations (set max_iterations to run longer); values are the last iterate",
            ]
            return MetricOutput(column: kind == .hub ? r.hub : r.authority, notes: notes, iterations: r.iterations)
        case .betweenness:
            let r = try betweenness(g, exactLimit: s.betweennessExactLimit, samples: s.betweennessSamples, seed: s.kernelSeed)
            let notes = r.approximate ? [
                "betweenness(\(layer.name)) is approximate: estimated from \(s.betweennessSamples) sampled sources (seed \(s.seed)); the layer's \(g.count) accounts exceed betweenness_exact_limit \(s.betweennessExactLimit)",
            ] : []
            return MetricOutput(column: r.column, notes: notes)
        }
    }

    /// Core numbers of the undirected view of the layer's graph (int column).
    ///
    /// - Complexity: as `CoreNumber.compute` on the layer's graph.
    public static func kcore(_ g: LayerGraph) throws(Diagnostic) -> Column {
        g.spread(try CoreNumber.compute(g.layer))
    }

    /// Local clustering coefficients of the undirected view (float column).
    ///
    /// - Complexity: as `Clustering.compute` on the layer's graph.
    public static func clustering(_ g: LayerGraph) throws(Diagnostic) -> Column {
        g.spread(try Clustering.compute(g.layer))
    }

    /// Louvain communities of the undirected view (int column, ids by first
    /// appearance in load order among the layer's accounts) and their modularity.
    ///
    /// - Complexity: as `Louvain.compute` on the layer's graph.
    public static func community(_ g: LayerGraph, seed: UInt64) throws(Diagnostic) -> (column: Column, modularity: Double) {
        let r = try Louvain.compute(g.layer, seed: seed)
        return (g.spread(r.community), r.modularity)
    }

    /// HITS authority and hub scores on the layer's graph, each summing to 1 over its accounts.
    ///
    /// - Complexity: as `HITS.compute` on the layer's graph.
    public static func hits(_ g: LayerGraph, tolerance: Double, maxIterations: Int) throws(Diagnostic)
        -> (authority: Column, hub: Column, iterations: Int, converged: Bool) {
        let r = try HITS.compute(g.layer, tolerance: tolerance, maxIterations: maxIterations)
        return (g.spread(r.authorities), g.spread(r.hubs), r.iterations, r.converged)
    }

    /// Normalized directed betweenness on the layer's graph; `approximate` when the
    /// layer has more than `exactLimit` accounts and sources were sampled.
    ///
    /// - Complexity: as `Betweenness.compute` on the layer's graph.
    public static func betweenness(_ g: LayerGraph, exactLimit: Int, samples: Int,
                                   seed: UInt64) throws(Diagnostic) -> (column: Column, approximate: Bool) {
        let r = try Betweenness.compute(g.layer, exactLimit: exactLimit, samples: samples, seed: seed)
        return (g.spread(r.scores), r.approximate)
    }
}
