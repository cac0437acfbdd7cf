import QQData

/// The `set` settings that change results (SPEC §6), with the SPEC's defaults: the one
/// copy the language, the metric cache and the kernels all read. `rows` and `format`
/// change only how results are shown and live with the session's options; the names
/// `set` accepts, their help and their checks are the session's setting registry.
public struct Settings: Sendable, Equatable {
    /// PageRank damping factor, in (0, 1).
    public var damping: Double = 0.85
    /// Iteration cap for PageRank and HITS.
    public var maxIterations: Int = 100
    /// Convergence tolerance (PageRank: Σ|Δx| < N·tol; HITS: Σ|Δh| < tol), NetworkX's rule.
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

    /// The seed as the kernels' generators take it.
    public var kernelSeed: UInt64 { UInt64(bitPattern: seed) }

    /// `name=value` for a metric cache key: the setting's value as it affects results.
    public func keyText(_ name: String) -> String {
        switch name {
        case "damping": return "damping=\(damping)"
        case "tolerance": return "tolerance=\(tolerance)"
        case "max_iterations": return "max_iterations=\(maxIterations)"
        case "betweenness_exact_limit": return "exact_limit=\(betweennessExactLimit)"
        case "betweenness_samples": return "samples=\(betweennessSamples)"
        case "seed": return "seed=\(seed)"
        case "suspicious": return "rule=\(suspicious ?? "default")"
        default: return name
        }
    }
}
