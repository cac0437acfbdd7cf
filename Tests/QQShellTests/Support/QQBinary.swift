#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Testing

/// The built `qq` executable these end-to-end tests run: `.build/debug/qq` under
/// the package root, found from this file's path. `scripts/test` runs
/// `swift build` before `swift test`, so it is there; if not, tests fail saying so.
enum QQBinary {
    static let packageRoot: String = {
        var parts = #filePath.split(separator: "/", omittingEmptySubsequences: false)
        // …/Tests/QQShellTests/Support/QQBinary.swift → …
        parts.removeLast(4)
        return parts.joined(separator: "/")
    }()

    static let path = packageRoot + "/.build/debug/qq"

    /// The path, after recording an issue when the binary is missing.
    static func require() -> String? {
        if access(path, X_OK) == 0 { return path }
        Issue.record("qq is not built at \(path): run `swift build` first (scripts/test does)")
        return nil
    }
}

/// A fresh folder under /tmp, removed by `remove()`. Tests keep HOME and the XDG
/// folders inside it so they never read or write the user's history.
struct TempDir {
    let path: String

    init() { path = TempDirPath.make(prefix: "qqshell") }

    /// Writes `text` to `name` (relative to the folder), creating subfolders.
    @discardableResult
    func write(_ name: String, _ text: String, executable: Bool = false) -> String {
        let full = path + "/" + name
        var dir = ""
        for part in name.split(separator: "/").dropLast() {
            dir += "/" + part
            mkdir(path + dir, 0o755)
        }
        let fd = open(full, O_WRONLY | O_CREAT | O_TRUNC, executable ? 0o755 : 0o644)
        precondition(fd >= 0, "cannot write \(full)")
        var bytes = Array(text.utf8)
        _ = bytes.withUnsafeMutableBytes { Glibc.write(fd, $0.baseAddress, $0.count) }
        close(fd)
        return full
    }

    func read(_ name: String) -> String? {
        let fd = open(path + "/" + name, O_RDONLY)
        guard fd >= 0 else { return nil }
        defer { close(fd) }
        var out: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 4096)
        while true {
            let n = chunk.withUnsafeMutableBytes { Glibc.read(fd, $0.baseAddress, $0.count) }
            if n <= 0 { break }
            out += chunk[0..<n]
        }
        return String(decoding: out, as: UTF8.self)
    }

    func exists(_ name: String) -> Bool { access(path + "/" + name, F_OK) == 0 }

    func remove() {
        _ = try? ProcessRunner.run("/bin/rm", ["-rf", path], environment: [])
    }

    /// The environment qq runs in: HOME and XDG folders inside this folder, a UTF-8
    /// locale, a known terminal type, no colour.
    var environment: [String] {
        ["HOME=\(path)/home", "XDG_STATE_HOME=\(path)/state", "XDG_CONFIG_HOME=\(path)/config",
         "PATH=/usr/bin:/bin", "LANG=C.UTF-8", "TERM=xterm", "NO_COLOR=1"]
    }

    /// A small dataset folder, `graph/`, whose answers the tests know:
    /// five accounts; alice has 3 followers (bob, carol, dave), bob 1, carol 1.
    @discardableResult
    func writeGraph() -> String {
        write("graph/accounts.csv", """
            handle,name,posts
            alice,Alice A,120
            bob,Bob B,5
            carol,Carol C,40
            dave,Dave D,0
            erin,Erin E,7

            """)
        write("graph/follows.csv", """
            src,dst
            bob,alice
            carol,alice
            dave,alice
            alice,bob
            erin,carol

            """)
        return path + "/graph"
    }
}
