import QQData

/// The sample's account attributes, in roster order: handle, name, topic, joined,
/// posts, verified and bio. Dates and counts are drawn per role so that they tell
/// part of the story too: stars joined early and post a lot, bots joined together in
/// six weeks of 2024, never posted and left their profiles empty.
struct SampleProfiles {
    var handle: [String] = []
    var name: [String] = []
    /// Topic name; nil for bots, which claim none.
    var topic: [String?] = []
    /// Days since 1970-01-01.
    var joined: [Int32] = []
    var posts: [Int64] = []
    var verified: [Bool] = []
    /// nil for bots and for the few regular accounts that left it empty.
    var bio: [String?] = []

    init(roster r: SampleRoster) {
        var rng = SampleRandom.phase(4)
        var taken = Set<String>()
        var rank = [Int](repeating: 0, count: r.role.count)
        for list in r.stars + r.experts { for (k, a) in list.enumerated() { rank[a] = k } }
        for (i, a) in r.ring.enumerated() { rank[a] = i }
        for a in 0..<r.role.count {
            let t = r.topic[a]
            let topicName = SampleRoster.topics[t]
            var h: String, n: String, b: String?, tp: String? = topicName
            switch r.role[a] {
            case .star:
                (h, n, b) = SampleNames.stars[t][rank[a]]
                append(&rng, from: (2009, 1, 1), to: (2013, 1, 1), posts: 3000, span: 12000, verified: true)
            case .expert:
                (h, n, b) = SampleNames.experts[t][rank[a]]
                append(&rng, from: (2010, 1, 1), to: (2017, 1, 1), posts: 800, span: 3200, verified: false)
            case .bought:
                (h, n, b) = SampleNames.bought
                append(&rng, from: (2019, 1, 1), to: (2020, 1, 1), posts: 2000, span: 1000, verified: true)
            case .ring:
                let first = SampleNames.ring[rank[a]]
                h = first + "_growth"; n = SampleProfiles.capitalized(first) + " | Follow back 100%"
                b = "Follow me and I follow back! #f4f #followback"
                append(&rng, from: (2021, 1, 1), to: (2023, 1, 1), posts: 100, span: 300, verified: false)
            case .bot:
                let first = rng.element(SampleNames.first)
                repeat { h = first + String(10_000_000 + rng.below(90_000_000)) } while taken.contains(h)
                n = SampleProfiles.capitalized(first); b = nil; tp = nil
                append(&rng, from: (2024, 3, 1), to: (2024, 4, 15), posts: 0, span: 1, verified: false)
            case .crowd, .customer, .lurker:
                let f = rng.element(SampleNames.first), l = rng.element(SampleNames.last)
                h = f + "_" + l
                while taken.contains(h) { h = f + "_" + l + String(rng.below(100)) }
                n = SampleProfiles.capitalized(f) + " " + SampleProfiles.capitalized(l)
                b = rng.chance(0.05) ? nil : rng.element(SampleNames.crowdBios[t])
                let u = rng.unit()
                append(&rng, from: (2009, 6, 1), to: (2024, 2, 1), posts: 5 + Int64(1500 * u * u), span: 1,
                       verified: rng.chance(0.01))
            }
            taken.insert(h)
            handle.append(h); name.append(n); topic.append(tp); bio.append(b)
        }
        disguise(r, &taken)
    }

