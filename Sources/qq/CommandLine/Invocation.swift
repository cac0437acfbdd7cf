#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// What the command line asks for, decided from its positional arguments (see
/// docs/SHELL.md, "What an argument is"):
///
/// 1. `NAME=VALUE` (NAME a qq identifier) is a script parameter — unless a file of
///    that name exists.
/// 2. A path ending in `.qq` is a script; so is an existing file whose first line
///    starts with `#!` (an executable script run through its shebang).
/// 3. Any other existing file or folder is data: loaded as by `load`.
/// 4. A path that does not exist is a usage error (exit 2).
struct Invocation {
    enum Mode: Equatable {
        /// The REPL (stdin is a terminal, nothing else to run).
        case repl
        /// Scripts, run in order in one session.
        case scripts([String])
        /// `-c` statements, run in order.
        case commands([String])
        /// Standard input read as one script.
        case standardInput
    }

    var mode: Mode
    /// The dataset to start on; nil means the built-in sample.
    var data: String?
    var parameters: [(String, String)]

    /// A command-line mistake: reported with the usage, exit status 2.
    struct Misuse: Error, CustomStringConvertible {
        var description: String
        init(_ d: String) { description = d }
    }

    static func classify(arguments: [String], data dataOption: String?, commands: [String],
                         stdinIsTerminal: Bool) throws(Misuse) -> Invocation {
        var scripts: [String] = []
        var data: [String] = dataOption.map { [$0] } ?? []
        var parameters: [(String, String)] = []
        if let d = dataOption, !exists(d) { throw Misuse("no such file or folder: '\(d)'") }
        for arg in arguments {
            if let p = parameter(arg), !exists(arg) {
                parameters.append(p)
            } else if arg.hasSuffix(".qq") {
                guard isRegularFile(arg) else { throw Misuse("no such script: '\(arg)'") }
                scripts.append(arg)
            } else if !exists(arg) {
                throw Misuse("no such file or folder: '\(arg)'")
            } else if isRegularFile(arg) && startsWithShebang(arg) {
                scripts.append(arg)
            } else {
                data.append(arg)
            }
        }
        if data.count > 1 {
            throw Misuse("one dataset at a time: \(data.map { "'\($0)'" }.joined(separator: " and "))")
        }
        if !scripts.isEmpty && !commands.isEmpty { throw Misuse("give scripts or -c statements, not both") }
        let mode: Mode = !scripts.isEmpty ? .scripts(scripts)
            : !commands.isEmpty ? .commands(commands)
            : stdinIsTerminal ? .repl : .standardInput
        if mode == .repl && !parameters.isEmpty {
            let names = parameters.map { $0.0 }.joined(separator: ", ")
            throw Misuse("parameters (\(names)) need a script: qq SCRIPT.qq NAME=VALUE")
        }
        return Invocation(mode: mode, data: data.first, parameters: parameters)
    }

    /// `NAME=VALUE` with NAME a qq identifier, split at the first `=`.
    static func parameter(_ arg: String) -> (String, String)? {
        guard let eq = arg.firstIndex(of: "=") else { return nil }
        let name = arg[..<eq]
        guard let first = name.first, first == "_" || first.isLetter,
              name.allSatisfy({ $0 == "_" || $0.isLetter || $0.isNumber }) else { return nil }
        return (String(name), String(arg[arg.index(after: eq)...]))
    }

    /// The statement that loads `path` as the starting dataset: `load "…"` for a
    /// folder, GraphML or snapshot, `load follows "…"` for any other file (an edge list).
    static func loadStatement(for path: String) -> String {
        let lower = path.lowercased()
        let whole = isDirectory(path) || [".graphml", ".graphml.gz", ".qqs"].contains { lower.hasSuffix($0) }
        return (whole ? "load " : "load follows ") + quoted(path)
    }

    /// `text` as a qq string literal.
    static func quoted(_ text: String) -> String {
        var out = "\""
        for c in text {
            if c == "\"" || c == "\\" { out.append("\\") }
            out.append(c)
        }
        return out + "\""
    }

    static func exists(_ path: String) -> Bool {
        var st = stat()
        return stat(path, &st) == 0
    }

    static func isDirectory(_ path: String) -> Bool {
        var st = stat()
        return stat(path, &st) == 0 && (st.st_mode & S_IFMT) == S_IFDIR
    }

    static func isRegularFile(_ path: String) -> Bool {
        var st = stat()
        return stat(path, &st) == 0 && (st.st_mode & S_IFMT) == S_IFREG
    }

    private static func startsWithShebang(_ path: String) -> Bool {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { return false }
        defer { close(fd) }
        var two: [UInt8] = [0, 0]
        let n = two.withUnsafeMutableBytes { read(fd, $0.baseAddress, 2) }
        return n == 2 && two == [UInt8(ascii: "#"), UInt8(ascii: "!")]
    }
}
