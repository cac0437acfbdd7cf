#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Asks Linux to back large, randomly accessed arrays (hash tables, CSR scatter targets)
/// with 2 MiB pages: with 4 KiB pages nearly every random access also misses the TLB.
/// Only a hint (`madvise(MADV_HUGEPAGE)` on the aligned middle of the range); it does
/// nothing elsewhere or when transparent huge pages are off.
public enum HugePages {
    public static func advise(_ p: UnsafeMutableRawPointer?, _ count: Int) {
        #if os(Linux)
        guard let p, count >= 4 << 20 else { return }
        let huge = 1 << 21
        let start = (Int(bitPattern: p) + huge - 1) & ~(huge - 1)
        let end = (Int(bitPattern: p) + count) & ~(huge - 1)
        if end > start { _ = madvise(UnsafeMutableRawPointer(bitPattern: start), end - start, 14 /* MADV_HUGEPAGE */) }
        #endif
    }
}
