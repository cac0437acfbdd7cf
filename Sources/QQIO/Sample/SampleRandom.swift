import QQData

/// The sample's random numbers: qq's one generator (`SplitMix64`), one stream per
/// generation phase, so changing one phase does not reshuffle the others and the
/// sample is the same everywhere. `scripts/check-sample` relies on none of this: it
/// checks the exported data, not the generator.
enum SampleRandom {
    /// The seed every stream of the sample derives from.
    static let seed: UInt64 = 20_240_611

    /// The stream for one generation phase.
    static func phase(_ phase: UInt64) -> SplitMix64 { SplitMix64(seed: seed ^ phase) }
}
