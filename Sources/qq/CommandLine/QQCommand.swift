import ArgumentParser
import QQOutput
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The version `qq --version` prints.
let qqVersion = "0.1.0"

/// The command line (SPEC §6), parsed by swift-argument-parser. `validate()` decides
/// what the positional arguments are (`Invocation`), so every misuse — bad option,
/// missing file — is reported with the usage before anything runs, and exits 2.
struct QQCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "qq",
        abstract: "Ask a social graph who really matters: follower counts against who follows, engages and spreads.",
        usage: """
            qq                         REPL on the built-in sample dataset
            qq DATA                    REPL on a dataset (folder, .graphml, .qqs, edge list)
            qq SCRIPT.qq ... [NAME=VALUE ...]
            qq -c STATEMENT
            ... | qq                   standard input read as a script
            """,
        discussion: """
            An argument ending in .qq, or a file whose first line starts with #!, is a \
            script; NAME=VALUE sets a script parameter (the value is read as a qq \
            expression); any other existing file or folder is the dataset to start on.
            Exit status: 0 success, 1 a statement failed, 2 command-line misuse.
            History: $XDG_STATE_HOME/qq/history; init script: $XDG_CONFIG_HOME/qq/init.qq.
            """,
        version: "qq \(qqVersion)"
    )

    // `.unconditional`: the value is taken as it is, so `qq -c '-1 + 2'` runs a statement.
    @Option(name: [.customShort("c"), .customLong("command")], parsing: .unconditionalSingleValue,
            help: ArgumentHelp("Run a statement and exit (repeatable; run in order).", valueName: "statement"))
    var commands: [String] = []

    @Option(help: "Output format.")
    var format: FormatOption = .table

    @Option(help: ArgumentHelp("Start on this dataset instead of the built-in sample.", valueName: "path"))
    var data: String?

    @Option(help: ArgumentHelp("Run pipelines on this engine: local, or Apache Spark at sc://HOST:PORT (starts with no dataset; see docs/SPARK.md).",
                               valueName: "engine"))
    var engine: String?

    @Option(help: "Colour: auto uses it on a terminal unless NO_COLOR is set.")
    var color: ColorOption = .auto

    @Flag(help: "Refuse export, save and plot files (for running others' scripts).")
    var safe = false

    @Flag(help: "Print each statement's running time on stderr.")
    var timer = false

    @Option(help: ArgumentHelp("Write a self-contained HTML report of the run (refused under --safe).", valueName: "file.html"))
    var report: String?

    @Flag(help: "Let --report replace an existing file.")
    var reportOverwrite = false

    @Argument(help: ArgumentHelp("Scripts (.qq), NAME=VALUE parameters, or a dataset.", valueName: "input"))
    var inputs: [String] = []

    mutating func validate() throws {
        if let e = engine, e != "local", !e.hasPrefix("sc://") {
            throw ValidationError("--engine takes 'local' or a Spark Connect address sc://HOST:PORT, found '\(e)'")
        }
        do {
            _ = try invocation()
        } catch {
            throw ValidationError(error.description)
        }
    }

    func invocation() throws(Invocation.Misuse) -> Invocation {
        try Invocation.classify(arguments: inputs, data: data, commands: commands,
                                stdinIsTerminal: Terminal.isTerminal(STDIN_FILENO))
    }

    /// Parses the command line and runs it; returns the exit status.
    static func runMain() -> Int32 {
        let command: QQCommand
        do {
            command = try QQCommand.parse()
        } catch {
            let message = QQCommand.fullMessage(for: error)
            if QQCommand.exitCode(for: error).isSuccess {
                writeAll(fd: STDOUT_FILENO, message + "\n")
                return 0
            }
            writeAll(fd: STDERR_FILENO, message + "\n")
            return 2
        }
        guard let invocation = try? command.invocation() else { return 2 }
        return Launcher(invocation: invocation, options: command.sessionOptions(), engine: command.engine,
                        report: command.report, reportOverwrite: command.reportOverwrite).run()
    }
}

/// `--format` values (SPEC §6), with `md` accepted for markdown.
enum FormatOption: String, CaseIterable, ExpressibleByArgument {
    case table, csv, tsv, json, jsonl, markdown, md, line

    var format: OutputFormat { OutputFormat(name: rawValue) ?? .table }

    static var allValueStrings: [String] { OutputFormat.allCases.map(\.rawValue) }
}

/// `--color` values.
enum ColorOption: String, CaseIterable, ExpressibleByArgument {
    case auto, always, never

    /// Whether to colour stdout: `always` and `never` win over the environment;
    /// `auto` colours a terminal unless NO_COLOR is set to anything non-empty
    /// (no-color.org).
    func enabled() -> Bool {
        switch self {
        case .always: return true
        case .never: return false
        case .auto:
            if let v = environment("NO_COLOR"), !v.isEmpty { return false }
            return Terminal.isTerminal(STDOUT_FILENO)
        }
    }
}
