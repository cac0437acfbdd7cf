import QQMetrics
import QQSyntax
import QQSemantic
import QQEngine

// Help for the metric columns of SPEC §5 and the graph functions of §4. The text comes
// from QQMetrics' `MetricRegistry` (the kernels' own definitions), so `help pagerank`
// says exactly what is computed; the examples are added here.
extension HelpRegistry {
    /// The help text of a metric: its definition, the NetworkX call it agrees with, and
    /// the settings it reads.
    package static func metricDetails(_ definition: String, _ networkx: String, settings: [String]) -> String {
        var text = definition + "\nNetworkX: " + networkx + "."
        if !settings.isEmpty { text += "\nSettings: " + settings.joined(separator: ", ") + "." }
        return text
    }

    package static let metricTopics: [HelpTopic] = MetricRegistry.all.map { d in
        let settings = d.settings.filter { $0 != d.name }
        return HelpTopic(d.name, .metric, summary: d.summary, syntax: [d.name, "@handle.\(d.name)"],
                         details: metricDetails(d.definition, d.networkx, settings: settings),
                         examples: [HelpExample(d.example ?? "accounts | top 5 by \(d.name) | select handle, followers, \(d.name)")],
                         seeAlso: settings + d.dependsOn)
    }

    /// The graph functions: `overlap`, then every metric that takes a layer.
    package static let graphFunctionTopics: [HelpTopic] = [overlapTopic] + MetricRegistry.functions.map { d in
        let form = d.layerForm ?? (summary: d.summary, definition: d.definition, networkx: d.networkx)
        let settings = d.settings.filter { $0 != d.name }
        return HelpTopic(d.name, .graphFunction, summary: form.summary, syntax: [d.layer == .duration ? "\(d.name)(DURATION)" : "\(d.name)(LAYER)"],
                         details: metricDetails(form.definition, form.networkx, settings: settings),
                         examples: d.layerExample.map { [HelpExample($0)] } ?? [],
                         seeAlso: d.layerSeeAlso)
    }

    private static let overlapTopic = HelpTopic(
        "overlap", .graphFunction, summary: "Jaccard similarity of two follower sets", syntax: ["overlap(@A, @B)"],
        details: metricDetails("overlap(@a, @b) = |F(a) ∩ F(b)| / |F(a) ∪ F(b)|, F = followers; null when neither has followers.",
                               "len(Pa & Pb) / len(Pa | Pb) with P = set(G.predecessors(·))", settings: []),
        examples: [HelpExample("print overlap(@nina_quark, @omar_nebula)")], seeAlso: ["common_followers"])

    /// The default `suspicious` rule, as `help suspicious` and `help set` show it.
    package static let suspiciousDefault = MetricRegistry.defaultSuspiciousRule
        + "; without a posts column: " + MetricRegistry.defaultSuspiciousRuleWithoutPosts
}
