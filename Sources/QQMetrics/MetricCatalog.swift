import QQData

// The metric registry's entries: SPEC §5 row by row, then the per-layer functions of
// §4. Each entry says what the column is and computes it by calling its kernel; adding
// a metric is one entry here plus its kernel file (docs/ARCHITECTURE.md).
extension MetricRegistry {
    static let iterative = ["tolerance", "max_iterations"]

    /// Every metric, SPEC §5 order first, then the functions that need a layer.
    static let catalog: [MetricDefinition] = [
        MetricDefinition("followers", .int, .quantity, .higher, summary: "accounts that follow it (in-degree)",
                         definition: "In-degree in the follow layer (u -> v means u follows v). Self-follows and duplicate rows are dropped at load.",
                         networkx: "G.in_degree(v)",
                         example: "accounts | top 5 by followers | select handle, followers, pagerank") { (i: MetricInput) throws(Diagnostic) -> MetricOutput in
            MetricOutput(column: .ints(Degree.followers(i.follows)))
        },
        MetricDefinition("following", .int, .quantity, .none, summary: "accounts it follows (out-degree)",
                         definition: "Out-degree in the follow layer.",
                         networkx: "G.out_degree(v)") { (i: MetricInput) throws(Diagnostic) -> MetricOutput in
            MetricOutput(column: .ints(Degree.following(i.follows)))
        },
        MetricDefinition("ratio", .float, .quantity, .none, summary: "followers / max(following, 1)",
                         definition: "followers / max(following, 1); 0 for an account with neither.",
                         networkx: "G.in_degree(v) / max(G.out_degree(v), 1)") { (i: MetricInput) throws(Diagnostic) -> MetricOutput in
            MetricOutput(column: .floats(Degree.ratio(i.follows)))
        },
        MetricDefinition("mutuals", .int, .quantity, .none, summary: "accounts that follow it and that it follows",
                         definition: "|followers ∩ following|: the number of mutual follows.",
                         networkx: "len(set(G.predecessors(v)) & set(G.successors(v)))") { (i: MetricInput) throws(Diagnostic) -> MetricOutput in
            MetricOutput(column: .ints(Degree.mutuals(i.follows)))
        },
        MetricDefinition("reciprocity", .float, .quality, .none, summary: "share of its follow links that are mutual",
                         definition: "2·mutuals / (followers + following); null when both are 0.",
                         networkx: "nx.reciprocity(G, nodes)", nullable: true) { (i: MetricInput) throws(Diagnostic) -> MetricOutput in
            MetricOutput(column: Degree.reciprocity(i.follows))
        },
        MetricDefinition("interactions", .float, .quantity, .higher, summary: "total interaction weight received",
                         definition: "Σ over every interaction layer of the weight of edges into the account (weight = times; duplicate rows add up); null for every account when the dataset has no interaction layers (nothing was measured).",
                         networkx: "Σ_L G_L.in_degree(v, weight='weight')", nullable: true) { (i: MetricInput) throws(Diagnostic) -> MetricOutput in
            if i.layers.isEmpty { return MetricRegistry.unmeasured(i) }
            return MetricOutput(column: .floats(Interaction.interactions(i.layers, accountCount: i.accountCount)))
        },
        MetricDefinition("engagement", .float, .quality, .higher, summary: "interactions per follower",
                         definition: "interactions / followers; null when followers = 0, and for every account when the dataset has no interaction layers.",
                         networkx: "interactions(v) / G.in_degree(v)", dependsOn: ["interactions", "followers"],
                         nullable: true) { (i: MetricInput) throws(Diagnostic) -> MetricOutput in
            if i.layers.isEmpty { return MetricRegistry.unmeasured(i) }
            let total = Interaction.interactions(i.layers, accountCount: i.accountCount)
            return MetricOutput(column: Interaction.engagement(interactions: total, followers: Degree.followers(i.follows)))
        },
        MetricDefinition("dialogue", .float, .quality, .higher, summary: "how two-way its conversations are",
                         definition: "Among the accounts it interacts with in any interaction layer (sent to or received from, any weight), the share with whom it goes both ways: |sent-to ∩ received-from| / |sent-to ∪ received-from|; null without interactions (for every account when the dataset has no interaction layers).",
                         networkx: "none; checked against a direct set computation", nullable: true) { (i: MetricInput) throws(Diagnostic) -> MetricOutput in
            if i.layers.isEmpty { return MetricRegistry.unmeasured(i) }
            return MetricOutput(column: try Interaction.dialogue(i.layers, accountCount: i.accountCount))
        },
        MetricDefinition("pagerank", .float, .quality, .higher, summary: "PageRank of the follow graph",
                         definition: "x ← α·(xᵀA + Σ_dangling x / N) + (1−α)/N with A row-normalized (edges point to who is followed), x₀ = 1/N, α = damping (0.85); dangling mass spread uniformly; stops when Σ|x − xlast| < N·tolerance or after max_iterations (then the output says it did not converge). Sums to 1.",
                         networkx: "nx.pagerank(G, alpha=damping, tol=tolerance, max_iter=max_iterations)",
                         settings: ["damping"] + iterative, layer: .optional,
                         layerForm: (summary: "weighted PageRank of an interaction layer",
                                     definition: "pagerank(layer): PageRank as `pagerank` on the interaction layer, each edge's share being its weight over the sender's total weight.",
                                     networkx: "nx.pagerank(G_L, weight='weight')"),
                         layerExample: "accounts | top 5 by pagerank(repost) | select handle, pagerank, pagerank(repost)",
                         layerSeeAlso: ["damping", "tolerance"]) { (i: MetricInput) throws(Diagnostic) -> MetricOutput in
            try MetricRegistry.pagerank(i.layer ?? i.follows, i.settings, weighted: i.layer != nil)
        },
        MetricDefinition("authority", .float, .quality, .higher, summary: "HITS authority score",
                         definition: "HITS authority: principal right singular vector of the adjacency matrix (followed by good hubs), by power iteration from h = 1/N with max-scaling, stopping when Σ|h − hlast| < tolerance; normalized to sum 1. 0 without followers.",
                         networkx: "nx.hits(G)[1]", settings: iterative,
                         layer: .optional,
                         layerForm: (summary: "HITS authority score on one layer",
                                     definition: "authority(layer): HITS authority on the layer's graph (the accounts with an edge in the layer, edges unweighted), summing to 1 over them; null for other accounts.",
                                     networkx: "nx.hits(nx.DiGraph(G_L.edges()))[1]"),
                         layerExample: "accounts | top 5 by authority(repost) | select handle, authority, authority(repost)") { (i: MetricInput) throws(Diagnostic) -> MetricOutput in
            if let l = i.layer { return try LayerMetrics.compute(.authority, layer: l, accountCount: i.accountCount, settings: i.settings) }
            return try MetricRegistry.hits(i, hubs: false)
        },
        MetricDefinition("hub", .float, .quality, .higher, summary: "HITS hub score",
                         definition: "HITS hub: A·authority (follows good authorities), normalized to sum 1. 0 when it follows no one.",
                         networkx: "nx.hits(G)[0]", settings: iterative,
                         layer: .optional,
                         layerForm: (summary: "HITS hub score on one layer",
                                     definition: "hub(layer): HITS hub on the layer's graph (the accounts with an edge in the layer, edges unweighted), summing to 1 over them; null for other accounts.",
                                     networkx: "nx.hits(nx.DiGraph(G_L.edges()))[0]"),
                         layerExample: "accounts | top 5 by hub(mention) | select handle, hub, hub(mention)") { (i: MetricInput) throws(Diagnostic) -> MetricOutput in
            if let l = i.layer { return try LayerMetrics.compute(.hub, layer: l, accountCount: i.accountCount, settings: i.settings) }
            return try MetricRegistry.hits(i, hubs: true)
        },
        MetricDefinition("kcore", .int, .quality, .none, summary: "core number (undirected)",
                         definition: "Largest k such that the account is in the k-core of the undirected follow graph (a mutual follow is one edge); Batagelj–Zaversnik, O(m).",
                         networkx: "nx.core_number(G.to_undirected())",
                         example: "accounts | summarize count() by kcore | sort kcore desc | take 5",
                         layer: .optional,
                         layerForm: (summary: "core number on one layer (undirected)",
                                     definition: "kcore(layer): core number in the undirected graph of the layer (the accounts with an edge in it); null for other accounts.",
                                     networkx: "nx.core_number(nx.Graph(G_L.edges()))"),
                         layerExample: "accounts | summarize count() by kcore(repost)") { (i: MetricInput) throws(Diagnostic) -> MetricOutput in
            if let l = i.layer { return try LayerMetrics.compute(.kcore, layer: l, accountCount: i.accountCount, settings: i.settings) }
            return MetricOutput(column: .ints(try CoreNumber.compute(i.follows)))
        },
        MetricDefinition("clustering", .float, .quality, .none, summary: "local clustering coefficient (undirected)",
                         definition: "2·triangles / (d·(d−1)) in the undirected follow graph, d its undirected degree; 0 when d < 2.",
                         networkx: "nx.clustering(G.to_undirected())",
                         layer: .optional,
                         layerForm: (summary: "local clustering on one layer (undirected)",
                                     definition: "clustering(layer): local clustering coefficient in the undirected graph of the layer (the accounts with an edge in it); null for other accounts.",
                                     networkx: "nx.clustering(nx.Graph(G_L.edges()))"),
                         layerExample: "accounts | top 5 by clustering(reply) | select handle, clustering, clustering(reply)") { (i: MetricInput) throws(Diagnostic) -> MetricOutput in
            if let l = i.layer { return try LayerMetrics.compute(.clustering, layer: l, accountCount: i.accountCount, settings: i.settings) }
            return MetricOutput(column: .floats(try Clustering.compute(i.follows)))
        },
        MetricDefinition("betweenness", .float, .quality, .higher, summary: "betweenness centrality (normalized, directed)",
                         definition: "Σ_{s≠v≠t} σ_st(v)/σ_st over directed shortest paths, × 1/((n−1)(n−2)). Exact (Brandes) up to betweenness_exact_limit accounts; above it estimated from betweenness_samples seeded sources, scaled as NetworkX's k= mode.",
                         networkx: "nx.betweenness_centrality(G)",
                         settings: ["betweenness_exact_limit", "betweenness_samples", "seed"],
                         keySettings: betweennessKey,
                         layer: .optional,
                         layerForm: (summary: "betweenness on one layer (normalized, directed)",
                                     definition: "betweenness(layer): betweenness centrality in the layer's graph (the accounts with an edge in it, edges unweighted), normalized by its own (n−1)(n−2); exact up to betweenness_exact_limit layer accounts, else sampled; null for other accounts.",
                                     networkx: "nx.betweenness_centrality(nx.DiGraph(G_L.edges()))"),
                         layerExample: "accounts | top 5 by betweenness(mention) | select handle, betweenness(mention)") { (i: MetricInput) throws(Diagnostic) -> MetricOutput in
            if let l = i.layer { return try LayerMetrics.compute(.betweenness, layer: l, accountCount: i.accountCount, settings: i.settings) }
            let s = i.settings
            let r = try Betweenness.compute(i.follows, exactLimit: s.betweennessExactLimit,
                                            samples: s.betweennessSamples, seed: s.kernelSeed)
            let notes = r.approximate
                ? ["betweenness is approximate: estimated from \(s.betweennessSamples) sampled sources (seed \(s.kernelSeed)); \(i.accountCount) accounts exceed betweenness_exact_limit \(s.betweennessExactLimit)"]
                : []
            return MetricOutput(column: .floats(r.scores), notes: notes)
        },
        MetricDefinition("community", .int, .quality, .none, summary: "Louvain community id (undirected)",
                         definition: "Louvain communities of the undirected follow graph (resolution 1), node order shuffled with `seed`: deterministic. Ids numbered by first appearance in load order. `describe` reports the partition's modularity.",
                         networkx: "nx.community.louvain_communities(G.to_undirected(), seed=seed); modularity via nx.community.modularity",
                         settings: ["seed"],
                         example: "accounts | summarize count(), avg(followers) by community",
                         layer: .optional,
                         layerForm: (summary: "Louvain community on one layer (undirected)",
                                     definition: "community(layer): Louvain communities of the undirected graph of the layer (the accounts with an edge in it, unweighted), seeded; ids by first appearance; null for other accounts.",
                                     networkx: "nx.community.louvain_communities(nx.Graph(G_L.edges()), weight=None, seed=seed)"),
                         layerExample: "accounts | summarize count() by community(repost) | take 5") { (i: MetricInput) throws(Diagnostic) -> MetricOutput in
            if let l = i.layer { return try LayerMetrics.compute(.community, layer: l, accountCount: i.accountCount, settings: i.settings) }
            let r = try Louvain.compute(i.follows, seed: i.settings.kernelSeed)
            return MetricOutput(column: .ints(r.community), modularity: r.modularity)
        },
        MetricDefinition("suspicious", .bool, .quality, .lower, summary: "matches the fake-follower rule",
                         definition: suspiciousHelp,
                         networkx: "none; the rule is a qq expression", settings: ["suspicious"],
                         example: "accounts | where suspicious | count", isRule: true) { (_: MetricInput) throws(Diagnostic) -> MetricOutput in
            throw Diagnostic(.internal, "internal error: the rule metric is evaluated by the engine, not by a kernel")
        },
        MetricDefinition("fake_followers", .float, .quality, .lower, summary: "share of its followers that are suspicious",
                         definition: "|{followers u : suspicious(u)}| / followers, in 0–1; null without followers.",
                         networkx: "none; checked against a direct computation", settings: ["suspicious"],
                         dependsOn: ["suspicious"], nullable: true) { (i: MetricInput) throws(Diagnostic) -> MetricOutput in
            let s = try i.dependency("suspicious")
            guard case .bool(let flags) = s.storage, flags.count == i.accountCount else {
                throw Diagnostic(.internal, "the 'suspicious' column must be a bool column with one row per account")
            }
            let truth = (0..<flags.count).map { flags[$0] && !s.isNull($0) }
            return MetricOutput(column: Audience.fakeFollowers(i.follows, suspicious: truth))
        },
        MetricDefinition("audience_quality", .float, .quality, .higher, summary: "mean PageRank percentile of its followers",
                         definition: "Mean over its followers of their pagerank percentile among all accounts, 100 × average rank / n (pandas rank(pct=True), ties share their mean rank), 0–100; null without followers.",
                         networkx: "mean of (pd.Series(nx.pagerank(G)).rank(pct=True) * 100) over G.predecessors(v)",
                         settings: ["damping"] + iterative, dependsOn: ["pagerank"], nullable: true) { (i: MetricInput) throws(Diagnostic) -> MetricOutput in
            let p = try i.dependency("pagerank")
            guard case .float(let scores) = p.storage, scores.count == i.accountCount else {
                throw Diagnostic(.internal, "the 'pagerank' column must be a float column with one row per account")
            }
            return MetricOutput(column: Audience.audienceQuality(i.follows, pagerank: scores))
        },
        MetricDefinition("influence", .float, .quality, .higher, summary: "influence on one interaction layer (Romero et al. 2011)",
                         definition: "influence(layer): the Influence–Passivity scores of Romero, Galuba, Asur and Huberman (2011) on the follow graph and interaction layer L: acceptance rates from how strongly followers interact, an alternating iteration normalised to sum 1, stopping when the L1 changes fall below N × tolerance (SPEC §9; docs/METRICS.md).",
                         networkx: "none; checked against SPEC §9's reference table and a numpy version",
                         settings: iterative, layer: .required,
                         layerExample: "accounts | top 5 by influence(repost) | select handle, followers, received(repost), influence(repost)",
                         layerSeeAlso: ["passivity", "received"]) { (i: MetricInput) throws(Diagnostic) -> MetricOutput in
            try InfluencePassivity.output(.influence, follows: i.follows, layer: try i.requiredLayer(),
                                          posts: i.dataset.accounts.column("posts"), accountCount: i.accountCount, settings: i.settings)
        },
        MetricDefinition("passivity", .float, .quality, .none, summary: "passivity on one interaction layer (Romero et al. 2011)",
                         definition: "passivity(layer): how hard an account is to get to engage, the companion score of influence(layer) in the Influence–Passivity iteration of Romero et al. (2011).",
                         networkx: "none; checked against SPEC §9's reference table and a numpy version",
                         settings: iterative, layer: .required,
                         layerExample: "accounts | top 5 by passivity(repost) | select handle, following, passivity(repost)",
                         layerSeeAlso: ["influence"]) { (i: MetricInput) throws(Diagnostic) -> MetricOutput in
            try InfluencePassivity.output(.passivity, follows: i.follows, layer: try i.requiredLayer(),
                                          posts: i.dataset.accounts.column("posts"), accountCount: i.accountCount, settings: i.settings)
        },
        MetricDefinition("received", .float, .quantity, .higher, summary: "weight received in one interaction layer",
                         definition: "received(layer): Σ of the weights of the layer's edges into the account.",
                         networkx: "G_L.in_degree(v, weight='weight')", layer: .required,
                         layerExample: "accounts | top 5 by received(repost) | select handle, received(repost)",
                         layerSeeAlso: ["sent", "interactions"]) { (i: MetricInput) throws(Diagnostic) -> MetricOutput in
            MetricOutput(column: .floats(Interaction.received(try i.requiredLayer())))
        },
        MetricDefinition("sent", .float, .quantity, .higher, summary: "weight sent in one interaction layer",
                         definition: "sent(layer): Σ of the weights of the layer's edges out of the account.",
                         networkx: "G_L.out_degree(v, weight='weight')", layer: .required,
                         layerExample: "accounts | top 5 by sent(mention) | select handle, sent(mention)",
                         layerSeeAlso: ["received"]) { (i: MetricInput) throws(Diagnostic) -> MetricOutput in
            MetricOutput(column: .floats(Interaction.sent(try i.requiredLayer())))
        },
        MetricDefinition("max_gain", .int, .quantity, .none,
                         summary: "the most followers an account gained within any window of the given length",
                         definition: "max_gain(DURATION): over each account's follow times (untimed follows left out), the most that fall in one half-open window [t, t + d). Bought audiences arrive in bursts. Null when the follows have no times. Follows the window set by `set until`.",
                         networkx: "none; scripts/window-reference computes it from the edge list (sorted times and bisect)",
                         nullable: true, layer: .duration,
                         layerExample: "accounts | top 3 by max_gain(days(1)) | select handle, followers, max_gain(days(1))",
                         layerSeeAlso: ["time", "followers"]) { (i: MetricInput) throws(Diagnostic) -> MetricOutput in
            let (values, timed) = MaxGain.compute(i.follows, width: i.duration ?? DateTime.microsPerDay)
            return MetricOutput(column: Column(.int(values), valid: timed ? nil : Bitmap(count: values.count, value: false)),
                                notes: timed ? [] : ["the follows have no times: max_gain is null"])
        },
    ]

