/// The sample's random numbers: SplitMix64 (Steele, Lea & Flood, "Fast splittable
/// pseudorandom number generators", OOPSLA 2014), chosen because it is tiny, fast and
/// gives the same stream on every platform, so the sample is the same everywhere.
///
/// Each generation phase uses its own stream (`SampleRandom(phase:)`), so changing one
/// phase does not reshuffle the others. `scripts/check-sample` relies on none of this:
/// it checks the exported data, not the generator.
struct SampleRandom {
    private var state: UInt64

    /// The seed every stream of the sample derives from.
    static let seed: UInt64 = 20_240_611

    /// The stream for one generation phase.
    init(phase: UInt64) { state = SampleRandom.seed ^ phase }

    /// The next 64 random bits.
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// A uniform double in [0, 1) with 53 random bits.
    mutating func unit() -> Double { Double(next() >> 11) * (1.0 / 9_007_199_254_740_992.0) }

    /// A uniform integer in 0..<n (multiply-high; the bias is below 2^-50 for our n).
    mutating func below(_ n: Int) -> Int { Int(next().multipliedFullWidth(by: UInt64(n)).high) }

    /// True with probability `p`.
    mutating func chance(_ p: Double) -> Bool { unit() < p }

    /// A uniform integer in lo...hi.
    mutating func between(_ lo: Int, _ hi: Int) -> Int { lo + below(hi - lo + 1) }

    /// One element of a non-empty array.
    mutating func element<T>(_ a: [T]) -> T { a[below(a.count)] }
}
