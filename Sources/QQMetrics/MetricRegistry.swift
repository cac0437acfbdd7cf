import QQData

/// Every metric column of SPEC §5, in SPEC order, and the graph functions of §4 that
/// the metric kernels serve. One table feeds `help`, Tab completion, `describe` and
/// the engine's cache invalidation (`settings`, `dependsOn`).
public enum MetricRegistry {
    /// The default `suspicious` rule, as a qq expression over `followers`,
    /// `following`, `ratio` and `posts`.
    ///
    /// Source: the "FakeFollowerCheck" rules of Socialbakers, as catalogued and
    /// evaluated in S. Cresci, R. Di Pietro, M. Petrocchi, A. Spognardi, M. Tesconi,
    /// "Fame for sale: efficient detection of fake Twitter followers", Decision
    /// Support Systems 80 (2015) 56–71, arXiv:1509.04098 — rule 1, "following/followers
    /// ratio of at least 50:1" (`ratio <= 0.02 and following >= 50`, which also covers
    /// accounts with no followers at all), and rule 6, "the account has never
    /// tweeted" (`posts == 0`). The other rules of that list need tweet text, links
    /// or profile fields that a follow graph does not carry.
    public static let defaultSuspiciousRule = "(following >= 50 and ratio <= 0.02) or posts == 0"

    /// The default rule for datasets without a `posts` column (rule 1 alone).
    public static let defaultSuspiciousRuleWithoutPosts = "following >= 50 and ratio <= 0.02"

    /// The note when the default rule runs without a `posts` column (SPEC §10).
    public static let defaultRuleCaveat = "the default suspicious rule was made for accounts with a posts column; without one only '\(defaultSuspiciousRuleWithoutPosts)' applies, which also flags ordinary accounts of link networks (set your own with 'set suspicious = …')"

    /// Text for `help suspicious`.
    public static let suspiciousHelp = """
        suspicious: true where the rule `set suspicious = EXPR` holds (false where it \
        is false or null).
        Default rule: \(defaultSuspiciousRule)
        (without a `posts` column: \(defaultSuspiciousRuleWithoutPosts))
        It takes two of Socialbakers' FakeFollowerCheck criteria as catalogued and \
        evaluated by Cresci et al., "Fame for sale: efficient detection of fake Twitter \
        followers", Decision Support Systems 80 (2015), arXiv:1509.04098: following at \
        least 50 accounts per follower (ratio <= 0.02, with following >= 50 so that an \
        account with no followers still needs 50 follows), and never having posted. \
        Cresci et al. found such single rules weak on their own; adapt the rule to your \
        data, e.g. `set suspicious = ratio < 0.05 and posts < 5`.
        """

    /// What `compare` shows without `on`, in this order (`posts` when the data has it).
    public static let defaultComparison = [
        "followers", "following", "ratio", "posts",
        "engagement", "reciprocity", "pagerank", "audience_quality", "fake_followers",
    ]

    /// Every metric, by name.
    public static let definitions: [String: MetricDefinition] =
        Dictionary(uniqueKeysWithValues: catalog.map { ($0.name, $0) })

    /// The metric columns of SPEC §5 (every metric that can be a plain column), in SPEC order.
    public static let all: [MetricDefinition] = catalog.filter { $0.layer != .required && $0.layer != .duration }

    /// The metrics that take a layer argument (`received(L)`, `pagerank(L)`, …).
    public static let functions: [MetricDefinition] = catalog.filter { $0.layer != .none }

    /// The metric named `name`, if any.
    public static func definition(_ name: String) -> MetricDefinition? { definitions[name] }

    /// Names of the metric columns that must be recomputed when setting `name` changes
    /// (directly or through a dependency).
    public static func invalidated(bySetting name: String) -> [String] {
        var hit = Set(all.filter { $0.settings.contains(name) }.map(\.name))
        var changed = true
        while changed {
            changed = false
            for m in all where !hit.contains(m.name) && m.dependsOn.contains(where: hit.contains) {
                hit.insert(m.name); changed = true
            }
        }
        return all.map(\.name).filter(hit.contains)
    }

    /// The metrics that read setting `name` directly (not through a dependency), rule metric excluded.
    public static func metrics(readingSetting name: String) -> [String] {
        catalog.filter { !$0.isRule && $0.settings.contains(name) }.map(\.name)
    }

    /// Whether `name` is the rule metric or built from it (the rule may not read those).
    public static func isBuiltFromRule(_ name: String) -> Bool {
        guard let d = definitions[name] else { return false }
        return d.isRule || d.dependsOn.contains(where: isBuiltFromRule)
    }
}
