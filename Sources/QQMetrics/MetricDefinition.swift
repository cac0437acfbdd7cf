import QQData

/// Whether a metric counts how many (quantity) or says who, how engaged, how central
/// (quality): `compare` groups its rows by it.
public enum MetricGroup: String, Sendable {
    case quantity, quality
}

/// Which value `compare` marks as the leader (SPEC §10): the largest, the smallest, or none.
public enum MetricDirection: Sendable {
    case higher, lower, none
}

/// Whether a metric takes an argument: `followers` none, `received(L)` a layer always,
/// `pagerank` / `pagerank(L)` either; `max_gain(DURATION)` a fixed duration always.
public enum LayerArgument: Sendable {
    case none, optional, required
    case duration
}

/// What a metric's compute function is given: the dataset's graphs (padded to every
/// account), the layer named by the argument, the settings, and the columns it is
/// built from (served by the engine's cache).
public struct MetricInput {
    public var dataset: Dataset
    /// The follow layer, one row per account.
    public var follows: Layer
    /// Every interaction layer, one row per account.
    public var layers: [Layer]
    /// The layer argument, resolved; nil for the plain column.
    public var layer: Layer?
    /// The duration argument in microseconds (`max_gain`).
    public var duration: Int64?
    public var settings: Settings
    /// A column this metric is built from (a name in its `dependsOn`).
    public var dependency: (String) throws(Diagnostic) -> Column

    public var accountCount: Int { dataset.accountCount }
}

/// One computed column of `accounts`: everything qq knows about it, in one place.
/// `help`, completion, `describe`, `compare`, the binder and the metric cache all read
/// it from `MetricRegistry`; its `compute` function calls the kernel.
public struct MetricDefinition: Sendable {
    /// Column or function name as users type it (`pagerank`, `received`).
    public var name: String
    /// Type of the column's values.
    public var type: ValueType
    public var group: MetricGroup
    public var direction: MetricDirection
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
    public var layer: LayerArgument
    /// With a layer argument: summary, definition and NetworkX call of the function form.
    public var layerForm: (summary: String, definition: String, networkx: String)?
    /// A `help` example; nil gives a top-5 ranking.
    public var example: String?
    /// A `help` example of the function form.
    public var layerExample: String?
    /// `help`'s "see also" for the function form.
    public var layerSeeAlso: [String]
    /// True for the one metric that is a qq expression (`suspicious`), evaluated by the
    /// engine: its compute function is never called.
    public var isRule: Bool
    /// The settings of the cache key when they depend on the data (betweenness is
    /// exact below its limit, so then neither the limit nor the samples matter).
    public var keySettings: (@Sendable (Settings, _ accountCount: Int) -> [String])?
    public var compute: @Sendable (MetricInput) throws(Diagnostic) -> MetricOutput

    public init(_ name: String, _ type: ValueType, _ group: MetricGroup, _ direction: MetricDirection,
                summary: String, definition: String, networkx: String,
                settings: [String] = [], dependsOn: [String] = [], nullable: Bool = false,
                example: String? = nil, isRule: Bool = false,
                keySettings: (@Sendable (Settings, Int) -> [String])? = nil,
                layer: LayerArgument = .none,
                layerForm: (summary: String, definition: String, networkx: String)? = nil,
                layerExample: String? = nil, layerSeeAlso: [String] = [],
                compute: @escaping @Sendable (MetricInput) throws(Diagnostic) -> MetricOutput) {
        self.name = name; self.type = type; self.group = group; self.direction = direction
        self.summary = summary; self.definition = definition; self.networkx = networkx
        self.settings = settings; self.dependsOn = dependsOn; self.nullable = nullable
        self.layer = layer; self.layerForm = layerForm;
        self.example = example; self.layerExample = layerExample; self.layerSeeAlso = layerSeeAlso; self.isRule = isRule
        self.keySettings = keySettings; self.compute = compute
    }
}

/// One computed metric column and what the output should say about it.
public struct MetricOutput: Sendable {
    /// One value per account, in load order.
    public var column: Column
    /// Lines for the user, e.g. that betweenness is approximate or PageRank did not converge.
    public var notes: [String]
    /// For `community`: the partition's modularity (what `describe` reports).
    public var modularity: Double?
    /// For iterative metrics: iterations run.
    public var iterations: Int?

    public init(column: Column, notes: [String] = [], modularity: Double? = nil, iterations: Int? = nil) {
        self.column = column; self.notes = notes; self.modularity = modularity; self.iterations = iterations
    }
}
