import QQData

/// Follow times for a generated graph (`generate … times`, SPEC §8), added after the
/// edges are drawn, so a seed gives exactly the edges it gives without times.
///
/// Organic growth: follows begin between 2016-01-01 and 2024-01-01, denser towards the
/// end (the fraction of the span is the square root of a uniform draw, so the follow
/// rate grows linearly). Planted bursts: about one account in 100 among those with
/// at least 20 followers gets half of its followers within one day at a random date
/// (a bought audience). Each time depends only on (seed, edge index), so it is the
/// same on every run.
public enum GeneratedTimes {
    public static let start: Int64 = 1_451_606_400 * DateTime.microsPerSecond  // 2016-01-01
    public static let end: Int64 = 1_704_067_200 * DateTime.microsPerSecond    // 2024-01-01

    /// The accounts that get a planted burst.
    public static func isBursting(_ v: Int, inDegree: Int, seed: UInt64) -> Bool {
        guard inDegree >= 20 else { return false }
        var rng = SplitMix64(seed: seed, purpose: 21, index: UInt64(v))
        return rng.below(100) == 0
    }

    public static func add(to d: inout Dataset, seed: UInt64) {
        let f = d.follows
        let n = f.nodeCount, span = Double(end - start)
        // The burst day of each bursting account (0 when none).
        var burstDay = [Int64](repeating: 0, count: n)
        for v in 0..<n where isBursting(v, inDegree: f.inn.degree(v), seed: seed) {
            var rng = SplitMix64(seed: seed, purpose: 22, index: UInt64(v))
            burstDay[v] = start + DateTime.floorDiv(Int64(rng.unit() * span), DateTime.microsPerDay) * DateTime.microsPerDay
        }
        var times = [Int64](repeating: 0, count: f.edgeCount)
        let parts = 2
        let chunk = (n + parts - 1) / parts
        times.withUnsafeMutableBufferPointer { tb in
            let out = UncheckedSendable(tb)
            Parallel.onEach(parts) { p in
                for v in (p * chunk)..<min(n, (p + 1) * chunk) {
                    for k in f.out.offsets[v]..<f.out.offsets[v + 1] {
                        var rng = SplitMix64(seed: seed, purpose: 20, index: UInt64(k))
                        let u = Int(f.out.targets[k])
                        let organic = start + Int64(rng.unit().squareRoot() * span)
                        let t = burstDay[u] != 0 && rng.unit() < 0.5
                            ? burstDay[u] + Int64(rng.unit() * Double(DateTime.microsPerDay)) : organic
                        out.value[k] = t - t % DateTime.microsPerSecond  // whole seconds
                    }
                }
            }
        }
        d.follows.times = times
        d.origin += " times"
    }
}
