import QQData

/// When things happened in the sample (second edition, SPEC §8): a time on every
/// follow and an event per interaction, so windows, `max_gain` and `plot line` have a
/// story to tell.
///
/// Organic follows begin after both accounts joined and before the sample's end
/// (2024-05-31), denser towards the end (the fraction of the span is the square root
/// of a uniform draw: a network that grows). Bought follows arrive in bursts: every
/// follow a bot gives a customer of the farm falls within one day, the customer's
/// burst day (between 2024-04-16 and 2024-05-25), and the bots reach @max_influence in
/// three bursts (2024-04-20, 2024-05-04, 2024-05-18). Each interaction of weight w is
/// w events of weight 1, spread uniformly between the later join date and the end.
/// Every time depends only on (seed, edge index), in whole seconds.
struct SampleTimes {
    static let end = DateTime.micros(day: CivilDate(year: 2024, month: 5, day: 31).daysSinceEpoch)
    static let burstsFrom = CivilDate(year: 2024, month: 4, day: 16).daysSinceEpoch
    static let burstsUntil = CivilDate(year: 2024, month: 5, day: 25).daysSinceEpoch
    static let boughtBursts = [(2024, 4, 20), (2024, 5, 4), (2024, 5, 18)].map {
        DateTime.micros(day: CivilDate(year: $0.0, month: $0.1, day: $0.2).daysSinceEpoch)
    }

    let roster: SampleRoster
    let profiles: SampleProfiles
    /// `rows[datasetId]` = roster id.
    let rows: [Int]
    /// Roster ids of the farm's customers.
    let customers: [Int]

    func add(to d: inout Dataset) {
        let seed = SampleRandom.seed
        var burst = [Int64](repeating: 0, count: roster.role.count)
        for c in customers {
            var rng = SplitMix64(seed: seed, purpose: 31, index: UInt64(c))
            let lo = max(SampleTimes.burstsFrom, profiles.joined[c] + 1)
            burst[c] = DateTime.micros(day: lo + Int32(rng.below(max(1, Int(SampleTimes.burstsUntil - lo)))))
        }
        var botIndex = [Int](repeating: -1, count: roster.role.count)
        for (i, b) in roster.bots.enumerated() { botIndex[b] = i }
        let f = d.follows
        var times = [Int64](repeating: 0, count: f.edgeCount)
        for v in 0..<f.nodeCount {
            let a = rows[v]
            for k in f.out.offsets[v]..<f.out.offsets[v + 1] {
                let b = rows[Int(f.out.targets[k])]
                var rng = SplitMix64(seed: seed, purpose: 32, index: UInt64(k))
                let t: Int64
                if roster.role[a] == .bot && burst[b] != 0 {
                    t = burst[b] + Int64(rng.unit() * Double(DateTime.microsPerDay))
                } else if roster.role[a] == .bot && b == roster.bought {
                    t = SampleTimes.boughtBursts[botIndex[a] % 3] + Int64(rng.unit() * Double(DateTime.microsPerDay))
                } else {
                    t = organic(a, b, &rng, shape: { $0.squareRoot() })
                }
                times[k] = t - t % DateTime.microsPerSecond
            }
        }
        d.follows.times = times
        for (li, layer) in d.layers.enumerated() {
            var src: [UInt32] = [], dst: [UInt32] = [], ts: [Int64] = [], ws: [Double] = []
            let w = layer.out.weights ?? []
            for v in 0..<layer.nodeCount {
                for k in layer.out.offsets[v]..<layer.out.offsets[v + 1] {
                    var rng = SplitMix64(seed: seed, purpose: 33 + UInt64(li), index: UInt64(k))
                    let n = max(1, Int(k < w.count ? w[k] : 1))
                    for _ in 0..<n {
                        let t = organic(rows[v], rows[Int(layer.out.targets[k])], &rng, shape: { $0 })
                        src.append(UInt32(v)); dst.append(layer.out.targets[k])
                        ts.append(t - t % DateTime.microsPerSecond); ws.append(1)
                    }
                }
            }
            d.layers[li].events = EdgeEvents(src: src, dst: dst, times: ts, weights: ws)
        }
    }

    /// A time between the later join date of `a` and `b` and the end; `shape` maps a
    /// uniform draw to the fraction of that span.
    private func organic(_ a: Int, _ b: Int, _ rng: inout SplitMix64, shape: (Double) -> Double) -> Int64 {
        let lo = DateTime.micros(day: max(profiles.joined[a], profiles.joined[b]) + 1)
        let span = max(0, SampleTimes.end - lo)
        return lo + Int64(shape(rng.unit()) * Double(span))
    }
}
