import QQData
import QQSyntax
import QQSemantic

extension Executor {
    /// `sample N [seed S]` (the seed setting when no seed is given).
    package func sample(_ f: Frame, _ n: BoundExpr, seed: BoundExpr?) throws(Diagnostic) -> Frame {
        let k = try count(n, what: "'sample' count")
        let s = try seed.map { (e) throws(Diagnostic) in Int64(try count(e, what: "'sample' seed")) } ?? rt.settings.seed
        return f.select(Sampling.choose(k, of: f.count, seed: UInt64(bitPattern: s)))
    }
}

/// `sample N [seed S]`: a reproducible random subset, kept in its original order.
package enum Sampling {
    /// `k` distinct positions of `0..<n` (all of them when k ≥ n), ascending; a partial
    /// Fisher–Yates shuffle driven by SplitMix64, so a seed always picks the same rows.
    package static func choose(_ k: Int, of n: Int, seed: UInt64) -> [UInt32] {
        if k >= n { return (0..<UInt32(n)).map { $0 } }
        var rng = SplitMix64(seed: seed)
        var picked: [Int: Int] = [:]
        var out: [UInt32] = []
        out.reserveCapacity(k)
        for i in 0..<k {
            let j = i + Int(rng.next() % UInt64(n - i))
            let vj = picked[j] ?? j
            picked[j] = picked[i] ?? i
            out.append(UInt32(vj))
        }
        out.sort()
        return out
    }
}
