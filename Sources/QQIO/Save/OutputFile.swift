#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import QQData

/// A buffered file writer for large outputs (CSV folders, GraphML, snapshots): bytes
/// collect in a 1 MiB buffer and go out with `write(2)`; `close()` flushes and fsyncs.
final class OutputFile {
    let path: String
    private var fd: Int32
    private let buffer: UnsafeMutablePointer<UInt8>
    private var used = 0
    private static let size = 1 << 20
    private var failed: Int32 = 0

    /// Creates `path`, which must not exist (outputs go to fresh temporary names).
    init(creating path: String) throws(Diagnostic) {
        self.path = path
        fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
        guard fd >= 0 else { throw AtomicFile.ioError("cannot write '\(path)'") }
        buffer = .allocate(capacity: OutputFile.size)
    }

    deinit {
        if fd >= 0 { Glibc.close(fd) }
        buffer.deallocate()
    }

    @inline(__always) func append(_ byte: UInt8) {
        if used == OutputFile.size { flush() }
        buffer[used] = byte
        used += 1
    }

    @inline(__always) func append(_ bytes: UnsafeBufferPointer<UInt8>) {
        let n = bytes.count
        if used + n > OutputFile.size {
            flush()
            if n > OutputFile.size { writeAll(UnsafeRawBufferPointer(bytes)); return }
        }
        if n <= 16 {
            // Handles and numbers are short: a loop beats a call to memmove.
            var k = 0
            while k < n { buffer[used + k] = bytes[k]; k += 1 }
        } else {
            (buffer + used).update(from: bytes.baseAddress!, count: n)
        }
        used += n
    }

    func append(_ s: String) {
        var s = s
        s.withUTF8 { append($0) }
    }

    /// Writes raw memory (snapshot arrays) without copying it into the buffer.
    func appendRaw(_ raw: UnsafeRawBufferPointer) {
        flush()
        writeAll(raw)
    }

    /// Decimal text of an integer, without making a String.
    @inline(__always) func appendInt(_ v: Int64) {
        if used + 21 > OutputFile.size { flush() }
        var m = v.magnitude
        if v < 0 { buffer[used] = 45; used += 1 }
        var digits = 1
        var t = m
        while t >= 10 { t /= 10; digits += 1 }
        var k = used + digits
        used = k
        repeat { k -= 1; buffer[k] = UInt8(48 + m % 10); m /= 10 } while m > 0
    }

    func flush() {
        guard used > 0 else { return }
        writeAll(UnsafeRawBufferPointer(start: buffer, count: used))
        used = 0
    }

    private func writeAll(_ raw: UnsafeRawBufferPointer) {
        guard failed == 0, raw.count > 0 else { return }
        var off = 0
        while off < raw.count {
            let n = write(fd, raw.baseAddress! + off, min(raw.count - off, 1 << 30))
            if n < 0 { if errno == EINTR { continue }; failed = errno; return }
            off += n
        }
    }

    /// Overwrites bytes already written at `offset` (a header filled in last).
    func patch(at offset: Int, _ bytes: [UInt8]) throws(Diagnostic) {
        flush()
        let n = bytes.withUnsafeBytes { pwrite(fd, $0.baseAddress!, $0.count, off_t(offset)) }
        if n != bytes.count { throw AtomicFile.ioError("cannot write '\(path)'") }
    }

    /// Flushes, syncs and closes; reports the first write error.
    func close() throws(Diagnostic) {
        flush()
        if failed == 0 && fsync(fd) != 0 { failed = errno }
        Glibc.close(fd)
        fd = -1
        if failed != 0 { throw AtomicFile.ioError("cannot write '\(path)'", errno: failed) }
    }
}

/// Replaces `target` with `temp` (a finished file or folder) by rename; an existing
/// target (allowed only with overwrite) is moved aside first and removed after.
/// Without overwrite the system refuses an existing target in the step that puts
/// `temp` in place (`AtomicFile.placeNew`), so a file created meanwhile is kept.
enum AtomicReplace {
    static func commit(temp: String, target: String, overwrite: Bool) throws(Diagnostic) {
        var st = stat()
        let isFolder = lstat(temp, &st) == 0 && (st.st_mode & S_IFMT) == S_IFDIR
        guard overwrite else {
            do { try AtomicFile.placeNew(temp, at: target, directory: isFolder) } catch {
                removeTree(temp)
                throw error
            }
            return
        }
        var aside: String? = nil
        if AtomicFile.exists(target) {
            let old = AtomicFile.temporaryPath(for: target) + ".old"
            guard rename(target, old) == 0 else {
                let e = errno; removeTree(temp)
                throw AtomicFile.ioError("cannot replace '\(target)'", errno: e)
            }
            aside = old
        }
        guard rename(temp, target) == 0 else {
            let e = errno
            if let aside { rename(aside, target) }
            removeTree(temp)
            throw AtomicFile.ioError("cannot write '\(target)'", errno: e)
        }
        if let aside { removeTree(aside) }
    }

    /// Deletes a file or a symbolic link, or a folder and everything in it, without
    /// ever following a symbolic link: the folder is opened with O_NOFOLLOW and its
    /// entries removed with `unlinkat` relative to it, so a link inside (`raw ->
    /// /victim`) is removed as a link and what it points to is untouched, even if
    /// the folder is changed while it is being removed. Folders nested deeper than
    /// `maxDepth` are left in place.
    static func removeTree(_ path: String) {
        var st = stat()
        guard lstat(path, &st) == 0 else { return }
        guard (st.st_mode & S_IFMT) == S_IFDIR else { unlink(path); return }
        let fd = open(path, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC)
        guard fd >= 0 else { return }
        removeContents(of: fd, depth: 0)
        rmdir(path)
    }

    static let maxDepth = 256

    /// Removes every entry of the open folder `dirfd`, which it closes.
    private static func removeContents(of dirfd: Int32, depth: Int) {
        guard let dir = fdopendir(dirfd) else { close(dirfd); return }
        defer { closedir(dir) }
        var names: [String] = []
        while let e = readdir(dir) {
            let name = withUnsafeBytes(of: e.pointee.d_name) { String(cString: $0.bindMemory(to: CChar.self).baseAddress!) }
            if name != "." && name != ".." { names.append(name) }
        }
        for name in names {
            var st = stat()
            guard fstatat(dirfd, name, &st, AT_SYMLINK_NOFOLLOW) == 0 else { continue }
            if (st.st_mode & S_IFMT) == S_IFDIR {
                guard depth < maxDepth else { continue }
                let sub = openat(dirfd, name, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC)
                guard sub >= 0 else { continue }
                removeContents(of: sub, depth: depth + 1)
                unlinkat(dirfd, name, AT_REMOVEDIR)
            } else {
                unlinkat(dirfd, name, 0)
            }
        }
    }
}
