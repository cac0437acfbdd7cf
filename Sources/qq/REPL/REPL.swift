#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import QQData
import QQLang

/// The read-eval-print loop: a client of `Session` and `LineEditor` only (as
/// `lua.c` is of Lua's API). It reads a statement — more lines while
/// `Session.completeness(of:)` says something is open, with a prompt that shows
/// what — records it in history as one entry, and runs it. Lines starting with
/// `.` are dot-commands.
final class REPL {
    let runner: StatementRunner
    var session: Session { runner.session }
    let paths: Paths
    private let editor: LineEditor
    private let tutorial: TutorialRunner
    private var done = false

    init(runner: StatementRunner, paths: Paths) {
        self.runner = runner
        let session = runner.session
        self.paths = paths
        Paths.makeDirectory(paths.stateDirectory)
        let file = HistoryFile(path: paths.historyFile, lockPath: paths.historyLock)
        let stdoutIsTerminal = Terminal.isTerminal(STDOUT_FILENO)
        let term = environment("TERM") ?? ""
        let libedit = Terminal.isTerminal(STDIN_FILENO) && stdoutIsTerminal && !term.isEmpty && term != "dumb"
        self.editor = (libedit ? LibEditor(completer: Completer(session: session), historyFile: file) : nil)
            ?? PlainLineEditor(promptFD: stdoutIsTerminal ? STDOUT_FILENO : STDERR_FILENO)
        self.tutorial = TutorialRunner(lessons: REPL.lessons, progressPath: paths.tutorialProgress)
    }

    /// Runs until `.quit` or Ctrl-D; returns the exit status (0).
    func run() -> Int32 {
        banner()
        runInitScript()
        while !done, let statement = readStatement() {
            execute(statement)
        }
        return 0
    }

    private func banner() {
        let d = session.dataset
        let what = d.isSample ? "the built-in sample" : "'\(d.origin)'"
        session.output.out("qq \(qqVersion) on \(what): \(d.accountCount) accounts. "
                           + "'.help' lists commands, '.tutorial' starts the lessons.\n")
    }

    private func runInitScript() {
        guard let text = readTextFile(paths.initScript) else { return }
        runner.run(text, file: paths.initScript)
    }

    /// The prompt for a continuation line: what is still open, right-aligned under
    /// `qq> ` so the statement's text lines up, e.g. ` (> `, ` |> `, ` "> `.
    static func continuationPrompt(pending: String) -> String {
        let shown = pending.isEmpty ? "." : String(pending.suffix(2))
        return String(repeating: " ", count: max(0, 2 - shown.count)) + shown + "> "
    }

    /// Reads one statement (possibly several lines) or a dot-command; nil at the end.
    func readStatement() -> String? {
        var text = ""
        while true {
            var prompt = "qq> "
            if !text.isEmpty, case .incomplete(let pending) = Session.completeness(of: text) {
                prompt = REPL.continuationPrompt(pending: pending)
            }
            switch editor.readLine(prompt: prompt) {
            case .interrupted:
                Cancellation.reset()
                text = ""
            case .endOfInput:
                guard !text.isEmpty else { return nil }
                // Ctrl-D inside an open statement: run it so the session says what is
                // unclosed, then leave.
                done = true
                editor.addHistory(text)
                return text
            case .line(let line):
                if text.isEmpty {
                    if line.trimmed.isEmpty { continue }
                    if line.trimmed.hasPrefix(".") {
                        editor.addHistory(line.trimmed)
                        return line.trimmed
                    }
                }
                text = text.isEmpty ? line : text + "\n" + line
                if case .incomplete = Session.completeness(of: text) { continue }
                editor.addHistory(text)
                return text
            }
        }
    }

    /// Runs a statement or dot-command. Ctrl-C while it runs cancels it (the
    /// session polls the flag).
    func execute(_ statement: String) {
        if statement.hasPrefix(".") {
            dotCommand(statement)
        } else {
            runner.run(statement)
        }
    }

    // MARK: - Dot-commands

    private func dotCommand(_ line: String) {
        let name = String(line.prefix { !$0.isWhitespace })
        let argument = String(line.dropFirst(name.count)).trimmed
        let out = session.output
        switch DotCommand.aliases[name] ?? name {
        case ".help":
            out.out(DotCommand.helpText())
        case ".quit":
            done = true
        case ".timer":
            switch argument {
            case "on": session.options.timer = true
            case "off": session.options.timer = false
            case "": out.out("timer is \(session.options.timer ? "on" : "off")\n")
            default: usage(".timer", expected: "'on' or 'off'", found: argument)
            }
        case ".format":
            if argument.isEmpty { out.out("\(session.options.format.rawValue)\n"); return }
            guard let f = FormatOption(rawValue: argument.lowercased()) else {
                usage(".format", expected: "one of \(FormatOption.allValueStrings.joined(separator: ", "))",
                      found: argument, hint: Suggestions.closest(to: argument, among: FormatOption.allValueStrings))
                return
            }
            session.options.format = f.format
        case ".rows":
            if argument.isEmpty { out.out("\(session.options.maxRows)\n"); return }
            guard let n = Int(argument.replacingUnderscores()), n >= 1 else {
                usage(".rows", expected: "a number of rows (1 or more)", found: argument)
                return
            }
            session.options.maxRows = n
        case ".history":
            let entries = editor.history
            let width = String(entries.count).count
            for (i, e) in entries.enumerated() {
                let number = String(i + 1).leftPadded(to: width)
                out.out("\(number)  " + e.replacingNewlines(with: "\n" + String(repeating: " ", count: width + 2)) + "\n")
            }
        case ".schema":
            execute("describe accounts")
        case ".tutorial":
            tutorial.command(argument, runner: runner)
        case ".run":
            runScript(argument)
        default:
            var message = "error: unknown command '\(name)'\n"
            if let near = Suggestions.closest(to: name, among: DotCommand.all.map(\.name)) {
                message += "  hint: did you mean '\(near)'?\n"
            } else {
                message += "  hint: '.help' lists the commands\n"
            }
            out.err(message)
        }
    }

    private func usage(_ command: String, expected: String, found: String, hint: String? = nil) {
        var message = "error: \(command): expected \(expected), found '\(found)'\n"
        if let hint { message += "  hint: did you mean '\(hint)'?\n" }
        session.output.err(message)
    }

    private func runScript(_ argument: String) {
        var path = argument
        if path.count >= 2, let q = path.first, q == "\"" || q == "'", path.last == q {
            path = String(path.dropFirst().dropLast())
        }
        guard !path.isEmpty else { return usage(".run", expected: "a script file", found: "") }
        guard let text = readTextFile(path) else {
            session.output.err("error: cannot read '\(path)': \(String(cString: strerror(errno)))\n")
            return
        }
        runner.run(text, file: path)
    }
}
