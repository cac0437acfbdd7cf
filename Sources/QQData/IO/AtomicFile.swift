#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Safe writes (SPEC §4 `export`, §2 `save`, plot files): the bytes go to a temporary
/// file in the target's folder (created with O_CREAT|O_EXCL), are flushed, and renamed
/// over the target, so a reader never sees half a file. An existing target is refused
/// unless `overwrite` is set, by the system call that puts the file in place
/// (`placeNew`), not only by an earlier check.
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
        if !overwrite && exists(path) { throw existsError(path) }
    }

    /// Writes `bytes` to `path` through a temporary file and `rename(2)`.
    public static func write(_ bytes: [UInt8], to path: String, overwrite: Bool) throws(Diagnostic) {
        try checkTarget(path, overwrite: overwrite)
        let tmp = temporaryPath(for: path)
        let fd = open(tmp, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC | O_NOFOLLOW, 0o644)
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
        if overwrite {
            guard rename(tmp, path) == 0 else { let e = errno; unlink(tmp); throw ioError("cannot write '\(path)'", errno: e) }
        } else {
            do { try placeNew(tmp, at: path, directory: false) } catch { unlink(tmp); throw error }
        }
    }

    /// Moves the finished `temp` (a file, or a folder when `directory`) to `path`,
    /// which must not exist — checked by the system in the same step, so a file
    /// created at `path` meanwhile is never replaced ("no clobber" cannot race). A
    /// file is hard-linked (`link` fails with EEXIST) and its temporary name removed;
    /// where links are not supported, `path` is created with O_CREAT|O_EXCL and the
    /// temporary file renamed over that empty placeholder. A folder takes the place
    /// of an empty folder made with `mkdir` (which fails with EEXIST).
    /// On failure `temp` is left for the caller to remove.
    public static func placeNew(_ temp: String, at path: String, directory: Bool) throws(Diagnostic) {
        if directory {
            guard mkdir(path, 0o700) == 0 else {
                if errno == EEXIST { throw existsError(path) }
                throw ioError("cannot write '\(path)'")
            }
            guard rename(temp, path) == 0 else { let e = errno; rmdir(path); throw ioError("cannot write '\(path)'", errno: e) }
            return
        }
        if link(temp, path) == 0 { unlink(temp); return }
        if errno == EEXIST { throw existsError(path) }
        let fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC | O_NOFOLLOW, 0o644)
        guard fd >= 0 else {
            if errno == EEXIST { throw existsError(path) }
            throw ioError("cannot write '\(path)'")
        }
        close(fd)
        guard rename(temp, path) == 0 else { let e = errno; unlink(path); throw ioError("cannot write '\(path)'", errno: e) }
    }

    public static func existsError(_ path: String) -> Diagnostic {
        Diagnostic(.io, "'\(path)' already exists", hint: "add 'overwrite' to replace it")
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
