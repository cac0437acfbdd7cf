import QQMetrics
import QQSyntax
import QQSemantic
import QQEngine
// Help for settings (`set`, SPEC §6) and the REPL's dot-commands.
extension HelpRegistry {
    package static let settingTopics: [HelpTopic] = SettingRegistry.all.map { d in
        HelpTopic(d.name, .setting, summary: d.summary, syntax: ["set \(d.name) = VALUE"],
                  details: "Default: \(d.defaultText)." + (d.details.map { " " + $0 } ?? ""),
                  examples: [HelpExample(d.example)],
                  seeAlso: MetricRegistry.catalog(readingSetting: d.name) + d.seeAlso)
    }

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
