import QQSyntax
import QQSemantic
import QQEngine
// Help for settings (`set`, SPEC §6) and the REPL's dot-commands.
extension HelpRegistry {
    /// A setting topic.
    private static func setting(_ name: String, _ summary: String, default value: String, _ example: String,
                                details: String? = nil, seeAlso: [String] = []) -> HelpTopic {
        HelpTopic(name, .setting, summary: summary, syntax: ["set \(name) = VALUE"],
                  details: "Default: \(value)." + (details.map { " " + $0 } ?? ""),
                  examples: [HelpExample(example)], seeAlso: seeAlso)
    }

    package static let settingTopics: [HelpTopic] = [
        setting("damping", "PageRank damping factor", default: "0.85", "set damping = 0.9",
                details: "Between 0 and 1.", seeAlso: ["pagerank"]),
        setting("max_iterations", "iteration cap for pagerank, authority and hub", default: "100",
                "set max_iterations = 200"),
        setting("tolerance", "convergence tolerance for pagerank, authority and hub", default: "1e-6 (as NetworkX)",
                "set tolerance = 1e-10", details: "A tight tolerance gives the converged values."),
        setting("suspicious", "the rule that marks an account suspicious",
                default: suspiciousDefault,
                "set suspicious = ratio < 0.05 and posts < 5",
                details: "The expression is kept and evaluated per account; fake_followers follows it.",
                seeAlso: ["fake_followers"]),
        setting("betweenness_exact_limit", "largest graph for exact betweenness", default: "5000",
                "set betweenness_exact_limit = 10000", seeAlso: ["betweenness"]),
        setting("betweenness_samples", "sampled sources for approximate betweenness", default: "256",
                "set betweenness_samples = 512", seeAlso: ["betweenness"]),
        setting("seed", "seed for sampling, Louvain and approximate betweenness", default: "42", "set seed = 7"),
        setting("rows", "table rows shown before the '… N more rows' footer", default: "40", "set rows = 10",
                seeAlso: [".rows"]),
        setting("format", "how results are printed", default: "table",
                "set format = csv", details: "One of table, csv, tsv, json, jsonl, markdown, line.", seeAlso: [".format"]),
    ]

    /// The dot-command topics, from the one table (`DotCommand.all`).
    package static let dotCommandTopics: [HelpTopic] = DotCommand.all.map(dotCommandTopic)

    private static func dotCommandTopic(_ c: DotCommand) -> HelpTopic {
        let syntax: String = c.arguments.isEmpty ? c.name : c.name + " " + c.arguments
        let aliases: [String] = DotCommand.aliases.filter { $0.value == c.name }.map(\.key).sorted()
        let example = HelpExample(c.example, runs: false)
        return HelpTopic(c.name, .dotCommand, summary: c.summary, syntax: [syntax], details: c.details,
                         examples: [example], aliases: aliases)
    }
}
