#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Safe writes (SPEC §4 `export`, §2 `save`, plot files): the bytes go to a temporary
/// file in the target's folder, are flushed, and renamed over the target, so a reader
/// never sees half a file. An existing target is refused unless `overwrite` is set.
public enum AtomicFile {
    /// True when something (file, folder, link) exists at `path`.
    public static func exists(_ path: String) -> Bool {
        var st = stat()
        return lstat(path, &st) == 0
    }

    public static func isDirectory(_ path: String) -> Bool {
        var st = stat()
        return stat(path, &st) == 0 && (st.st_mode & S_IFMT) == S_IFDIR
    }

    /// Refuses an existing `path` unless `overwrite`.
    public static func checkTarget(_ path: String, overwrite: Bool) throws(Diagnostic) {
        if !overwrite && exists(path) {
            throw Diagnostic(.io, "'\(path)' already exists", hint: "add 'overwrite' to replace it")
        }
    }

    /// Writes `bytes` to `path` through a temporary file and `rename(2)`.
    public static func write(_ bytes: [UInt8], to path: String, overwrite: Bool) throws(Diagnostic) {
        try checkTarget(path, overwrite: overwrite)
        let tmp = temporaryPath(for: path)
        let fd = open(tmp, O_WRONLY | O_CREAT | O_EXCL, 0o644)
        guard fd >= 0 else { throw ioError("cannot write '\(path)'") }
        var ok = true
        bytes.withUnsafeBytes { raw in
            var off = 0
            while off < raw.count {
                let n = Glibc.write(fd, raw.baseAddress! + off, raw.count - off)
                if n < 0 { if errno == EINTR { continue }; ok = false; return }
                off += n
            }
        }
        if ok && fsync(fd) != 0 { ok = false }
        let e = errno
        close(fd)
        guard ok else { unlink(tmp); throw ioError("cannot write '\(path)'", errno: e) }
        guard rename(tmp, path) == 0 else { let e = errno; unlink(tmp); throw ioError("cannot write '\(path)'", errno: e) }
    }

    public static func write(_ text: String, to path: String, overwrite: Bool) throws(Diagnostic) {
        try write(Array(text.utf8), to: path, overwrite: overwrite)
    }

    /// A fresh name beside `path`: `.name.tmp-PID-N`.
    public static func temporaryPath(for path: String) -> String {
        let slash = path.lastIndex(of: "/")
        let dir = slash.map { String(path[...$0]) } ?? ""
        let base = slash.map { String(path[path.index(after: $0)...]) } ?? path
        return "\(dir).\(base).tmp-\(getpid())-\(counter.next())"
    }

    public static func ioError(_ message: String, errno e: Int32 = errno) -> Diagnostic {
        Diagnostic(.io, "\(message): \(String(cString: strerror(e)))")
    }

    private static let counter = GenerationCounter()
}
