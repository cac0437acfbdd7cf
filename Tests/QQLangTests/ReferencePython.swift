import Foundation

/// A Python with NetworkX for the tests that hand qq's files to NetworkX's readers.
/// Found as `$QQ_PYTHON`, else the repository's `.venv/bench/bin/python` (made by
/// `scripts/bench`), else `python3` on `PATH`; it must `import networkx`. Without one
/// these tests are skipped, unless `QQ_REQUIRE_PYTHON=1` (set by `scripts/test`, which
/// installs NetworkX first, so CI runs them), when they fail instead.
enum ReferencePython {
    static let root: String = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent().path

    static let required = ProcessInfo.processInfo.environment["QQ_REQUIRE_PYTHON"] == "1"

    /// The interpreter, or nil when none with NetworkX is found.
    static let path: String? = {
        var candidates: [String] = []
        if let p = ProcessInfo.processInfo.environment["QQ_PYTHON"], !p.isEmpty { candidates.append(p) }
        candidates.append(root + "/.venv/bench/bin/python")
        for dir in (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin").split(separator: ":") {
            candidates.append(dir + "/python3")
        }
        for c in candidates where FileManager.default.isExecutableFile(atPath: c) {
            if (try? run(c, ["-c", "import networkx"]))?.status == 0 { return c }
        }
        return nil
    }()

    /// Whether the NetworkX tests run: a Python was found, or it is required (then the
    /// test runs and fails on its missing Python).
    static var enabled: Bool { path != nil || required }

    /// Runs a Python program with arguments; returns (exit status, stdout + stderr).
    static func script(_ program: String, _ arguments: [String]) throws -> (status: Int32, output: String) {
        guard let path else { return (127, "no python with networkx found (set QQ_PYTHON)") }
        return try run(path, ["-c", program] + arguments)
    }

    static func run(_ executable: String, _ arguments: [String]) throws -> (status: Int32, output: String) {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: executable)
        p.arguments = arguments
        let pipe = Pipe()
        p.standardOutput = pipe
        p.standardError = pipe
        try p.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        return (p.terminationStatus, String(decoding: data, as: UTF8.self))
    }
}
