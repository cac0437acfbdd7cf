#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import QQData
import QQSession

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

    func run() -> Int32 {
        Terminal.setUTF8Locale()
        Signals.installInterruptHandler()
        var options = options
        options.interactive = invocation.mode == .repl
        let bar = Terminal.isTerminal(STDERR_FILENO) ? TerminalProgress() : nil
        let streams = StandardStreams(progress: bar, errIsTerminal: Terminal.isTerminal(STDERR_FILENO))
        let session = Session(options: options, output: streams, progress: bar ?? NoProgress())
        let runner = StatementRunner(session: session, streams: streams, progress: bar)

        let start = invocation.data.map(Invocation.loadStatement(for:)) ?? "load sample"
        if invocation.mode == .repl {
            return REPL(runner: runner, paths: Paths.current()).run(start: start, userData: invocation.data != nil)
        }
        let loaded = runner.runStart(start, userData: invocation.data != nil)
        guard loaded == .ok else { return loaded.exitStatus }
        if !invocation.parameters.isEmpty { session.setParameters(invocation.parameters) }

        switch invocation.mode {
        case .repl:
            return 0
        case .scripts(let paths):
            for path in paths {
                guard let text = readTextFile(path) else {
                    session.output.err("qq: cannot read '\(path)': \(String(cString: strerror(errno)))\n")
                    return 2
                }
                let outcome = runner.run(text, file: path)
                guard outcome == .ok else { return outcome.exitStatus }
            }
            return 0
        case .commands(let statements):
            for statement in statements {
                let outcome = runner.run(statement)
                guard outcome == .ok else { return outcome.exitStatus }
            }
            return 0
        case .standardInput:
            guard let bytes = readAll(fd: STDIN_FILENO) else {
                session.output.err("qq: cannot read standard input: \(String(cString: strerror(errno)))\n")
                return 2
            }
            return runner.run(String(decoding: bytes, as: UTF8.self), file: "<stdin>").exitStatus
        }
    }
}