    /// Second edition: bots of three kinds and lurkers, drawn from their own stream after
    /// every other profile, so the other accounts keep their handles and attributes.
    /// Farm bots stay as drawn (no topic, no bio, never posted, joined in six weeks of
    /// 2024). Spam bots post links (50–2,000 posts), joined 2022–2024. Camouflaged bots
    /// look like the crowd: a regular handle and name, their farm's topic, a bio, 3–60
    /// posts, joined 2015–2023. Lurkers read and never post: 0 posts, no topic, and a
    /// third of them no bio.
    private mutating func disguise(_ r: SampleRoster, _ taken: inout Set<String>) {
        var rng = SampleRandom.phase(7)
        func day(_ y: Int, _ m: Int, _ d: Int) -> Int32 { CivilDate(year: y, month: m, day: d).daysSinceEpoch }
        for a in r.bots {
            switch r.botKind[a] {
            case .farm: continue
            case .spam:
                posts[a] = 50 + Int64(rng.below(1950))
                joined[a] = day(2022, 1, 1) + Int32(rng.below(Int(day(2024, 4, 15) - day(2022, 1, 1))))
            case .camouflaged:
                let t = r.topic[a]
                let f = rng.element(SampleNames.first), l = rng.element(SampleNames.last)
                var h = f + "_" + l
                while taken.contains(h) { h = f + "_" + l + String(rng.below(100)) }
                taken.remove(handle[a]); taken.insert(h)
                handle[a] = h
                name[a] = SampleProfiles.capitalized(f) + " " + SampleProfiles.capitalized(l)
                topic[a] = SampleRoster.topics[t]
                bio[a] = rng.element(SampleNames.crowdBios[t])
                posts[a] = 3 + Int64(rng.below(58))
                joined[a] = day(2015, 1, 1) + Int32(rng.below(Int(day(2024, 1, 1) - day(2015, 1, 1))))
            }
        }
        for a in r.lurkers {
            posts[a] = 0
            topic[a] = nil
            if rng.chance(1.0 / 3) { bio[a] = nil }
        }
    }

    /// Appends joined (uniform in [from, to)), posts (`posts + below(span)`) and verified.
    private mutating func append(_ rng: inout SplitMix64, from: (Int, Int, Int), to: (Int, Int, Int),
                                 posts: Int64, span: Int, verified v: Bool) {
        let lo = CivilDate(year: from.0, month: from.1, day: from.2).daysSinceEpoch
        let hi = CivilDate(year: to.0, month: to.1, day: to.2).daysSinceEpoch
        joined.append(lo + Int32(rng.below(Int(hi - lo))))
        self.posts.append(posts + Int64(rng.below(span)))
        verified.append(v)
    }

    static func capitalized(_ s: String) -> String { s.prefix(1).uppercased() + s.dropFirst() }

    /// Dataset order: by join date, ties in roster order. `perm[rosterId]` is the dataset id.
    func order() -> (perm: [UInt32], rows: [Int]) {
        let rows = joined.indices.sorted { (joined[$0], $0) < (joined[$1], $1) }
        var perm = [UInt32](repeating: 0, count: rows.count)
        for (id, a) in rows.enumerated() { perm[a] = UInt32(id) }
        return (perm, rows)
    }

    /// The accounts table in dataset order (`rows[id]` is the roster id of dataset id `id`).
    func table(rows: [Int]) -> Table {
        var h = ColumnBuilder(type: .string, capacity: rows.count), n = ColumnBuilder(type: .string, capacity: rows.count)
        var tp = ColumnBuilder(type: .string, capacity: rows.count), j = ColumnBuilder(type: .date, capacity: rows.count)
        var p = ColumnBuilder(type: .int, capacity: rows.count), v = ColumnBuilder(type: .bool, capacity: rows.count)
        var b = ColumnBuilder(type: .string, capacity: rows.count)
        for a in rows {
            h.append(.string(handle[a])); n.append(.string(name[a]))
            tp.append(topic[a].map(Value.string) ?? .null)
            j.append(.date(joined[a])); p.append(.int(posts[a])); v.append(.bool(verified[a]))
            b.append(bio[a].map(Value.string) ?? .null)
        }
        return Table(names: ["handle", "name", "topic", "joined", "posts", "verified", "bio"],
                     columns: [h.finish(), n.finish(), tp.finish(), j.finish(), p.finish(), v.finish(), b.finish()])
    }
}
