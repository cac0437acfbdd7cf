#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import QQData
import QQSession

/// The read-eval-print loop: a client of `Session` and `LineEditor` only (as
/// `lua.c` is of Lua's API). It reads a statement — more lines while
/// `Session.completeness(of:)` says something is open, with a prompt that shows
/// what — records it in history as one entry, and runs it. Lines starting with
/// `.` are dot-commands. Lines that arrive together (a paste: more input is already
/// waiting when a line is read) are gathered and run as one script.
final class REPL {
    let runner: StatementRunner
    var session: Session { runner.session }
    let paths: Paths
    let editor: LineEditor
    let tutorial: TutorialRunner
    /// Set by `.quit` and by Ctrl-D inside an open statement.
    var done = false
    /// The status `qq` exits with (`.exit CODE`).
    var exitStatus: Int32 = 0
    /// True while `.once` sends the next statement's results to a file.
    var redirectOnce = false

    init(runner: StatementRunner, paths: Paths) {
        self.runner = runner
        let session = runner.session
        self.paths = paths
        // `--safe` writes no files: history and tutorial progress are read, not kept.
        let safe = session.options.safe
        if !safe { Paths.makeDirectory(paths.stateDirectory) }
        let file = HistoryFile(path: paths.historyFile, lockPath: paths.historyLock, readOnly: safe)
        let stdoutIsTerminal = Terminal.isTerminal(STDOUT_FILENO)
        let term = environment("TERM") ?? ""
        let libedit = Terminal.isTerminal(STDIN_FILENO) && stdoutIsTerminal && !term.isEmpty && term != "dumb"
        self.editor = (libedit ? LibEditor(session: session, historyFile: file) : nil)
            ?? PlainLineEditor(promptFD: stdoutIsTerminal ? STDOUT_FILENO : STDERR_FILENO)
        self.tutorial = TutorialRunner(packs: Tutorial.packs, progressPath: paths.tutorialProgress, persists: !safe)
    }

    /// Prints the banner, runs `start` (the statement that loads the starting
    /// dataset) and the init script, then reads and runs statements until `.quit`
    /// or Ctrl-D. Returns the exit status: 0, or 1 when the dataset did not load.
    func run(start: String, userData: Bool) -> Int32 {
        session.output.out("qq \(qqVersion) · '.help' lists commands, '.tutorial' starts the lessons, Ctrl-D leaves\n")
        let loaded = runner.runStart(start, userData: userData)
        guard loaded == .ok else { return loaded.exitStatus }
        runInitScript()
        while !done, let statement = readStatement() {
            execute(statement)
        }
        endRedirect()
        if session.isReporting {
            do { try session.finishReport() } catch {
                session.output.err("qq: \(error.message)\n")
            }
        }
        return exitStatus
    }

    private func runInitScript() {
        guard let text = readTextFile(paths.initScript) else { return }
        // The init script sets things up quietly: no confirmations at every start.
        let interactive = session.options.interactive
        session.options.interactive = false
        runner.run(text, file: paths.initScript)
        session.options.interactive = interactive
    }

    /// The prompt for a continuation line: what is still open, right-aligned under
    /// `qq> ` so the statement's text lines up, e.g. ` (> `, ` |> `, ` "> `.
    static func continuationPrompt(pending: String) -> String {
        let shown = pending.isEmpty || pending.count > 2 ? "." : pending
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
                // SIGTERM or SIGHUP while editing: libedit restored the terminal; leave.
                Signals.exitIfTerminated()
                Cancellation.reset()
                text = ""
            case .endOfInput:
                guard !text.isEmpty else { return nil }
                // Ctrl-D inside an open statement: run it so the session says what is
                // unclosed, then leave.
                done = true
                editor.addHistory(text)
                return text
            case .notUTF8(let bytes):
                // Reported with a caret under the first bad byte; the statement being typed is dropped.
                runner.run(utf8: bytes)
                text = ""
            case .line(let line):
                if text.isEmpty {
                    if line.trimmed.isEmpty { continue }
                    if line.trimmed.hasPrefix(".") {
                        editor.addHistory(line.trimmed)
                        return line.trimmed
                    }
                }
                text = text.isEmpty ? line : text + "\n" + line
                // Lines that arrive together (a paste) are read as a script: a line
                // starting with '|' continues the statement before it.
                if editor.inputPending { continue }
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
        } else if REPL.leaveWords.contains(statement.trimmed.lowercased()) {
            session.output.err("to leave qq, type '.quit' or press Ctrl-D on an empty line\n")
        } else {
            runner.run(statement)
            if redirectOnce { endRedirect() }
        }
    }

    /// What people type to leave other shells; qq answers with how to leave.
    static let leaveWords: Set<String> = ["quit", "exit", "\\q", "quit;", "exit;", "\\quit"]
}
