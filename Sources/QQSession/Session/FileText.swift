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
public enum FileText {
    /// Scripts larger than this are refused (they are hand-written text): `source`,
    /// script files, `-c` text and standard input alike.
    public static let maxBytes = 16 << 20

    /// The bytes of the script at `path`, at most `maxBytes` (a FIFO or `/dev/zero`
    /// stops there too).
    package static func readBytes(_ path: String) throws(Diagnostic) -> [UInt8] {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { throw AtomicFile.ioError("cannot read '\(path)'") }
        defer { close(fd) }
        if AtomicFile.isDirectory(path) { throw Diagnostic(.io, "'\(path)' is a folder, not a script") }
        return try readLimited(fd: fd, name: "'\(path)'")
    }

    /// Reads `fd` to its end, refusing more than `maxBytes`; `name` is how errors say it.
    public static func readLimited(fd: Int32, name: String) throws(Diagnostic) -> [UInt8] {
        var bytes: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 65536)
        while true {
            let n = chunk.withUnsafeMutableBytes { Glibc.read(fd, $0.baseAddress, 65536) }
            if n < 0 {
                if errno == EINTR { try Cancellation.check(); continue }
                throw AtomicFile.ioError("cannot read \(name)")
            }
            if n == 0 { break }
            bytes.append(contentsOf: chunk[0..<n])
            if bytes.count > maxBytes {
                throw Diagnostic(.io, "\(name) is too large for a script (more than \(maxBytes >> 20) MiB)",
                                 hint: "load data with 'load'; scripts are text of at most 16 MiB")
            }
        }
        return bytes
    }

    /// The offset of the first byte of `bytes` that is not UTF-8, or nil.
    public static func firstInvalidUTF8(_ bytes: [UInt8]) -> Int? {
        var it = bytes.makeIterator()
        var decoder = UTF8()
        var offset = 0
        while true {
            switch decoder.decode(&it) {
            case .scalarValue(let u): offset += UTF8.width(u)
            case .emptyInput: return nil
            case .error: return offset
            }
        }
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
