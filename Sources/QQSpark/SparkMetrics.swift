import QQData
import QQMetrics
import QQSemantic
import QQSyntax

// Metrics of `accounts` on Spark, each a view (id, v) over qq_accounts' `_qq_id`.
//
// Degree family (definitions as QQMetrics/Degree.swift, NetworkX in/out degree and
// reciprocity), as aggregations over qq_follows (u -> v = u follows v):
//   followers(v) = in-degree   following(v) = out-degree
//   ratio(v)     = followers / max(following, 1)
//   mutuals(v)   = |pred(v) ∩ succ(v)|: pairs (v -> u, u -> v), counted per v
//   reciprocity(v) = 2·mutuals / (followers + following), null when both are 0
// PageRank: see `SparkPageRank`.
enum SparkMetrics {
    /// What the Spark engine computes, by registry name: the one table of the metrics it
    /// supports (every other metric is refused by name). Its keys are checked against
    /// the registry (`PlanSQLTests`).
    enum Kind: Sendable { case followers, following, ratio, mutuals, reciprocity, pagerank }
    static let supported: [String: Kind] = [
        "followers": .followers, "following": .following, "ratio": .ratio,
        "mutuals": .mutuals, "reciprocity": .reciprocity, "pagerank": .pagerank,
    ]

    /// The plain metric (no layer argument) the engine knows, if any.
    static func kind(_ m: MetricID) -> Kind? { m.layer == nil ? supported[m.name] : nil }

    static func view(_ m: MetricID) -> String {
        kind(m) != nil ? "qq_metric_\(m.name)" : "qq_metric_other"
    }

    /// Computes the metric's view on the cluster (the caller caches by dataset and settings).
    static func compute(_ m: MetricID, settings: Settings, accounts: Int, on spark: SQLRunner) throws(Diagnostic) {
        guard let metric = kind(m) else { throw Unsupported.error("the metric '\(m)'") }
        let degrees = """
            SELECT a._qq_id AS id, coalesce(i.n, 0) AS fin, coalesce(o.n, 0) AS fout, coalesce(mu.n, 0) AS mut
            FROM qq_accounts a
            LEFT JOIN (SELECT _qq_dst AS id, count(*) AS n FROM qq_follows GROUP BY _qq_dst) i ON i.id = a._qq_id
            LEFT JOIN (SELECT _qq_src AS id, count(*) AS n FROM qq_follows GROUP BY _qq_src) o ON o.id = a._qq_id
            LEFT JOIN (SELECT f._qq_src AS id, count(*) AS n FROM qq_follows f
                       JOIN qq_follows g ON f._qq_src = g._qq_dst AND f._qq_dst = g._qq_src GROUP BY f._qq_src) mu ON mu.id = a._qq_id
            """
        let value: String
        switch metric {
        case .followers: value = "CAST(fin AS BIGINT)"
        case .following: value = "CAST(fout AS BIGINT)"
        case .ratio: value = "CAST(fin AS DOUBLE) / CAST(greatest(fout, 1) AS DOUBLE)"
        case .mutuals: value = "CAST(mut AS BIGINT)"
        case .reciprocity: value = "try_divide(2.0 * mut, CAST(fin + fout AS DOUBLE))"
        case .pagerank:
            try SparkPageRank.run(settings: settings, accounts: accounts, into: view(m), on: spark)
            return
        }
        try spark.materialize("SELECT id, \(value) AS v FROM (\(degrees)) d", as: view(m))
    }
}

// PageRank — NetworkX's power iteration (`nx.pagerank`, as QQMetrics/PageRank.swift):
//   x₀ = 1/N;  x ← α·(Σ_{u→v} x_u / outdeg(u) + D/N) + (1−α)/N,  D = Σ of dangling x
//   (out-degree 0: their rank spreads uniformly); stop when Σ|x − xlast| < N·tol,
//   or after `max_iterations` (qq keeps the last iterate, as the local engine).
// Reference: Page et al. 1999; NetworkX `networkx/algorithms/link_analysis/pagerank_alg.py`.
// Each iterate is a join of the edges with the previous ranks and an aggregation by
// target, materialized with a local checkpoint every iteration: the L1 change needs
// the iterate anyway, and the checkpoint cuts the plan's lineage so iteration k does
// not re-plan the k before it.
enum SparkPageRank {
    static func run(settings: Settings, accounts n: Int, into view: String, on spark: SQLRunner) throws(Diagnostic) {
        let alpha = settings.damping, tol = settings.tolerance
        guard alpha >= 0 && alpha <= 1 else { throw Diagnostic(.runtime, "damping must be between 0 and 1, found \(alpha)") }
        guard tol > 0 else { throw Diagnostic(.runtime, "tolerance must be positive, found \(tol)") }
        guard settings.maxIterations >= 1 else { throw Diagnostic(.runtime, "max_iterations must be at least 1") }
        if n == 0 {
            try spark.materialize("SELECT _qq_id AS id, CAST(NULL AS DOUBLE) AS v FROM qq_accounts", as: view)
            return
        }
        let a = SQLText.literal(.float(alpha)), nn = SQLText.literal(.float(Double(n)))
        // Nodes with 1/outdeg (0 for dangling nodes) and the first iterate.
        try spark.materialize("""
            SELECT a._qq_id AS id, CASE WHEN o.n IS NULL THEN 0.0D ELSE 1.0D / o.n END AS w, o.n IS NULL AS dangling,
                   1.0D / \(nn) AS x
            FROM qq_accounts a LEFT JOIN (SELECT _qq_src AS id, count(*) AS n FROM qq_follows GROUP BY _qq_src) o ON o.id = a._qq_id
            """, as: "qq_pr_0")
        var current = "qq_pr_0"
        for k in 1...settings.maxIterations {
            try Cancellation.check()
            let next = k % 2 == 1 ? "qq_pr_1" : "qq_pr_2"
            try spark.materialize("""
                SELECT p.id, p.w, p.dangling,
                       \(a) * (coalesce(c.s, 0.0D) + dg.d / \(nn)) + (1.0D - \(a)) / \(nn) AS x,
                       abs(\(a) * (coalesce(c.s, 0.0D) + dg.d / \(nn)) + (1.0D - \(a)) / \(nn) - p.x) AS delta
                FROM \(current) p
                LEFT JOIN (SELECT f._qq_dst AS id, sum(q.x * q.w) AS s FROM qq_follows f JOIN \(current) q ON q.id = f._qq_src
                           GROUP BY f._qq_dst) c ON c.id = p.id
                CROSS JOIN (SELECT coalesce(sum(CASE WHEN dangling THEN x END), 0.0D) AS d FROM \(current)) dg
                """, as: next)
            current = next
            let err = try spark.scalar("SELECT sum(delta) FROM \(current)").asDouble ?? 0
            if err < Double(n) * tol { break }
        }
        try spark.materialize("SELECT id, x AS v FROM \(current)", as: view)
    }
}
