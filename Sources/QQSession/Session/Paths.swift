import QQData
import QQSyntax
import QQSemantic
import QQEngine

/// Lexical path helpers (no file system access): how script-relative paths are shown
/// in messages, so a diagnostic names a file the way the script wrote it.
package enum Paths {
    /// `dir/path`, or `path` when it is absolute or `dir` is empty.
    package static func join(_ dir: String?, _ path: String) -> String {
        guard let dir, !dir.isEmpty, !path.hasPrefix("/") else { return path }
        return dir.hasSuffix("/") ? dir + path : dir + "/" + path
    }

    /// The folder part of `path` (nil when it has none).
    package static func folder(_ path: String) -> String? {
        guard let slash = path.lastIndex(of: "/") else { return nil }
        let d = String(path[..<slash])
        return d.isEmpty ? "/" : d
    }

    /// Removes `.` components and `name/..` pairs: `a/b/../c` → `a/c`.
    package static func normalize(_ path: String) -> String {
        let absolute = path.hasPrefix("/")
        var out: [Substring] = []
        for part in path.split(separator: "/", omittingEmptySubsequences: true) {
            if part == "." { continue }
            if part == "..", let last = out.last, last != ".." { out.removeLast(); continue }
            if part == "..", absolute, out.isEmpty { continue }
            out.append(part)
        }
        let joined = out.joined(separator: "/")
        return absolute ? "/" + joined : (joined.isEmpty ? "." : joined)
    }
}

extension Runtime {
    /// `text` with this script's folder prefix removed from every path in it, so
    /// paths read as the script wrote them.
    package func relative(_ text: String) -> String {
        guard let dir = directory, !dir.isEmpty else { return text }
        let prefix = dir.hasSuffix("/") ? dir : dir + "/"
        return text.replacing(prefix, with: "")
    }

    /// A diagnostic with its paths shown relative to the running script.
    package func relative(_ d: Diagnostic) -> Diagnostic {
        var d = d
        d.message = relative(d.message)
        d.hint = d.hint.map(relative)
        d.notes = d.notes.map(relative)
        if var p = d.position { p.file = relative(p.file); d.position = p }
        return d
    }
}
