import QQData

/// The synthetic graphs of `scripts/metric-reference` (`generate()`), reproduced bit
/// for bit so that only NetworkX's values, not the edge lists, need committing.
struct LCG {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    /// Knuth's MMIX LCG; the high 31 bits.
    mutating func next() -> UInt64 {
        state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
        return state >> 33
    }
}

/// Rows as the generator emits them, before any cleaning.
struct GeneratedRows {
    var n: Int
    var follows: (src: [UInt32], dst: [UInt32])
    var layers: [(name: String, src: [UInt32], dst: [UInt32], weight: [Double])]
    var posts: [Int64]

    init(n: Int, rows: Int, seed: UInt64) {
        self.n = n
        var g = LCG(seed: seed)
        let senders = UInt64(n * 8 / 10), reach = UInt64(n * 95 / 100)
        func rowsOf(_ count: Int, weighted: Bool) -> ([UInt32], [UInt32], [Double]) {
            var s: [UInt32] = [], d: [UInt32] = [], w: [Double] = []
            for i in 0..<count {
                if i % 20 == 19 && !s.isEmpty {
                    s.append(s.last!); d.append(d.last!); w.append(w.last!)
                    continue
                }
                let src = g.next() % senders
                var dst = (g.next() % reach) * (g.next() % reach) / reach
                if i % 50 == 49 { dst = src }
                let weight = weighted ? Double(1 + g.next() % 3) : 1
                s.append(UInt32(src)); d.append(UInt32(dst)); w.append(weight)
            }
            return (s, d, w)
        }
        let f = rowsOf(rows, weighted: false)
        follows = (f.0, f.1)
        let repost = rowsOf(rows / 4, weighted: true)
        let mention = rowsOf(rows / 8, weighted: true)
        layers = [("repost", repost.0, repost.1, repost.2), ("mention", mention.0, mention.1, mention.2)]
        var p: [Int64] = []
        for _ in 0..<n { p.append(g.next() % 10 == 0 ? 0 : Int64(g.next() % 500)) }
        posts = p
    }

    /// The follow layer and interaction layers as qq builds them.
    func build() -> (follows: Layer, layers: [Layer]) {
        let f = CSRBuilder.build(name: "follow", nodeCount: n, src: follows.src, dst: follows.dst)
        let ls = layers.map { CSRBuilder.build(name: $0.name, nodeCount: n, src: $0.src, dst: $0.dst, weights: $0.weight) }
        return (f, ls)
    }
}
