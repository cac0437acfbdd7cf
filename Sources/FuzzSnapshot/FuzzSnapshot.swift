#if canImport(Glibc)
import Glibc
#endif
import QQData
import QQIO

// libFuzzer target for the snapshot loader (`.qqs`): header, section table, checksums,
// and every check of counts, offsets, strings, ids, weights and the handle index.
//
// An input is a snapshot file. The harness first fixes up its length and checksums
// (`SnapshotFuzzInput.fixUp`), so that a mutation reaches the parser instead of
// stopping at a checksum mismatch. The custom mutator alternates libFuzzer's byte
// mutations with structure-aware ones (`SnapshotFuzzInput.mutate`: a table field or
// one count, offset, id or weight set to an interesting value or nudged). A load must
// succeed with a consistent dataset or throw a Diagnostic naming the file; it must
// never crash, hang or allocate without bound.
//
// Seeds are not committed: `QQ_FUZZ_WRITE_SEEDS=DIR FuzzSnapshot` writes small valid
// snapshots into DIR and exits (scripts/fuzz does this). Built by `scripts/fuzz` with
// `-sanitize=fuzzer,address -DFUZZ`; without `FUZZ` the same body runs each file named
// on the command line (regression replay).

enum FuzzSnapshot {
    static let folder: String = {
        var st = stat()
        return stat("/dev/shm", &st) == 0 ? "/dev/shm" : "/tmp"
    }()

    static func run(_ bytes: UnsafeBufferPointer<UInt8>) {
        var b = Array(bytes)
        SnapshotFuzzInput.fixUp(&b)
        _ = SnapshotFuzzInput.load(b, in: folder)
    }

    /// Writes the seed snapshots into `dir` when `QQ_FUZZ_WRITE_SEEDS=dir`; true if it did.
    static func writeSeedsIfAsked() -> Bool {
        guard let dir = getenv("QQ_FUZZ_WRITE_SEEDS").map({ String(cString: $0) }) else { return false }
        for (i, s) in SnapshotFuzzInput.seeds(in: folder).enumerated() {
            guard let f = fopen("\(dir)/seed-\(i).qqs", "wb") else { continue }
            _ = s.withUnsafeBytes { fwrite($0.baseAddress, 1, $0.count, f) }
            fclose(f)
        }
        return true
    }
}

#if FUZZ
@_cdecl("LLVMFuzzerInitialize")
public func fuzzSnapshotInitialize(_ argc: UnsafeMutablePointer<CInt>, _ argv: UnsafeMutableRawPointer) -> CInt {
    if FuzzSnapshot.writeSeedsIfAsked() { exit(0) }
    return 0
}

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzSnapshotTestOneInput(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    FuzzSnapshot.run(UnsafeBufferPointer(start: data, count: size))
    return 0
}

/// libFuzzer's own byte-level mutator, found at run time (it is part of the fuzzer runtime).
typealias ByteMutator = @convention(c) (UnsafeMutablePointer<UInt8>, Int, Int) -> Int
nonisolated(unsafe) let byteMutator: ByteMutator? = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "LLVMFuzzerMutate")
    .map { unsafeBitCast($0, to: ByteMutator.self) }

@_cdecl("LLVMFuzzerCustomMutator")
public func fuzzSnapshotCustomMutator(_ data: UnsafeMutablePointer<UInt8>, _ size: Int, _ maxSize: Int, _ seed: CUnsignedInt) -> Int {
    var random = SplitMix64(seed: UInt64(seed))
    if seed % 3 != 0 || size == 0, let byteMutator { return byteMutator(data, size, maxSize) }
    if size == 0 { return 0 }
    var b = Array(UnsafeBufferPointer(start: data, count: size))
    for _ in 0..<Int.random(in: 1...3, using: &random) { SnapshotFuzzInput.mutate(&b, random: &random) }
    b.withUnsafeBufferPointer { data.update(from: $0.baseAddress!, count: min(size, maxSize)) }
    return min(size, maxSize)
}
#else
@main
struct FuzzSnapshotReplay {
    static func main() {
        if FuzzSnapshot.writeSeedsIfAsked() { return }
        for path in CommandLine.arguments.dropFirst() {
            guard let bytes = FileBytes.read(path) else { print("cannot read \(path)"); continue }
            bytes.withUnsafeBufferPointer { FuzzSnapshot.run($0) }
            print("ok \(path)")
        }
    }
}
#endif
