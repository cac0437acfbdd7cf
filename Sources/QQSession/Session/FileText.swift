#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import QQData
import QQSyntax
import QQSemantic
import QQEngine

/// Reading script files and the clock without Foundation.
package enum FileText {
    /// Scripts larger than this are refused (they are hand-written text).
    package static let maxBytes = 16 << 20

    /// The UTF-8 text of `path`.
    package static func read(_ path: String) throws(Diagnostic) -> String {
        let fd = open(path, O_RDONLY)
        guard fd >= 0 else { throw AtomicFile.ioError("cannot read '\(path)'") }
        defer { close(fd) }
        if AtomicFile.isDirectory(path) { throw Diagnostic(.io, "'\(path)' is a folder, not a script") }
        var bytes: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 65536)
        while true {
            let n = chunk.withUnsafeMutableBytes { Glibc.read(fd, $0.baseAddress, 65536) }
            if n < 0 { if errno == EINTR { continue }; throw AtomicFile.ioError("cannot read '\(path)'") }
            if n == 0 { break }
            bytes.append(contentsOf: chunk[0..<n])
            if bytes.count > maxBytes { throw Diagnostic(.io, "'\(path)' is too large for a script") }
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// The canonical absolute path of an existing file (for `source` cycle checks).
    package static func canonical(_ path: String) -> String {
        guard let p = realpath(path, nil) else { return path }
        defer { free(p) }
        return String(cString: p)
    }

    /// Today in UTC, as days since 1970-01-01.
    package static func today() -> Int32 {
        Int32(time(nil) / 86_400)
    }
}
