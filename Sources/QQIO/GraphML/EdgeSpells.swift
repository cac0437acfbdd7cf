import QQData

/// The `<spells>` of GEXF edges (SPEC §11: "GEXF carries edge times as spells"),
/// with `timeformat="double"`: Unix seconds (fractions for sub-second times), which
/// Gephi's timeline and NetworkX's `read_gexf` both read.
///
/// - A timed follow exists from when it began: one spell from its time to the latest
///   time anywhere in the dataset (no unfollow is recorded, and NetworkX needs an end).
/// - A pair of an interaction layer gets one instant spell (start = end) per timed event.
/// - Untimed rows have no spell: they hold at every time, as in a window (SPEC §8).
///
/// Datasets without edge times have none, and the graph is written static.
struct EdgeSpells {
    static let timeformat = "double"
    let isEmpty: Bool
    private let followTimes: [Int64]?
    private let end: Int64
    /// Per interaction layer: pair (src << 32 | dst) → event times, in file order.
    private let events: [[UInt64: [Int64]]]

    init(_ d: Dataset) {
        followTimes = d.follows.times
        var latest = Int64.min
        if let span = d.follows.timeSpan { latest = max(latest, span.1) }
        var perLayer: [[UInt64: [Int64]]] = []
        for l in d.layers {
            var pairs: [UInt64: [Int64]] = [:]
            if let e = l.events {
                for i in 0..<e.count where e.times[i] != EdgeEvents.untimed {
                    pairs[UInt64(e.src[i]) << 32 | UInt64(e.dst[i]), default: []].append(e.times[i])
                }
            }
            if let span = l.timeSpan { latest = max(latest, span.1) }
            perLayer.append(pairs)
        }
        events = perLayer
        end = latest
        isEmpty = latest == Int64.min
    }

    /// Unix seconds as the shortest decimal text.
    static func seconds(_ micros: Int64) -> String {
        micros % 1_000_000 == 0 ? String(micros / 1_000_000) : "\(Double(micros) / 1e6)"
    }

    /// The spells of the follow edge at CSR position `k`.
    func follow(_ k: Int) -> String {
        guard let t = followTimes?[k], t != EdgeEvents.untimed else { return "" }
        return "<spells><spell start=\"\(EdgeSpells.seconds(t))\" end=\"\(EdgeSpells.seconds(max(t, end)))\"/></spells>"
    }

    /// The spells of the pair `s → t` of interaction layer `layer`.
    func interaction(_ layer: Int, _ s: Int, _ t: Int) -> String {
        guard let times = events[layer][UInt64(s) << 32 | UInt64(t)], !times.isEmpty else { return "" }
        var out = "<spells>"
        for x in times.sorted() {
            let v = EdgeSpells.seconds(x)
            out += "<spell start=\"\(v)\" end=\"\(v)\"/>"
        }
        return out + "</spells>"
    }
}
