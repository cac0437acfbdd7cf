#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import QQData

/// An input file read as a stream of bytes: plain, or gzip-decompressed when it starts
/// with the gzip magic bytes (whatever its name). Loaders read it in large blocks
/// (`TextBlocks`) so that a file is never held whole in memory.
final class ByteSource {
    let path: String
    private let fd: Int32
    /// Size of the file on disk (compressed size for gzip).
    let fileSize: Int
    let isGzip: Bool
    private var inflater: GzipInflater?
    private var plainRead = 0

    /// Opens `path` for reading; errors name the file and the system's reason.
    init(path: String) throws(Diagnostic) {
        self.path = path
        if AtomicFile.isDirectory(path) {
            throw Diagnostic(.io, "'\(path)' is a folder, expected a file")
        }
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { throw AtomicFile.ioError("cannot open '\(path)'") }
        self.fd = fd
        var st = stat()
        fileSize = fstat(fd, &st) == 0 ? Int(st.st_size) : 0
        var magic: (UInt8, UInt8) = (0, 0)
        let got = withUnsafeMutableBytes(of: &magic) { pread(fd, $0.baseAddress!, 2, 0) }
        isGzip = got == 2 && magic.0 == 0x1F && magic.1 == 0x8B
        if isGzip {
            do { inflater = try GzipInflater(fd: fd, path: path) } catch { close(fd); throw error }
        }
    }

    deinit { close(fd) }

    /// Bytes of the file consumed so far (compressed bytes for gzip), for progress.
    var consumed: Int { inflater?.compressedRead ?? plainRead }

    /// Reads up to `count` bytes into `dst`; returns 0 only at the end of the data.
    func read(into dst: UnsafeMutableRawPointer, count: Int) throws(Diagnostic) -> Int {
        if let inflater { return try inflater.read(into: dst, count: count) }
        while true {
            let n = Glibc.read(fd, dst, count)
            if n < 0 {
                if errno == EINTR { continue }
                throw AtomicFile.ioError("cannot read '\(path)'")
            }
            plainRead += n
            return n
        }
    }

    /// The whole (decompressed) content, for formats read in one piece (GraphML, snapshots).
    func readAll() throws(Diagnostic) -> [UInt8] {
        var out = [UInt8]()
        out.reserveCapacity(isGzip ? fileSize * 4 : fileSize)
        let chunk = 1 << 20
        let scratch = UnsafeMutableRawBufferPointer.allocate(byteCount: chunk, alignment: 16)
        defer { scratch.deallocate() }
        while true {
            let n = try read(into: scratch.baseAddress!, count: chunk)
            if n == 0 { break }
            out.append(contentsOf: UnsafeRawBufferPointer(rebasing: scratch[0..<n]))
            try Cancellation.check()
        }
        return out
    }

    /// Reads exactly `count` bytes into `dst` (used by the snapshot reader); false at a short file.
    func readExactly(into dst: UnsafeMutableRawPointer, count: Int) throws(Diagnostic) -> Bool {
        var off = 0
        while off < count {
            let n = try read(into: dst + off, count: min(count - off, 1 << 26))
            if n == 0 { return false }
            off += n
        }
        return true
    }
}
