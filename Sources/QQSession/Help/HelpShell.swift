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
                "set format = csv", details: "One of table, csv, tsv, json, jsonl, markdown.", seeAlso: [".format"]),
    ]

    /// A dot-command topic (the REPL handles these; they are not qq statements).
    private static func dot(_ name: String, _ syntax: String, _ summary: String, _ example: String,
                            details: String? = nil) -> HelpTopic {
        HelpTopic(name, .dotCommand, summary: summary, syntax: [syntax], details: details,
                  examples: [HelpExample(example, runs: false)])
    }

    package static let dotCommandTopics: [HelpTopic] = [
        dot(".help", ".help [TOPIC]", "the list of dot-commands; with a topic, the same as help TOPIC", ".help top"),
        dot(".quit", ".quit", "leave qq (also Ctrl-D on an empty line)", ".quit"),
        dot(".timer", ".timer on|off", "print each statement's running time", ".timer on"),
        dot(".format", ".format NAME", "output format: table, csv, tsv, json, jsonl, markdown", ".format csv"),
        dot(".rows", ".rows N", "table rows shown before '… N more rows'", ".rows 100"),
        dot(".history", ".history", "the statements typed so far (kept across sessions)", ".history"),
        dot(".schema", ".schema", "the accounts' columns (describe accounts) and the names bound by let", ".schema"),
        dot(".tutorial", ".tutorial [N|reset]", "the next lesson of the guided tour on the sample, lesson N, or start over",
            ".tutorial"),
        dot(".run", ".run FILE", "run a qq script in this session", ".run analysis.qq"),
    ]
}
