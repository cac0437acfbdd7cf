/// A REPL command that starts with `.` (SPEC §6). The table is the data behind
/// `.help`, Tab completion after `.`, and `did you mean` for a mistyped command.
struct DotCommand: Sendable {
    var name: String
    var arguments: String
    var summary: String

    static let all: [DotCommand] = [
        DotCommand(name: ".help", arguments: "[TOPIC]", summary: "this list; with a topic, the same as `help TOPIC`"),
        DotCommand(name: ".quit", arguments: "", summary: "leave qq (also Ctrl-D on an empty line)"),
        DotCommand(name: ".timer", arguments: "on|off", summary: "print each statement's running time"),
        DotCommand(name: ".format", arguments: "NAME", summary: "output format: table, csv, tsv, json, jsonl, markdown"),
        DotCommand(name: ".rows", arguments: "N", summary: "table rows shown before '… N more rows'"),
        DotCommand(name: ".history", arguments: "", summary: "the statements typed so far (kept across sessions)"),
        DotCommand(name: ".schema", arguments: "", summary: "the accounts' columns (`describe accounts`) and the names bound by let"),
        DotCommand(name: ".tutorial", arguments: "[N|reset]", summary: "the next lesson, lesson N, or start over"),
        DotCommand(name: ".run", arguments: "FILE", summary: "run a qq script in this session"),
    ]

    /// Aliases people type from other shells.
    static let aliases: [String: String] = [".exit": ".quit", ".q": ".quit", ".h": ".help", ".read": ".run"]

    /// The `.help` text.
    static func helpText() -> String {
        let left = all.map { $0.arguments.isEmpty ? $0.name : "\($0.name) \($0.arguments)" }
        let width = (left.map(\.count).max() ?? 0) + 2
        var out = ""
        for (l, c) in zip(left, all) {
            out += "  " + l + String(repeating: " ", count: width - l.count) + c.summary + "\n"
        }
        out += """

              Statements end at the end of a line unless a bracket or quote is open or the
              line ends with '|'. Tab completes; Up and Ctrl-R search history; Ctrl-C
              abandons the line or cancels a running statement.

            """
        return out
    }
}
