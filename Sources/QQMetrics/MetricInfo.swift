import QQData

/// What the language needs to know about one metric column or graph function:
/// its type for binding, text for `help` and completion, and what its cache depends on.
public struct MetricInfo: Sendable, Equatable {
    /// Column or function name as users type it (`pagerank`, `received`).
    public var name: String
    /// Type of the column's values.
    public var type: ValueType
    /// One line for completion menus and `describe`.
    public var summary: String
    /// The exact definition for `help`: formula, direction, dangling nodes, self-loops, nulls.
    public var definition: String
    /// The NetworkX call it agrees with (to 1e-6), or how it is checked when NetworkX has none.
    public var networkx: String
    /// `set` settings whose change invalidates a cached value of this metric.
    public var settings: [String]
    /// Other metric columns it is computed from (their invalidation invalidates it too).
    public var dependsOn: [String]
    /// True when some rows can be null (part of the definition).
    public var nullable: Bool
    /// The argument for function forms (`received(layer)`), nil for plain columns.
    public var parameter: String?
    /// When the value can be an estimate: what the output should say about it.
    public var approximateNote: String?

    public init(name: String, type: ValueType, summary: String, definition: String, networkx: String,
                settings: [String] = [], dependsOn: [String] = [], nullable: Bool = false,
                parameter: String? = nil, approximateNote: String? = nil) {
        self.name = name; self.type = type; self.summary = summary; self.definition = definition
        self.networkx = networkx; self.settings = settings; self.dependsOn = dependsOn
        self.nullable = nullable; self.parameter = parameter; self.approximateNote = approximateNote
    }
}

/// The settings the metrics read (SPEC §6 `set`), with the SPEC's defaults.
public struct MetricSettings: Sendable, Equatable {
    /// `set damping` (PageRank α).
    public var damping: Double = 0.85
    /// `set tolerance` (PageRank: Σ|Δx| < N·tol; HITS: Σ|Δh| < tol).
    public var tolerance: Double = 1e-6
    /// `set max_iterations`.
    public var maxIterations: Int = 100
    /// `set betweenness_exact_limit`: exact betweenness up to this many accounts.
    public var betweennessExactLimit: Int = 5000
    /// `set betweenness_samples`: sampled sources above the limit.
    public var betweennessSamples: Int = 256
    /// `set seed`: betweenness sampling and Louvain's node order.
    public var seed: UInt64 = 0

    public init() {}
}
