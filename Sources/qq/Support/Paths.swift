#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Where qq keeps its files, following the XDG base directory specification:
/// history and tutorial progress under `$XDG_STATE_HOME/qq/` (default
/// `~/.local/state/qq/`), the init script under `$XDG_CONFIG_HOME/qq/` (default
/// `~/.config/qq/`). Relative XDG values are ignored, as the specification asks.
struct Paths {
    var stateDirectory: String
    var configDirectory: String

    var historyFile: String { stateDirectory + "/history" }
    /// Serialises appends and rewrites of `historyFile` between concurrent REPLs.
    var historyLock: String { stateDirectory + "/history.lock" }
    var tutorialProgress: String { stateDirectory + "/tutorial" }
    var initScript: String { configDirectory + "/init.qq" }

    /// The paths for the current environment.
    static func current() -> Paths {
        let home = homeDirectory()
        return Paths(stateDirectory: base("XDG_STATE_HOME", default: home + "/.local/state") + "/qq",
                     configDirectory: base("XDG_CONFIG_HOME", default: home + "/.config") + "/qq")
    }

    private static func base(_ variable: String, default fallback: String) -> String {
        if let v = environment(variable), v.hasPrefix("/") { return v }
        return fallback
    }

    /// `$HOME`, else the password database's entry, else `/tmp`.
    static func homeDirectory() -> String {
        if let h = environment("HOME"), !h.isEmpty { return h }
        if let pw = getpwuid(getuid()), let dir = pw.pointee.pw_dir { return String(cString: dir) }
        return "/tmp"
    }

    /// Creates `path` and its missing parents (mode 0700, as state may be private).
    /// Returns false when it cannot.
    @discardableResult
    static func makeDirectory(_ path: String) -> Bool {
        var prefix = ""
        for part in path.split(separator: "/", omittingEmptySubsequences: true) {
            prefix += "/" + part
            if mkdir(prefix, 0o700) != 0 && errno != EEXIST { return false }
        }
        return true
    }
}

/// The value of an environment variable, nil when unset.
func environment(_ name: String) -> String? {
    guard let p = getenv(name) else { return nil }
    return String(cString: p)
}

/// The whole contents of a file as UTF-8 text (invalid bytes repaired), or nil with
/// `errno` set when it cannot be read.
func readTextFile(_ path: String) -> String? {
    let fd = open(path, O_RDONLY | O_CLOEXEC)
    guard fd >= 0 else { return nil }
    defer { close(fd) }
    guard let bytes = readAll(fd: fd) else { return nil }
    return String(decoding: bytes, as: UTF8.self)
}

/// Reads `fd` to its end, retrying on EINTR. Nil on a read error.
func readAll(fd: Int32) -> [UInt8]? {
    var bytes: [UInt8] = []
    var chunk = [UInt8](repeating: 0, count: 65536)
    while true {
        let n = chunk.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
        if n < 0 { if errno == EINTR { continue }; return nil }
        if n == 0 { return bytes }
        bytes.append(contentsOf: chunk[0..<n])
    }
}
