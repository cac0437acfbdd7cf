import QQData

/// Chooses which base follows `u -> v` get a follow-back `v -> u`: among the edges
/// whose reverse is absent, the `count` with the smallest hash of `(seed, u, v)`.
/// The hash threshold keeps about 1.3× the needed candidates; a histogram of their
/// hashes finds the cut, so only one bucket is sorted.
///
/// - Complexity: O(M log d) for the reverse-edge checks, on both cores.
enum FollowBacks {
    static func choose(_ g: CSR, count: Int, seed: UInt64) throws(Diagnostic) -> [(UInt32, UInt32)] {
        let m = g.edgeCount
        guard count > 0, m > 0 else { return [] }
        var fraction = min(1.0, 1.3 * Double(count) / Double(m))
        while true {
            let threshold: UInt64 = fraction >= 1 ? .max : UInt64(fraction * 0x1.0p64)
            let cands = candidates(g, threshold: threshold, seed: seed)
            try Cancellation.check()
            if cands.count >= count || fraction >= 1 { return select(cands, count: count, threshold: threshold) }
            fraction = min(1.0, fraction * 2)
        }
    }

    @inline(__always) static func hash(_ seed: UInt64, _ u: Int, _ v: UInt32) -> UInt64 {
        SplitMix64.mix(seed ^ 0x5851_F42D_4C95_7F2D ^ SplitMix64.mix(UInt64(u) << 32 | UInt64(v)))
    }

    /// Edges below the threshold whose reverse is not an edge: (hash, u, v).
    static func candidates(_ g: CSR, threshold: UInt64, seed: UInt64) -> [(UInt64, UInt32, UInt32)] {
        let n = g.nodeCount
        let parts = Parallel.map(2) { part -> [(UInt64, UInt32, UInt32)] in
            var out: [(UInt64, UInt32, UInt32)] = []
            let rows = part == 0 ? 0..<(n / 2) : (n / 2)..<n
            for u in rows {
                if u & 4095 == 0 && Cancellation.isRequested { break }
                for t in g.neighbors(u) {
                    let h = hash(seed, u, t)
                    if h < threshold && !g.hasEdge(Int(t), UInt32(u)) { out.append((h, UInt32(u), t)) }
                }
            }
            return out
        }
        return parts[0] + parts[1]
    }

    /// The `count` candidates with the smallest hashes (ties broken by edge).
    static func select(_ c: [(UInt64, UInt32, UInt32)], count: Int, threshold: UInt64) -> [(UInt32, UInt32)] {
        if c.count <= count { return c.map { ($0.1, $0.2) } }
        let buckets = 1 << 16
        // Bucket by the top 16 of the bits that hashes below the threshold can have.
        let width = threshold == .max ? 64 : 64 - threshold.leadingZeroBitCount
        let drop = max(0, width - 16)
        var hist = [Int](repeating: 0, count: buckets + 1)
        for x in c { hist[Int(x.0 >> UInt64(drop))] += 1 }
        var cut = 0, below = 0
        while below + hist[cut] < count { below += hist[cut]; cut += 1 }
        var chosen: [(UInt32, UInt32)] = []
        chosen.reserveCapacity(count)
        var edge: [(UInt64, UInt32, UInt32)] = []
        for x in c {
            let b = Int(x.0 >> UInt64(drop))
            if b < cut { chosen.append((x.1, x.2)) } else if b == cut { edge.append(x) }
        }
        edge.sort { $0.0 != $1.0 ? $0.0 < $1.0 : ($0.1, $0.2) < ($1.1, $1.2) }
        for x in edge.prefix(count - chosen.count) { chosen.append((x.1, x.2)) }
        return chosen
    }
}
