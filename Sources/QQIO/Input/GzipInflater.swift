#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import CZlib
import QQData

/// Streaming gzip decompression with zlib (`windowBits` 16 + MAX_WBITS selects the gzip
/// wrapper). Concatenated members are read one after another, as `gzip -d` does.
/// A stream that ends before its trailer is an error: a truncated `.gz` never loads
/// as a shorter file.
final class GzipInflater {
    private let fd: Int32
    private let path: String
    /// z_stream must not move once initialised (zlib keeps a pointer back to it).
    private let stream: UnsafeMutablePointer<z_stream>
    private let input: UnsafeMutablePointer<UInt8>
    private let inputSize = 1 << 18
    private var inputEOF = false
    private var memberDone = false
    private var finished = false
    private(set) var compressedRead = 0
    private(set) var produced = 0

    init(fd: Int32, path: String) throws(Diagnostic) {
        self.fd = fd; self.path = path
        stream = .allocate(capacity: 1)
        stream.initialize(to: z_stream())
        input = .allocate(capacity: inputSize)
        if qq_inflateInit2(stream, 16 + MAX_WBITS) != Z_OK {
            stream.deallocate(); input.deallocate()
            throw Diagnostic(.io, "cannot start gzip decompression for '\(path)'")
        }
    }

    deinit {
        inflateEnd(stream)
        stream.deallocate()
        input.deallocate()
    }

    private func refill() throws(Diagnostic) {
        while true {
            let n = Glibc.read(fd, input, inputSize)
            if n < 0 {
                if errno == EINTR { continue }
                throw AtomicFile.ioError("cannot read '\(path)'")
            }
            if n == 0 { inputEOF = true }
            compressedRead += n
            stream.pointee.next_in = input
            stream.pointee.avail_in = UInt32(n)
            return
        }
    }

    /// Decompresses up to `count` bytes into `dst`; 0 means the data has ended cleanly.
    func read(into dst: UnsafeMutableRawPointer, count: Int) throws(Diagnostic) -> Int {
        if finished || count == 0 { return 0 }
        let out = dst.assumingMemoryBound(to: UInt8.self)
        stream.pointee.next_out = out
        stream.pointee.avail_out = UInt32(min(count, Int(UInt32.max)))
        let want = Int(stream.pointee.avail_out)
        while stream.pointee.avail_out > 0 {
            if stream.pointee.avail_in == 0 && !inputEOF { try refill() }
            if memberDone {
                // Another member follows only if more input is left.
                if stream.pointee.avail_in == 0 && inputEOF { finished = true; break }
                if stream.pointee.avail_in == 0 { continue }
                inflateReset(stream)
                memberDone = false
            }
            let before = stream.pointee.avail_out
            let rc = inflate(stream, Z_NO_FLUSH)
            switch rc {
            case Z_STREAM_END:
                memberDone = true
            case Z_OK:
                break
            case Z_BUF_ERROR:
                if stream.pointee.avail_in == 0 && inputEOF { throw truncated() }
            case Z_DATA_ERROR, Z_NEED_DICT:
                let why = stream.pointee.msg.map { String(cString: $0) } ?? "invalid data"
                throw Diagnostic(.io, "'\(path)' is not valid gzip data: \(why)",
                                 hint: "after \(produced + want - Int(stream.pointee.avail_out)) bytes of text")
            case Z_MEM_ERROR:
                throw Diagnostic(.io, "out of memory while decompressing '\(path)'")
            default:
                throw Diagnostic(.io, "gzip error \(rc) in '\(path)'")
            }
            if stream.pointee.avail_in == 0 && inputEOF && !memberDone && before == stream.pointee.avail_out {
                throw truncated()
            }
        }
        let n = want - Int(stream.pointee.avail_out)
        produced += n
        return n
    }

    private func truncated() -> Diagnostic {
        Diagnostic(.io, "'\(path)' is truncated: expected more gzip data, found the end of the file",
                   hint: "the file was cut short (\(compressedRead) compressed bytes, \(produced) bytes of text decoded); recompress or copy it again")
    }
}
