#if canImport(Glibc)
import Glibc
#endif
import QQData
import QQIO

// libFuzzer target for the loaders: the byte-level CSV/TSV/whitespace reader, type
// inference, edge-list layout detection, GraphML and gzip.
//
// The first byte of the input picks the loader and the file name (which picks the
// format by extension; `FuzzInput`); the rest is the file's content, written to a
// file in /dev/shm (or /tmp) because loaders read paths. A load must either succeed or throw
// a Diagnostic; it must never crash, hang or allocate without bound.
//
// Built by `scripts/fuzz` with `-sanitize=fuzzer,address -DFUZZ`; without `FUZZ` the
// same body runs each file named on the command line (regression replay).

enum FuzzLoad {
    static let folder: String = {
        var st = stat()
        return stat("/dev/shm", &st) == 0 ? "/dev/shm" : "/tmp"
    }()

    static func run(_ bytes: UnsafeBufferPointer<UInt8>) {
        guard let (file, error) = FuzzInput.load(bytes, in: folder), let error else { return }
        // A diagnostic is the expected outcome for most inputs; it must name the file.
        precondition(error.position == nil || error.position!.file.hasSuffix(file), "diagnostic points at another file")
    }
}

#if FUZZ
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzLoadTestOneInput(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    FuzzLoad.run(UnsafeBufferPointer(start: data, count: size))
    return 0
}
#else
@main
struct FuzzLoadReplay {
    static func main() {
        for path in CommandLine.arguments.dropFirst() {
            guard let bytes = FileBytes.read(path) else { print("cannot read \(path)"); continue }
            bytes.withUnsafeBufferPointer { FuzzLoad.run($0) }
            print("ok \(path)")
        }
    }
}
#endif
