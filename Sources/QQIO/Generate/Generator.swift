#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import QQData

/// `generate accounts N follows M seed S` (SPEC §2): a synthetic directed social graph
/// with exactly M follows, deterministic per seed whatever the thread count.
///
/// Model (a directed Chung–Lu graph with reciprocation):
/// 1. Each account gets a popularity `rank^-0.8` and an activity `rank^-0.6` from two
///    independent random rankings, so followers (pdf exponent ≈ 2.25) and following are
///    both heavy-tailed; following is capped at 5,000 (Twitter's old follow limit)
///    or 50× the mean, whichever is larger, and never above N − 1.
/// 2. 85 % of the follows are drawn row by row: account u follows `d_u` distinct
///    accounts (d_u ∝ activity, rounded so they sum exactly), each drawn ∝ popularity
///    with an alias table; rows run on both cores, each from its own random stream.
/// 3. The other 15 % are follow-backs: the base follows with the smallest hash values
///    among those not already reciprocated get their reverse edge. Reciprocity
///    (NetworkX `overall_reciprocity`) comes out near 30 % plus the chance mutuals.
///
/// - Complexity: O(N + M) expected time, O(N + M) memory.
public enum Generator {
    /// SPEC §2 `generate accounts N follows M seed S`.
    public static func generate(accounts n: Int, follows m: Int, seed: UInt64,
                                progress: any ProgressSink) throws(Diagnostic) -> Dataset {
        guard n >= 1 && n <= 1 << 31 else {
            throw Diagnostic(.runtime, "expected between 1 and 2,147,483,648 accounts, found \(grouped(n))")
        }
        guard m >= 0 && m <= n * (n - 1) else {
            throw Diagnostic(.runtime, "\(grouped(n)) accounts can have at most \(grouped(n * (n - 1))) follows, asked for \(grouped(m))")
        }
        try MemoryGuard.checkGenerate(accounts: n, follows: m)
        // One bar counted in follow rows (each phase stands for its share of the
        // work), so its rate and ETA are rows per second, not phases.
        let rows = max(m, n)
        func share(_ f: Double) -> Int { Int(Double(rows) * f) }
        progress.begin("generating \(grouped(n)) accounts, \(grouped(m)) follows", total: rows)
        defer { progress.end() }
        let followBacks = n >= 3 ? Int((Double(m) * 0.15).rounded()) : 0
        let base = m - followBacks
        let popularity = try rankWeights(n, exponent: 0.8, seed: seed, purpose: 1)
        let activity = try rankWeights(n, exponent: 0.6, seed: seed, purpose: 2)
        let degrees = try outDegrees(activity, total: base, n: n)
        progress.update(share(0.1))
        let baseCSR = try drawRows(degrees: degrees, popularity: popularity, seed: seed)
        progress.update(share(0.45))
        try Cancellation.check()
        let backs = try FollowBacks.choose(baseCSR, count: followBacks, seed: seed)
        progress.update(share(0.55))
        var src = [UInt32](), dst = [UInt32]()
        src.reserveCapacity(m); dst.reserveCapacity(m)
        for u in 0..<n {
            if u & 0xFFFF == 0 {
                try Cancellation.check()
                progress.update(share(0.55 + 0.2 * Double(u) / Double(n)))
            }
            for t in baseCSR.neighbors(u) { src.append(UInt32(u)); dst.append(t) }
        }
        for (u, v) in backs { src.append(v); dst.append(u) }
        // Fill any shortfall (tiny dense graphs only) with uniformly drawn new pairs.
        if src.count < m { try topUp(&src, &dst, n: n, m: m, seed: seed) }
        progress.update(share(0.75))
        let follows = try CSRBuilder.buildCancellable(name: "follow", nodeCount: n, taking: &src, &dst)
        progress.update(share(0.95))
        let accounts = try GeneratedAccounts.table(n: n, popularity: popularity, degrees: degrees, seed: seed)
        progress.update(rows)
        let index: HandleIndex
        do { index = try HandleIndex(uniqueHandles: accounts.handles) } catch {
            throw Diagnostic(.internal, "generated handle '\(error.handle)' twice")
        }
        return Dataset(accounts: accounts.table, handles: index, follows: follows, layers: [],
                       origin: "generate accounts \(n) follows \(m) seed \(seed)")
    }

    /// `rank^-exponent` for a random ranking of the accounts.
    /// Polls Ctrl-C every 64k accounts (these loops take seconds at a billion accounts).
    static func rankWeights(_ n: Int, exponent: Double, seed: UInt64, purpose: UInt64) throws(Diagnostic) -> [Double] {
        var order = [UInt32](unsafeUninitializedCapacity: n) { b, c in for i in 0..<n { b[i] = UInt32(i) }; c = n }
        var rng = SplitMix64(seed: seed, purpose: purpose, index: 0)
        if n > 1 {
            for i in stride(from: n - 1, to: 0, by: -1) {
                if i & 0xFFFF == 0 { try Cancellation.check() }
                order.swapAt(i, rng.below(i + 1))
            }
        }
        var w = [Double](repeating: 0, count: n)
        for (rank, v) in order.enumerated() {
            if rank & 0xFFFF == 0 { try Cancellation.check() }
            w[Int(v)] = pow(Double(rank + 1), -exponent)
        }
        return w
    }

