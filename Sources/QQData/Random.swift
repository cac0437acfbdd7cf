#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// SplitMix64 (Steele, Lea & Flood, "Fast splittable pseudorandom number generators",
/// OOPSLA 2014): qq's one seeded generator — tiny, fast, and the same stream on every
/// platform and Swift version, so a seed always gives the same sample, synthetic
/// graph, Louvain order and betweenness sources.
///
/// Streams are derived rather than shared: `init(seed:purpose:index:)` gives one stream
/// per account and purpose, so output never depends on how work is split between threads.
@frozen public struct SplitMix64: RandomNumberGenerator, Sendable {
    @usableFromInline var state: UInt64

    @inlinable public init(seed: UInt64) { state = seed }

    /// A stream for `(seed, purpose, index)`.
    @inlinable public init(seed: UInt64, purpose: UInt64, index: UInt64) {
        state = SplitMix64.mix(seed ^ SplitMix64.mix(purpose &* 0xD1B5_4A32_D192_ED03 ^ index))
    }

    /// The next 64 random bits.
    @inlinable @inline(__always) public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        return SplitMix64.mix(state)
    }

    /// SplitMix64's finaliser (a 64-bit bijection with good avalanche).
    @inlinable @inline(__always) public static func mix(_ x: UInt64) -> UInt64 {
        var z = x
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// Uniform in [0, 1) with 53 random bits.
    @inlinable @inline(__always) public mutating func unit() -> Double { Double(next() >> 11) * 0x1.0p-53 }

    /// Uniform in 0..<n by Lemire's multiply-shift, one draw (bias below n / 2^64:
    /// what the generator and the sample use, fast and fixed-cost).
    @inlinable @inline(__always) public mutating func below(_ n: Int) -> Int {
        Int(truncatingIfNeeded: next().multipliedFullWidth(by: UInt64(n)).high)
    }

    /// Exactly uniform in `0..<bound` (Lemire's multiply-shift with rejection): what the
    /// seeded metrics use.
    @inlinable public mutating func uniform(_ bound: Int) -> Int {
        precondition(bound > 0)
        let b = UInt64(bound)
        while true {
            let r = next().multipliedFullWidth(by: b)
            if r.low >= (0 &- b) % b { return Int(r.high) }
        }
    }

    /// Shuffles `a` in place (Fisher–Yates with `uniform`), the same order everywhere.
    @inlinable public mutating func shuffle<T>(_ a: inout [T]) {
        if a.count < 2 { return }
        for i in stride(from: a.count - 1, to: 0, by: -1) {
            a.swapAt(i, uniform(i + 1))
        }
    }

    /// A standard normal deviate (Box–Muller).
    public mutating func normal() -> Double {
        let u1 = max(unit(), 0x1.0p-60), u2 = unit()
        return (-2 * log(u1)).squareRoot() * cos(2 * Double.pi * u2)
    }

    /// True with probability `p`.
    @inlinable public mutating func chance(_ p: Double) -> Bool { unit() < p }

    /// A uniform integer in lo...hi.
    @inlinable public mutating func between(_ lo: Int, _ hi: Int) -> Int { lo + below(hi - lo + 1) }

    /// One element of a non-empty array.
    @inlinable public mutating func element<T>(_ a: [T]) -> T { a[below(a.count)] }
}
