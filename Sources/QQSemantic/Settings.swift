import QQData
import QQSyntax

/// The `set` settings that change results (SPEC §6). `rows` and `format` live in
/// `SessionOptions`; these feed the metric cache, whose keys name exactly the settings
/// each metric depends on.
public struct Settings: Sendable, Equatable {
    /// PageRank damping factor, in (0, 1).
    public var damping: Double = 0.85
    /// Iteration cap for PageRank and HITS.
    public var maxIterations: Int = 100
    /// Convergence tolerance for PageRank and HITS (NetworkX's rule).
    public var tolerance: Double = 1e-6
    /// The `suspicious` rule's source text; nil means the default rule.
    public var suspicious: String? = nil
    /// Exact betweenness up to this many accounts, sampled above.
    public var betweennessExactLimit: Int = 5000
    /// Sampled sources for approximate betweenness.
    public var betweennessSamples: Int = 256
    /// Seed for Louvain, betweenness sampling and `sample`.
    public var seed: Int64 = 42

    public init() {}

    /// The names `set` accepts, for suggestions and completion.
    public static let names = ["damping", "max_iterations", "tolerance", "suspicious", "betweenness_exact_limit",
                               "betweenness_samples", "seed", "rows", "format", "today", "since", "until"]
}