    /// Out-degrees proportional to `activity`, summing to `total`, capped per account.
    static func outDegrees(_ activity: [Double], total: Int, n: Int) throws(Diagnostic) -> [Int] {
        let cap = min(n - 1, max(5000, 50 * (total / max(n, 1) + 1)))
        let sum = activity.reduce(0, +)
        var d = [Int](repeating: 0, count: n)
        var acc = 0.0, given = 0
        for u in 0..<n {
            if u & 0xFFFF == 0 { try Cancellation.check() }
            acc += activity[u] * Double(total) / sum
            let upTo = u == n - 1 ? total : min(total, Int(acc.rounded(.down)))
            d[u] = min(cap, max(0, upTo - given))
            given += d[u]
        }
        // What the cap cut off goes to accounts below it, one follow each per pass.
        var left = total - given
        while left > 0 {
            for u in 0..<n where d[u] < cap && left > 0 { d[u] += 1; left -= 1 }
        }
        return d
    }

    /// Rows of distinct targets drawn ∝ popularity, on both cores.
    static func drawRows(degrees: [Int], popularity: [Double], seed: UInt64) throws(Diagnostic) -> CSR {
        let n = degrees.count
        var offsets = [Int](repeating: 0, count: n + 1)
        for u in 0..<n { offsets[u + 1] = offsets[u] + degrees[u] }
        let m = offsets[n]
        let alias = AliasTable(weights: popularity)
        // Split rows where half of the edges are.
        var mid = 0
        while mid < n && offsets[mid] < m / 2 { mid += 1 }
        let targets = [UInt32](unsafeUninitializedCapacity: m) { buf, count in
            let out = UncheckedSendable(buf)
            offsets.withUnsafeBufferPointer { o in
                Parallel.onEach(2) { part in
                    let rows = part == 0 ? 0..<mid : mid..<n
                    var row = [UInt32]()
                    for u in rows {
                        if u & 4095 == 0 && Cancellation.isRequested { return }
                        RowDrawer.draw(u: u, degree: o[u + 1] - o[u], n: n, alias: alias, seed: seed, into: &row)
                        for (k, t) in row.enumerated() { out.value[o[u] + k] = t }
                    }
                }
            }
            count = m
        }
        try Cancellation.check()
        return CSR(offsets: offsets, targets: targets)
    }

    /// Adds uniformly random new follows until there are `m` (dense tiny graphs).
    static func topUp(_ src: inout [UInt32], _ dst: inout [UInt32], n: Int, m: Int, seed: UInt64) throws(Diagnostic) {
        var have = Set<UInt64>()
        for i in 0..<src.count { have.insert(UInt64(src[i]) << 32 | UInt64(dst[i])) }
        var rng = SplitMix64(seed: seed, purpose: 9, index: 0)
        var missing: [UInt64] = []
        if m > n * (n - 1) / 2 {
            for u in 0..<n { for v in 0..<n where u != v && !have.contains(UInt64(u) << 32 | UInt64(v)) { missing.append(UInt64(u) << 32 | UInt64(v)) } }
            for i in stride(from: missing.count - 1, to: 0, by: -1) { missing.swapAt(i, rng.below(i + 1)) }
        }
        while src.count < m {
            let key: UInt64
            if let k = missing.popLast() { key = k } else {
                let u = rng.below(n), v = rng.below(n)
                if u == v { continue }
                key = UInt64(u) << 32 | UInt64(v)
                if have.contains(key) { continue }
            }
            have.insert(key)
            src.append(UInt32(key >> 32)); dst.append(UInt32(key & 0xFFFF_FFFF))
        }
    }
}

/// Draws one account's distinct follow targets.
enum RowDrawer {
    static func draw(u: Int, degree d: Int, n: Int, alias: AliasTable, seed: UInt64, into row: inout [UInt32]) {
        row.removeAll(keepingCapacity: true)
        if d == 0 { return }
        var rng = SplitMix64(seed: seed, purpose: 3, index: UInt64(u))
        if d * 2 > n - 1 {
            // Dense row: everyone but u, minus a uniform random set.
            row = (0..<n).filter { $0 != u }.map { UInt32($0) }
            for i in stride(from: row.count - 1, to: 0, by: -1) { row.swapAt(i, rng.below(i + 1)) }
            row.removeLast(row.count - d)
            row.sort()
            return
        }
        var attempts = 0
        while row.count < d {
            let need = d - row.count
            for _ in 0..<need {
                var t = alias.draw(&rng)
                attempts += 1
                if attempts > 40 * d { t = rng.below(n) }
                if t != u { row.append(UInt32(t)) }
            }
            row.sort()
            var w = 0
            for k in 0..<row.count where w == 0 || row[w - 1] != row[k] { row[w] = row[k]; w += 1 }
            row.removeLast(row.count - w)
        }
    }
}
