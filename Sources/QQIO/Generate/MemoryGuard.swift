#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import QQData

/// Refuses a `generate` whose graph would not fit in memory, before anything is
/// allocated: asked for `generate accounts 1B follows 500B`, qq says so instead of
/// being killed by the system half an hour later.
///
/// The estimate is the generator's measured peak (about 130 bytes per account and
/// 18 per follow, with both CSR directions, the edge arrays and the accounts table
/// alive at once) rounded up; the budget is 80 % of physical memory, or of the
/// address-space limit (`ulimit -v`) when that is lower.
enum MemoryGuard {
    static let bytesPerAccount = 160.0
    static let bytesPerFollow = 24.0

    /// Throws a runtime diagnostic when `generate accounts n follows m` would not fit.
    static func checkGenerate(accounts n: Int, follows m: Int) throws(Diagnostic) {
        let need = Double(n) * bytesPerAccount + Double(m) * bytesPerFollow
        let budget = 0.8 * memoryLimit()
        guard need > budget else { return }
        throw Diagnostic(.runtime, "generating \(grouped(n)) accounts and \(grouped(m)) follows needs about \(bytes(need)) "
                         + "of memory; this machine allows about \(bytes(budget))",
                         hint: "generate a smaller graph")
    }

    /// Physical memory, or the address-space limit when it is lower.
    static func memoryLimit() -> Double {
        var physical = Double(sysconf(Int32(_SC_PHYS_PAGES))) * Double(sysconf(Int32(_SC_PAGESIZE)))
        if physical <= 0 { physical = Double(Int64.max) }
        var limit = rlimit()
        if getrlimit(RLIMIT_AS_VALUE, &limit) == 0 && limit.rlim_cur != rlim_t.max {  // RLIM_INFINITY
            return min(physical, Double(limit.rlim_cur))
        }
        return physical
    }

    /// `RLIMIT_AS` as `getrlimit` takes it (an enum on glibc, an Int32 elsewhere).
    #if canImport(Glibc)
    private static let RLIMIT_AS_VALUE = __rlimit_resource_t(RLIMIT_AS.rawValue)
    #else
    private static let RLIMIT_AS_VALUE = RLIMIT_AS
    #endif

    /// `1.2 GB`, `3 TB`: decimal units, two significant digits.
    static func bytes(_ b: Double) -> String {
        let units = ["bytes", "KB", "MB", "GB", "TB", "PB", "EB"]
        var v = b, u = 0
        while v >= 1000 && u < units.count - 1 { v /= 1000; u += 1 }
        let shown = v >= 10 ? String(Int(v.rounded())) : String(Double(Int((v * 10).rounded())) / 10)
        return "\(shown) \(units[u])"
    }
}
