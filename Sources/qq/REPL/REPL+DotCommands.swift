#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import QQData
import QQSession
import QQSyntax

/// The dot-commands (SPEC §6; the table is `DotCommand.all` in the session, with the
/// aliases other shells taught: `.mode`, `.maxrows`, `.read`, `.exit`). Mistakes are
/// `Diagnostic` values drawn by the language's renderer, with a caret under the
/// word at fault and the same did-you-mean policy as the language (`Suggest`).
extension REPL {
    func dotCommand(_ line: String) {
        let name = String(line.prefix { !$0.isWhitespace })
        let rest = line.dropFirst(name.count)
        let argument = String(rest).trimmed
        let leading = rest.prefix { $0.isWhitespace }.utf8.count
        let argumentSpan = SourceSpan(name.utf8.count + leading, name.utf8.count + leading + argument.utf8.count)
        do throws(Diagnostic) {
            try perform(DotCommand.canonical(name), typed: name, argument: argument,
                        nameSpan: SourceSpan(0, name.utf8.count), argumentSpan: argumentSpan)
        } catch {
            session.output.err(DiagnosticRenderer.render(error, source: line, file: nil, color: session.options.color))
        }
    }

    private func perform(_ name: String, typed: String, argument: String, nameSpan: SourceSpan,
                         argumentSpan: SourceSpan) throws(Diagnostic) {
        let out = session.output
        func expected(_ what: String, hint: String? = nil) -> Diagnostic {
            Diagnostic(.runtime, "\(typed): expected \(what), found '\(argument)'", span: argumentSpan, hint: hint)
        }
        switch name {
        case ".help":
            if argument.isEmpty { out.out(DotCommand.helpText()) } else { runner.run("help " + argument) }
        case ".quit":
            if typed == ".exit", !argument.isEmpty {
                guard let code = Int32(argument), code >= 0, code <= 255 else { throw expected("an exit status from 0 to 255") }
                exitStatus = code
            } else if !argument.isEmpty {
                throw expected("nothing", hint: "'.exit CODE' leaves with an exit status")
            }
            done = true
        case ".timer":
            switch argument.lowercased() {
            case "on": session.options.timer = true
            case "off": session.options.timer = false
            case "": out.out("timer is \(session.options.timer ? "on" : "off")\n")
            default: throw expected("'on' or 'off'")
            }
        case ".format":
            if argument.isEmpty { out.out("\(session.options.format.rawValue)\n"); return }
            guard let f = FormatOption(rawValue: argument.lowercased()) else {
                let names = FormatOption.allValueStrings
                throw expected("one of \(names.joined(separator: ", "))", hint: Suggest.hint(for: argument, among: names))
            }
            session.options.format = f.format
        case ".rows":
            if argument.isEmpty { out.out("\(session.options.maxRows)\n"); return }
            guard let n = Int(argument.replacingUnderscores()), n >= 0 else {
                throw expected("a number of rows (0 shows every row)")
            }
            session.options.maxRows = n
        case ".output", ".once":
            try redirect(argument, once: name == ".once", command: typed, span: argumentSpan)
        case ".report":
            try report(argument, expected: expected)
        case ".history":
            listHistory()
        case ".schema":
            schema()
        case ".tutorial":
            try tutorial.command(argument, argumentSpan: argumentSpan, runner: runner)
        case ".run":
            try runScript(argument, span: argumentSpan)
        default:
            let hint = Suggest.hint(for: name, among: DotCommand.names) ?? "'.help' lists the commands"
            throw Diagnostic(.name, "unknown command '\(name)'", span: nameSpan, hint: hint)
        }
    }

    /// Numbered entries, continuation lines indented under the first.
    private func listHistory() {
        let entries = editor.history
        let width = String(entries.count).count
        var text = ""
        for (i, e) in entries.enumerated() {
            let indent = "\n" + String(repeating: " ", count: width + 2)
            text += String(i + 1).leftPadded(to: width) + "  " + e.replacingNewlines(with: indent) + "\n"
        }
        session.output.out(text)
    }

    /// `describe accounts`, then the tables and values bound by `let` and `param`.
    private func schema() {
        runner.run("describe accounts")
        let names = session.boundNames
        if !names.isEmpty { session.output.out("names bound by let/param: \(names.joined(separator: ", "))\n") }
    }

    private func runScript(_ argument: String, span: SourceSpan) throws(Diagnostic) {
        var path = argument
        if path.count >= 2, let q = path.first, q == "\"" || q == "'", path.last == q {
            path = String(path.dropFirst().dropLast())
        }
        guard !path.isEmpty else {
            throw Diagnostic(.runtime, ".run: expected a script file", span: span, hint: "'.run analysis.qq'")
        }
        guard let text = readTextFile(path) else {
            throw Diagnostic(.io, "cannot read '\(path)': \(String(cString: strerror(errno)))", span: span)
        }
        runner.run(text, file: path)
    }
}

extension REPL {
    /// `.report FILE [overwrite]` starts a report of what follows; `.report off` writes
    /// it; `.report` alone says where it goes (SPEC §11).
    func report(_ argument: String, expected: (String, String?) -> Diagnostic) throws(Diagnostic) {
        if argument.isEmpty {
            session.output.out(session.isReporting ? "a report is being written\n" : "no report\n")
            return
        }
        if argument.lowercased() == "off" {
            guard session.isReporting else { throw expected("a file name (no report is being written)", nil) }
            try session.finishReport()
            session.output.err("report written\n")
            return
        }
        var words = argument.split(separator: " ").map(String.init)
        let overwrite = words.count > 1 && words.last == "overwrite"
        if overwrite { words.removeLast() }
        var path = words.joined(separator: " ")
        if path.count >= 2, path.hasPrefix("\""), path.hasSuffix("\"") { path = String(path.dropFirst().dropLast()) }
        try session.startReport(path: path, overwrite: overwrite, version: qqVersion, title: "qq session")
        session.output.err("recording a report to \(path) until '.report off'\n")
    }
}
