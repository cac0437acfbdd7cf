#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import QQData
import QQSession
#if Spark
import QQSpark
#endif

extension QQCommand {
    /// The session options the command line fixes.
    func sessionOptions() -> SessionOptions {
        var o = SessionOptions()
        o.format = format.format
        o.color = color.enabled()
        o.safe = safe
        o.timer = timer
        if let w = Terminal.width() { o.width = w }
        o.fitsTerminal = Terminal.isTerminal(STDOUT_FILENO)
        #if Spark
        o.connectEngine = { (address: String) throws(Diagnostic) in try SparkEngine(address: address) }
        #endif
        return o
    }
}

/// Runs an `Invocation`: one session, the starting dataset, then the REPL, the
/// scripts, the `-c` statements or standard input. Exit status: 0 when everything
/// ran, 1 at the first statement that failed (the rest is skipped), 2 when a
/// script cannot be read, 130 when Ctrl-C stopped a script.
struct Launcher {
    var invocation: Invocation
    var options: SessionOptions
    /// `--engine`: "local", or a Spark Connect address `sc://HOST:PORT` (SPEC §12).
    var engine: String? = nil
    /// `--report FILE` (SPEC §11) and `--report-overwrite`.
    var report: String? = nil
    var reportOverwrite = false

    func run() -> Int32 {
        Terminal.setUTF8Locale()
        Signals.installInterruptHandler()
        var options = options
        options.interactive = invocation.mode == .repl
        let bar = Terminal.isTerminal(STDERR_FILENO) ? TerminalProgress() : nil
        let streams = StandardStreams(progress: bar, errIsTerminal: Terminal.isTerminal(STDERR_FILENO))
        let session = Session(options: options, output: streams, progress: bar ?? NoProgress())
        let runner = StatementRunner(session: session, streams: streams, progress: bar)

        var start = invocation.data.map(Invocation.loadStatement(for:)) ?? "load sample"
        // Another engine starts with no dataset until a `load` (SPEC §12).
        if let engine, engine != "local" {
            start = "set engine = \(Invocation.quoted(engine))" + (invocation.data.map { "\nload \(Invocation.quoted($0))" } ?? "")
        }
        if invocation.mode == .repl {
            return REPL(runner: runner, paths: Paths.current()).run(start: start, userData: invocation.data != nil)
        }
        // Ctrl-C during this load stops the run with 130, even if the load finished.
        let loaded = runner.runStart(start, userData: invocation.data != nil)
        guard loaded == .ok else { return loaded.exitStatus }
        if !invocation.parameters.isEmpty { session.setParameters(invocation.parameters) }
        guard let report else { return runBody(session, runner) }
        // The report is written whatever happens, ending with the error that stopped the run.
        do {
            try session.startReport(path: report, overwrite: reportOverwrite, version: qqVersion, title: reportTitle)
        } catch {
            session.output.err("qq: \(error.message)\n")
            return 1
        }
        let status = runBody(session, runner)
        do { try session.finishReport() } catch {
            session.output.err("qq: \(error.message)\n")
            return status == 0 ? 1 : status
        }
        return status
    }

    /// The report's title: the scripts run, or the statements.
    var reportTitle: String {
        switch invocation.mode {
        case .scripts(let paths): return "qq report: " + paths.joined(separator: ", ")
        case .commands: return "qq report: -c statements"
        default: return "qq report: standard input"
        }
    }

    func runBody(_ session: Session, _ runner: StatementRunner) -> Int32 {
        switch invocation.mode {
        case .repl:
            return 0
        case .scripts(let paths):
            for path in paths {
                let bytes: [UInt8]
                switch Launcher.readScript(path: path) {
                case .success(let b): bytes = b
                case .failure(let status): session.output.err(status.message); return status.code
                }
                let outcome = runner.run(utf8: bytes, file: path)
                guard outcome == .ok else { return outcome.exitStatus }
            }
            return 0
        case .commands(let statements):
            for statement in statements {
                // The system limits one argument to 128 KiB on Linux; the script limit holds anyway.
                guard statement.utf8.count <= FileText.maxBytes else {
                    session.output.err("qq: a -c text is too large for a script (more than \(FileText.maxBytes >> 20) MiB)\n")
                    return 2
                }
                // The argument parser hands over text with bad bytes already replaced by
                // U+FFFD: the raw argument tells a real U+FFFD from bytes that are not UTF-8.
                let outcome = statement.contains("\u{FFFD}")
                    ? runner.run(utf8: Launcher.rawArgument(decodingTo: statement) ?? Array(statement.utf8))
                    : runner.run(statement)
                guard outcome == .ok else { return outcome.exitStatus }
            }
            return 0
        case .standardInput:
            let bytes: [UInt8]
            do { bytes = try FileText.readLimited(fd: STDIN_FILENO, name: "standard input") } catch {
                Signals.exitIfTerminated()
                if error.kind == .cancelled { session.output.err("qq: cancelled\n"); return 130 }
                session.output.err("qq: \(error.message)\n")
                return 2
            }
            return runner.run(utf8: bytes, file: "<stdin>").exitStatus
        }
    }

    struct ReadFailure: Error {
        var message: String
        var code: Int32
    }

    /// A script file's bytes (at most `FileText.maxBytes`), or the message and exit status.
    static func readScript(path: String) -> Result<[UInt8], ReadFailure> {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { return .failure(ReadFailure(message: "qq: cannot read '\(path)': \(String(cString: strerror(errno)))\n", code: 2)) }
        defer { close(fd) }
        do { return .success(try FileText.readLimited(fd: fd, name: "'\(path)'")) } catch {
            Signals.exitIfTerminated()
            if error.kind == .cancelled { return .failure(ReadFailure(message: "qq: cancelled\n", code: 130)) }
            return .failure(ReadFailure(message: "qq: \(error.message)\n", code: 2))
        }
    }

    /// The bytes of the command-line argument that decodes to `text`, if any.
    static func rawArgument(decodingTo text: String) -> [UInt8]? {
        for i in 0..<Int(CommandLine.argc) {
            guard let p = CommandLine.unsafeArgv[i] else { continue }
            let bytes = Array(UnsafeBufferPointer(start: UnsafeRawPointer(p).assumingMemoryBound(to: UInt8.self), count: strlen(p)))
            if String(decoding: bytes, as: UTF8.self) == text { return bytes }
        }
        return nil
    }
}