    /// An interaction metric on a dataset without interaction layers: null for every
    /// account, since nothing was measured (SPEC §10), not 0.
    static func unmeasured(_ i: MetricInput) -> MetricOutput {
        MetricOutput(column: Column(.float([Double](repeating: 0, count: i.accountCount)),
                                    valid: Bitmap(count: i.accountCount, value: false)))
    }

    /// The metrics measured on the interaction layers, null without them (SPEC §10).
    public static let interactionMetrics = ["interactions", "engagement", "dialogue"]

    /// Why the interaction metrics are null, for `describe` (nil when they are measured).
    public static func unmeasuredReason(interactionLayers: Int) -> String? {
        interactionLayers == 0 ? "null: the dataset has no interaction layers (load layer \"reposts.csv\" as repost)" : nil
    }

    /// Exact below the limit: then neither the limit's value nor the samples matter.
    @Sendable static func betweennessKey(_ s: Settings, _ n: Int) -> [String] {
        n <= s.betweennessExactLimit ? ["exact"] : ["samples=\(s.betweennessSamples),seed=\(s.seed)"]
    }

    static func pagerank(_ layer: Layer, _ s: Settings, weighted: Bool) throws(Diagnostic) -> MetricOutput {
        let r = try PageRank.compute(layer, damping: s.damping, tolerance: s.tolerance,
                                     maxIterations: s.maxIterations, weighted: weighted)
        let notes = r.converged ? [] : [notConverged("PageRank", r.iterations, s)]
        return MetricOutput(column: .floats(r.scores), notes: notes, iterations: r.iterations)
    }

    static func hits(_ i: MetricInput, hubs: Bool) throws(Diagnostic) -> MetricOutput {
        let s = i.settings
        let r = try HITS.compute(i.follows, tolerance: s.tolerance, maxIterations: s.maxIterations)
        let notes = r.converged ? [] : [notConverged("HITS", r.iterations, s)]
        return MetricOutput(column: .floats(hubs ? r.hubs : r.authorities), notes: notes, iterations: r.iterations)
    }

    static func notConverged(_ what: String, _ iterations: Int, _ s: Settings) -> String {
        "\(what) did not converge to tolerance \(Value.formatFloat(s.tolerance)) in \(iterations) iterations (set max_iterations to run longer); values are the last iterate"
    }
}

extension MetricInput {
    /// The layer of a function that always takes one.
    func requiredLayer() throws(Diagnostic) -> Layer {
        guard let l = layer else { throw Diagnostic(.internal, "internal error: a layer argument is missing") }
        return l
    }
}
