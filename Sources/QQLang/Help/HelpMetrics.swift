// Help for the metric columns of SPEC §5: computed on first use, cached until the data
// or a setting they read changes.
extension HelpRegistry {
    /// A metric topic: its definition, and an example ranking accounts by it.
    private static func metric(_ name: String, _ summary: String, _ definition: String,
                               seeAlso: [String] = []) -> HelpTopic {
        HelpTopic(name, .metric, summary: summary, syntax: [name, "@handle.\(name)"], details: definition,
                  examples: [HelpExample("accounts | top 5 by \(name) | select handle, followers, \(name)")],
                  seeAlso: seeAlso)
    }

    static let metricTopics: [HelpTopic] = [
        metric("followers", "how many accounts follow it", "In-degree in the follow layer."),
        metric("following", "how many accounts it follows", "Out-degree in the follow layer."),
        metric("ratio", "followers per account followed", "followers / max(following, 1)."),
        metric("mutuals", "accounts that follow it and that it follows", "The number of reciprocated follows."),
        metric("reciprocity", "share of its follow links that go both ways",
               "2·mutuals / (followers + following), as NetworkX `reciprocity(G, node)`; null when both are 0."),
        metric("interactions", "total interaction weight received", "Total weight received over all interaction layers.",
               seeAlso: ["received"]),
        metric("engagement", "interactions per follower",
               "interactions / followers; null when followers = 0."),
        metric("dialogue", "how two-way its conversations are", """
            Among the accounts it interacts with in any interaction layer (sent or received), the share \
            with whom interaction goes both ways: |sent-to ∩ received-from| / |sent-to ∪ received-from|; \
            null without interactions.
            """),
        metric("pagerank", "PageRank of the follow graph", """
            PageRank with edges pointing to who is followed, damping 0.85 (`set damping`), dangling mass \
            spread uniformly; stops by NetworkX's rule with `set tolerance` (1e-6) and `set max_iterations` \
            (100). Agrees with NetworkX `pagerank` to 1e-6.
            """, seeAlso: ["damping", "tolerance", "max_iterations"]),
        metric("authority", "HITS authority score", "NetworkX `hits` authority, normalized to sum 1.", seeAlso: ["hub"]),
        metric("hub", "HITS hub score", "NetworkX `hits` hub, normalized to sum 1.", seeAlso: ["authority"]),
        metric("kcore", "core number", "Core number of the undirected follow graph, as NetworkX `core_number`."),
        metric("clustering", "local clustering coefficient",
               "Local clustering coefficient of the undirected follow graph, as NetworkX `clustering`."),
        metric("betweenness", "betweenness centrality", """
            NetworkX `betweenness_centrality` (normalized, directed): exact up to `set \
            betweenness_exact_limit` accounts (5000), else Brandes sampling of `set betweenness_samples` \
            sources (256), seeded; the output says when it is approximate.
            """, seeAlso: ["betweenness_exact_limit", "betweenness_samples"]),
        metric("community", "community id (Louvain)",
               "Louvain on the undirected follow graph, seeded and deterministic; `describe` reports the modularity."),
        metric("suspicious", "whether the suspicious-account rule holds", """
            True where the rule of `set suspicious = EXPR` holds. The default rule takes two of the \
            FakeFollowerCheck criteria catalogued by Cresci et al., "Fame for sale" (2015): following at \
            least 50 accounts per follower, and never having posted.
            """, seeAlso: ["fake_followers"]),
        metric("fake_followers", "share of its followers that are suspicious",
               "Share (0–1) of its followers for which `suspicious` holds; null without followers.",
               seeAlso: ["suspicious"]),
        metric("audience_quality", "how central its followers are", """
            Mean, over its followers, of their pagerank percentile among all accounts (0–100); null \
            without followers.
            """),
    ]
}
