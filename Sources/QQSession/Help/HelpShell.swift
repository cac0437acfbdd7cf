import QQMetrics
import QQSyntax
import QQSemantic
import QQEngine
// Help for settings (`set`, SPEC §6) and the REPL's dot-commands.
extension HelpRegistry {
    package static let settingTopics: [HelpTopic] = SettingRegistry.all.map { d in
        HelpTopic(d.name, .setting, summary: d.summary, syntax: ["set \(d.name) = VALUE"],
                  details: "Default: \(d.defaultText)." + (d.details.map { " " + $0 } ?? ""),
                  examples: [HelpExample(d.example, runs: d.exampleRuns)],
                  seeAlso: MetricRegistry.metrics(readingSetting: d.name) + d.seeAlso)
    }

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
