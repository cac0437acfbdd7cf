import QQMetrics
import QQSyntax
import QQSemantic
import QQEngine

// Help for the metric columns of SPEC §5 and the graph functions of §4. The text comes
// from QQMetrics' `MetricRegistry` (the kernels' own definitions), so `help pagerank`
// says exactly what is computed; the examples are added here.
extension HelpRegistry {
    /// The help text of a metric or graph function: its definition, the NetworkX call it
    /// agrees with, and the settings it reads.
    package static func metricDetails(_ info: MetricInfo) -> String {
        var text = info.definition + "\nNetworkX: " + info.networkx + "."
        let settings = info.settings.filter { $0 != info.name }
        if !settings.isEmpty { text += "\nSettings: " + settings.joined(separator: ", ") + "." }
        return text
    }

    package static let metricTopics: [HelpTopic] = MetricRegistry.all.map { info in
        HelpTopic(info.name, .metric, summary: info.summary, syntax: [info.name, "@handle.\(info.name)"],
                  details: metricDetails(info),
                  examples: [HelpExample(metricExamples[info.name] ?? "accounts | top 5 by \(info.name) | select handle, followers, \(info.name)")],
                  seeAlso: info.settings.filter { $0 != info.name } + info.dependsOn)
    }

    /// Examples for the metrics that a top-5 ranking does not show well.
    package static let metricExamples = [
        "followers": "accounts | top 5 by followers | select handle, followers, pagerank",
        "suspicious": "accounts | where suspicious | count",
        "community": "accounts | summarize count(), avg(followers) by community",
        "kcore": "accounts | summarize count() by kcore | sort kcore desc | take 5",
    ]

    /// A graph function topic from the registry, with qq examples.
    private static func graphFunction(_ name: String, syntax: String, _ examples: [HelpExample],
                                      seeAlso: [String]) -> HelpTopic {
        let info = MetricRegistry.functions.first { $0.name == name }!
        return HelpTopic(name, .graphFunction, summary: info.summary, syntax: [syntax], details: metricDetails(info),
                         examples: examples, seeAlso: seeAlso)
    }

    package static let graphFunctionTopics: [HelpTopic] = [
        graphFunction("overlap", syntax: "overlap(@A, @B)", ["print overlap(@nina_quark, @omar_nebula)"],
                      seeAlso: ["common_followers"]),
        graphFunction("received", syntax: "received(LAYER)",
                      ["accounts | top 5 by received(repost) | select handle, received(repost)"], seeAlso: ["sent", "interactions"]),
        graphFunction("sent", syntax: "sent(LAYER)",
                      ["accounts | top 5 by sent(mention) | select handle, sent(mention)"], seeAlso: ["received"]),
        graphFunction("pagerank", syntax: "pagerank(LAYER)",
                      ["accounts | top 5 by pagerank(repost) | select handle, pagerank, pagerank(repost)"],
                      seeAlso: ["damping", "tolerance"]),
    ]

    /// The default `suspicious` rule, as `help suspicious` and `help set` show it.
    package static let suspiciousDefault = MetricRegistry.defaultSuspiciousRule
        + "; without a posts column: " + MetricRegistry.defaultSuspiciousRuleWithoutPosts
}
