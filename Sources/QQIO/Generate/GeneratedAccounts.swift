#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import QQData

/// The accounts table of a generated graph: handles `u000123` (zero-padded to at
/// least six digits) and columns that give queries something to filter on:
/// `posts` (int, log-normal, more for active accounts), `joined` (date, 2008–2024),
/// `verified` (bool, the most popular 0.1 % and a few others), `lang` (string, about
/// 5 % null). Every value comes from the account's own random stream.
enum GeneratedAccounts {
    static let languages = ["en", "es", "ja", "pt", "ar", "fr", "de", "tr", "ko", "id"]
    static let languageWeights = [0.42, 0.14, 0.12, 0.08, 0.06, 0.05, 0.04, 0.04, 0.03, 0.02]

    /// Polls Ctrl-C every 64k accounts.
    static func table(n: Int, popularity: [Double], degrees: [Int], seed: UInt64) throws(Diagnostic) -> (table: Table, handles: StringStore) {
        let width = max(6, String(max(n - 1, 0)).count)
        var handles = StringStore()
        handles.bytes.reserveCapacity(n * (width + 1))
        handles.offsets.reserveCapacity(n + 1)
        var digits = [UInt8](repeating: 48, count: width)
        for u in 0..<n {
            if u & 0xFFFF == 0 { try Cancellation.check() }
            var x = u, k = width - 1
            while k >= 0 { digits[k] = UInt8(48 + x % 10); x /= 10; k -= 1 }
            handles.bytes.append(117)
            handles.bytes.append(contentsOf: digits)
            handles.offsets.append(handles.bytes.count)
        }
        // Popularity threshold for the top 0.1 %.
        let top = max(1, n / 1000)
        let cutoff = pow(Double(top), -0.8)
        let start = CivilDate(year: 2008, month: 1, day: 1).daysSinceEpoch
        let span = Int(CivilDate(year: 2024, month: 12, day: 31).daysSinceEpoch - start) + 1
        var posts = [Int64](repeating: 0, count: n)
        var joined = [Int32](repeating: 0, count: n)
        var verified = [Bool](repeating: false, count: n)
        var lang = StringStore()
        var langValid = Bitmap(count: n, value: true)
        let langBytes = languages.map { Array($0.utf8) }
        for u in 0..<n {
            if u & 0xFFFF == 0 { try Cancellation.check() }
            var rng = SplitMix64(seed: seed, purpose: 4, index: UInt64(u))
            let mu = 3.5 + 0.6 * log1p(Double(degrees[u]))
            posts[u] = Int64(min(5e6, exp(mu + 1.4 * rng.normal())).rounded(.down))
            joined[u] = start + Int32(rng.below(span))
            verified[u] = popularity[u] >= cutoff || rng.below(2000) == 0
            if rng.below(20) == 0 {
                lang.appendEmpty(); langValid[u] = false
            } else {
                var r = rng.unit(), i = 0
                while i < languageWeights.count - 1 && r >= languageWeights[i] { r -= languageWeights[i]; i += 1 }
                lang.append(utf8: langBytes[i])
            }
        }
        let table = Table(names: ["handle", "posts", "joined", "verified", "lang"], columns: [
            Column(.string(handles)), Column(.int(posts)), Column(.date(joined)), Column(.bool(verified)),
            Column(.string(lang), valid: langValid),
        ])
        return (table, handles)
    }
}
