/// SplitMix64 (Steele, Lea & Flood 2014): a tiny, fast, seedable generator. The
/// generator derives one stream per account and purpose from the user's seed, so the
/// output never depends on how work is split between threads.
struct SplitMix64 {
    private var state: UInt64

    init(seed: UInt64) { state = seed }

    /// A stream for `(seed, purpose, index)`.
    init(seed: UInt64, purpose: UInt64, index: UInt64) {
        state = SplitMix64.mix(seed ^ SplitMix64.mix(purpose &* 0xD1B5_4A32_D192_ED03 ^ index))
    }

    @inline(__always) mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        return SplitMix64.mix(state)
    }

    @inline(__always) static func mix(_ x: UInt64) -> UInt64 {
        var z = x
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// Uniform in [0, 1).
    @inline(__always) mutating func unit() -> Double { Double(next() >> 11) * 0x1.0p-53 }

    /// Uniform in 0..<n (Lemire's multiply-shift; the bias is below 2^-32 for n < 2^32).
    @inline(__always) mutating func below(_ n: Int) -> Int {
        Int(truncatingIfNeeded: next().multipliedFullWidth(by: UInt64(n)).high)
    }

    /// A standard normal deviate (Box–Muller).
    mutating func normal() -> Double {
        let u1 = max(unit(), 0x1.0p-60), u2 = unit()
        return (-2 * log(u1)).squareRoot() * cos(2 * Double.pi * u2)
    }
}

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Vose's alias method: O(n) to build, O(1) per draw from a discrete distribution.
struct AliasTable {
    private var probability: [Double]
    private var alias: [UInt32]

    init(weights: [Double]) {
        let n = weights.count
        let total = weights.reduce(0, +)
        var scaled = weights.map { $0 * Double(n) / total }
        probability = [Double](repeating: 1, count: n)
        alias = [UInt32](repeating: 0, count: n)
        var small: [Int] = [], large: [Int] = []
        for i in 0..<n { if scaled[i] < 1 { small.append(i) } else { large.append(i) } }
        while let s = small.popLast(), let l = large.last {
            probability[s] = scaled[s]
            alias[s] = UInt32(l)
            scaled[l] -= 1 - scaled[s]
            if scaled[l] < 1 { large.removeLast(); small.append(l) }
        }
        for i in small + large { probability[i] = 1; alias[i] = UInt32(i) }
    }

    @inline(__always) func draw(_ rng: inout SplitMix64) -> Int {
        let r = rng.next()
        let i = Int(truncatingIfNeeded: r.multipliedFullWidth(by: UInt64(probability.count)).high)
        let u = Double(r & 0xF_FFFF_FFFF) * 0x1.0p-36
        return u < probability[i] ? i : Int(alias[i])
    }
}
