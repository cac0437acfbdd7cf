#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import QQData

/// An input file read as a stream of bytes: plain, or gzip-decompressed when it starts
/// with the gzip magic bytes (whatever its name). Loaders read it in large blocks
/// (`TextBlocks`) so that a file is never held whole in memory.
///
/// Every source has a limit on the bytes it yields (`limit`), checked as it goes:
/// a regular file is bounded by its size; gzip data and anything that is not a
/// regular file (a FIFO, `/dev/zero`, a socket) stop with an error past
/// `maxStreamBytes` (16 GiB), and gzip data also past the memory this machine has
/// (`MemoryGuard.memoryLimit`), since what it decompresses to is loaded into memory.
final class ByteSource {
    let path: String
    private let fd: Int32
    /// Size of the file on disk (compressed size for gzip; 0 when not a regular file).
    let fileSize: Int
    let isGzip: Bool
    let isRegular: Bool
    private var inflater: GzipInflater?
    private var plainRead = 0
    /// Bytes yielded so far (decompressed for gzip), and the most allowed.
    private(set) var produced = 0
    let limit: Int

    /// The most bytes read from gzip data or from a file that is not a regular file.
    static let maxStreamBytes = 16 << 30

    /// Opens `path` for reading; errors name the file and the system's reason.
    /// `limit` lowers the limit (tests).
    init(path: String, limit: Int? = nil) throws(Diagnostic) {
        self.path = path
        if AtomicFile.isDirectory(path) {
            throw Diagnostic(.io, "'\(path)' is a folder, expected a file")
        }
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { throw AtomicFile.ioError("cannot open '\(path)'") }
        self.fd = fd
        var st = stat()
        let statOK = fstat(fd, &st) == 0
        isRegular = statOK && (st.st_mode & S_IFMT) == S_IFREG
        fileSize = statOK && isRegular ? Int(st.st_size) : 0
        var magic: (UInt8, UInt8) = (0, 0)
        let got = withUnsafeMutableBytes(of: &magic) { pread(fd, $0.baseAddress!, 2, 0) }
        isGzip = got == 2 && magic.0 == 0x1F && magic.1 == 0x8B
        if isGzip {
            do { inflater = try GzipInflater(fd: fd, path: path) } catch { close(fd); throw error }
        }
        var l = Int.max
        if isGzip {
            l = min(ByteSource.maxStreamBytes, Int(min(MemoryGuard.memoryLimit(), Double(Int.max / 2))))
        } else if !isRegular {
            l = ByteSource.maxStreamBytes
        }
        self.limit = min(l, limit ?? Int.max)
    }

    /// The error for data past `limit`.
    private func tooLarge() -> Diagnostic {
        let what = isGzip ? "decompresses to more than" : isRegular ? "is larger than" : "is not a regular file and gave more than"
        return Diagnostic(.io, "'\(path)' \(what) \(MemoryGuard.bytes(Double(limit))), the limit for this input",
                          hint: isGzip ? "gzip input is limited to 16 GiB of text and to this machine's memory"
                                       : "input that is not a regular file is limited to 16 GiB; save it to a file first")
    }

    deinit { close(fd) }

    /// Bytes of the file consumed so far (compressed bytes for gzip), for progress.
    var consumed: Int { inflater?.compressedRead ?? plainRead }

    /// Reads up to `count` bytes into `dst`; returns 0 only at the end of the data.
    func read(into dst: UnsafeMutableRawPointer, count: Int) throws(Diagnostic) -> Int {
        // One byte more than the limit allows is asked for, to tell "exactly at the limit" from "past it".
        let room = limit - produced
        let want = room < count ? room + 1 : count
        let n = try readUnlimited(into: dst, count: want)
        produced += n
        if produced > limit { throw tooLarge() }
        return n
    }

    private func readUnlimited(into dst: UnsafeMutableRawPointer, count: Int) throws(Diagnostic) -> Int {
        if let inflater { return try inflater.read(into: dst, count: count) }
        while true {
            let n = Glibc.read(fd, dst, count)
            if n < 0 {
                if errno == EINTR { try Cancellation.check(); continue }
                throw AtomicFile.ioError("cannot read '\(path)'")
            }
            plainRead += n
            return n
        }
    }

    /// The whole (decompressed) content, for formats read in one piece (snapshots),
    /// within `limit`.
    func readAll() throws(Diagnostic) -> [UInt8] {
        var out = [UInt8]()
        // Reserved from the size on disk only (never from anything the data claims).
        out.reserveCapacity(min(isGzip ? fileSize * 4 : fileSize, 1 << 30))
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
