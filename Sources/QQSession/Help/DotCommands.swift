/// A REPL command that starts with `.` (SPEC §6). This one table is behind `.help`,
/// `help .rows`, Tab completion after `.`, did-you-mean for a mistyped command and
/// the reference; the shell carries the commands out.
public struct DotCommand: Sendable {
    public var name: String
    /// The argument forms, for the listing (`on|off`, `[TOPIC]`).
    public var arguments: String
    public var summary: String
    public var example: String
    public var details: String?

    public static let all: [DotCommand] = [
        DotCommand(name: ".help", arguments: "[TOPIC]", summary: "this list; with a topic, the same as help TOPIC",
                   example: ".help top"),
        DotCommand(name: ".quit", arguments: "", summary: "leave qq (also Ctrl-D on an empty line)", example: ".quit",
                   details: "'.exit CODE' leaves with exit status CODE."),
        DotCommand(name: ".timer", arguments: "on|off", summary: "print each statement's running time", example: ".timer on"),
        DotCommand(name: ".format", arguments: "NAME",
                   summary: "output format: table, csv, tsv, json, jsonl, markdown, line (also .mode)",
                   example: ".format csv",
                   details: "'line' prints one 'column = value' per line and a blank line between rows."),
        DotCommand(name: ".rows", arguments: "N", summary: "table rows shown before '… N more rows'; 0 shows every row (also .maxrows)",
                   example: ".rows 100"),
        DotCommand(name: ".output", arguments: "[FILE [overwrite]]",
                   summary: "send results to FILE until '.output' alone; refused under --safe", example: ".output results.txt",
                   details: "An existing file is kept unless 'overwrite' follows, as for export. Errors stay on the screen."),
        DotCommand(name: ".once", arguments: "FILE [overwrite]", summary: "send the next statement's results to FILE",
                   example: ".once top.csv"),
        DotCommand(name: ".report", arguments: "FILE [overwrite] | off",
                   summary: "record what follows in a self-contained HTML report, written at '.report off'", example: ".report analysis.html",
                   details: "Statements as typed, their tables, charts (inline SVG), notes and errors, then describe and a fingerprint. Refused under --safe; an existing file is kept unless 'overwrite' follows."),
        DotCommand(name: ".history", arguments: "", summary: "the statements typed so far (kept across sessions)",
                   example: ".history"),
        DotCommand(name: ".schema", arguments: "", summary: "the accounts' columns (describe accounts) and the names bound by let",
                   example: ".schema"),
        DotCommand(name: ".tutorial", arguments: "[N|reset|PACK]",
                   summary: "the next lesson of the guided tour, lesson N, a pack of lessons (roget), or start over",
                   example: ".tutorial",
                   details: "Each lesson ends with a question: 'answer @handle', 'answer 0.72', or 'answer' alone for the last query's result. '.tutorial roget' starts the lessons on a real network (load sample \"roget\")."),
        DotCommand(name: ".run", arguments: "FILE", summary: "run a qq script in this session (also .read)",
                   example: ".run analysis.qq"),
    ]

    /// Names people type from other shells (sqlite3, DuckDB), and their command.
    public static let aliases: [String: String] = [
        ".exit": ".quit", ".q": ".quit", ".h": ".help", ".read": ".run", ".mode": ".format", ".maxrows": ".rows",
    ]

    /// The command `name` stands for (itself when it is not an alias).
    public static func canonical(_ name: String) -> String { aliases[name] ?? name }

    /// Every name Tab and did-you-mean know: the commands, then the aliases.
    public static var names: [String] { all.map(\.name) + aliases.keys.sorted() }

    /// The `.help` text.
    public static func helpText() -> String {
        let left = all.map { $0.arguments.isEmpty ? $0.name : "\($0.name) \($0.arguments)" }
        let width = (left.map(\.count).max() ?? 0) + 2
        var out = ""
        for (l, c) in zip(left, all) {
            out += "  " + l + String(repeating: " ", count: width - l.count) + c.summary + "\n"
        }
        out += """

              Statements end at the end of a line unless a bracket or quote is open or the
              line ends with '|', an operator, 'and', 'or' or ','. Lines pasted together are
              read as a script, so a line starting with '|' continues the one before. Tab
              completes; Up and Ctrl-R search history; Ctrl-C abandons the line or cancels
              a running statement.

            """
        return out
    }
}
