#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Runs a program with stdin from a string and stdout and stderr captured, through
/// files (no pipes to drain, so no deadlock), in a new session so that signals
/// aimed at its process group never reach the test runner.
enum ProcessRunner {
    struct Result {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    struct SpawnError: Error, CustomStringConvertible {
        var description: String
    }

    /// Runs `executable` with `arguments`; `stdin` nil means /dev/null.
    static func run(_ executable: String, _ arguments: [String], stdin: String? = nil,
                    environment: [String]) throws -> Result {
        let dir = TempDirPath.make()
        defer { unlink(dir + "/in"); unlink(dir + "/out"); unlink(dir + "/err"); rmdir(dir) }
        let input = dir + "/in"
        let fd = open(input, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        var bytes = Array((stdin ?? "").utf8)
        _ = bytes.withUnsafeMutableBytes { write(fd, $0.baseAddress, $0.count) }
        close(fd)

        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, stdin == nil ? "/dev/null" : input, O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, dir + "/out", O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        posix_spawn_file_actions_addopen(&actions, 2, dir + "/err", O_WRONLY | O_CREAT | O_TRUNC, 0o600)

        let pid = try spawn(executable, arguments, environment: environment, actions: &actions)
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
        return Result(status: exitStatus(status), stdout: readFile(dir + "/out"), stderr: readFile(dir + "/err"))
    }

    /// posix_spawn with a new session (`setsid`) and default signal handling.
    static func spawn(_ executable: String, _ arguments: [String], environment: [String],
                      actions: inout posix_spawn_file_actions_t) throws -> pid_t {
        var attr = posix_spawnattr_t()
        posix_spawnattr_init(&attr)
        defer { posix_spawnattr_destroy(&attr) }
        var all = sigset_t()
        sigfillset(&all)
        var none = sigset_t()
        sigemptyset(&none)
        posix_spawnattr_setsigdefault(&attr, &all)
        posix_spawnattr_setsigmask(&attr, &none)
        let setsid: Int32 = 0x80  // POSIX_SPAWN_SETSID (glibc ≥ 2.26): applied before the file actions
        posix_spawnattr_setflags(&attr, Int16(POSIX_SPAWN_SETSIGDEF | POSIX_SPAWN_SETSIGMASK | setsid))

        let argv = ([executable] + arguments).map { strdup($0) } + [nil]
        let envp = environment.map { strdup($0) } + [nil]
        defer { argv.forEach { free($0) }; envp.forEach { free($0) } }
        var pid: pid_t = 0
        let rc = posix_spawn(&pid, executable, &actions, &attr, argv, envp)
        guard rc == 0 else { throw SpawnError(description: "cannot start \(executable): \(String(cString: strerror(rc)))") }
        return pid
    }

    /// The exit code, or 128 + signal number when killed (as shells report it).
    static func exitStatus(_ status: Int32) -> Int32 {
        let signal = status & 0x7F
        return signal == 0 ? (status >> 8) & 0xFF : 128 + signal
    }

    static func readFile(_ path: String) -> String {
        let fd = open(path, O_RDONLY)
        guard fd >= 0 else { return "" }
        defer { close(fd) }
        var out: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 65536)
        while true {
            let n = chunk.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
            if n <= 0 { break }
            out += chunk[0..<n]
        }
        return String(decoding: out, as: UTF8.self)
    }
}

/// Fresh folders under /tmp.
enum TempDirPath {
    static func make(prefix: String = "qqrun") -> String {
        var template = Array("/tmp/\(prefix)-XXXXXX".utf8CString)
        let made = template.withUnsafeMutableBufferPointer { mkdtemp($0.baseAddress!) }
        precondition(made != nil, "mkdtemp failed")
        return template.withUnsafeBufferPointer { String(cString: $0.baseAddress!) }
    }
}

/// Runs the built qq (see `QQBinary`) in `dir`'s environment.
func qq(_ arguments: [String], stdin: String? = nil, in dir: TempDir) throws -> ProcessRunner.Result {
    guard let binary = QQBinary.require() else {
        throw ProcessRunner.SpawnError(description: "qq is not built")
    }
    return try ProcessRunner.run(binary, arguments, stdin: stdin, environment: dir.environment)
}
