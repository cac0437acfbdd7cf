import Foundation
import QQData
@testable import QQIO
import Testing

/// The built-in sample: its shape, its determinism, and the planted groups as
/// docs/SAMPLE.md describes them (graph-metric properties are in
/// QQMetricsTests/SampleDatasetTests.swift).
@Suite struct SampleTests {
    /// Built once for the suite (Swift Testing makes a suite instance per test).
    static let built = (SampleDataset.make(), SampleDataset.truth())
    var d: Dataset { SampleTests.built.0 }
    var truth: SampleDataset.Truth { SampleTests.built.1 }

    func followers(_ v: Int) -> Int { d.follows.inn.degree(v) }
    func following(_ v: Int) -> Int { d.follows.out.degree(v) }
    func ids(_ role: SampleDataset.Role) -> [Int] { truth.roles.indices.filter { truth.roles[$0] == role } }
    func id(_ handle: String) -> Int { Int(d.handles.id(of: handle)!) }

    @Test func shapeAndSchema() {
        #expect(d.accountCount == 2000)
        #expect(d.origin == "sample")
        #expect(d.isSample)
        #expect(d.createdFromEdges == 0)
        #expect(d.accounts.names == ["handle", "name", "topic", "joined", "posts", "verified", "bio"])
        #expect(d.accounts.columns.map(\.type) == [.string, .string, .string, .date, .int, .bool, .string])
        #expect(d.accounts.column("handle")!.nullCount == 0)
        #expect(d.handles.count == 2000)
        for i in 0..<d.accountCount { #expect(d.accounts.columns[0][i] == .string(d.handle(i))) }
        #expect(d.follows.name == "follow" && !d.follows.weighted)
        #expect(d.layers.map(\.name) == ["repost", "mention", "reply"])
        for l in [d.follows] + d.layers {
            #expect(l.nodeCount == 2000)
            #expect(l.droppedSelfLoops == 0 && l.duplicateRows == 0, "layer \(l.name) is clean")
            #expect(l.inn.edgeCount == l.out.edgeCount)
        }
        for l in d.layers {
            #expect(l.weighted)
            #expect(l.out.weights!.allSatisfy { $0 >= 1 && $0 == $0.rounded() }, "weights are counts")
        }
        #expect((60_000...80_000).contains(d.follows.edgeCount))
    }

    @Test func deterministic() {
        let clock = ContinuousClock()
        var e = d
        let took = clock.measure { e = SampleDataset.make() }
        print("SampleDataset.make() took \(took) (reported, not asserted)")
        #expect(e.follows == d.follows)
        #expect(e.layers == d.layers)
        for c in 0..<d.accounts.columnCount {
            for i in stride(from: 0, to: d.accountCount, by: 7) { #expect(e.accounts.columns[c][i] == d.accounts.columns[c][i]) }
        }
        #expect(SampleDataset.truth().roles == truth.roles)
        #expect(SampleDataset.truth().community == truth.community)
        #expect(SampleDataset.truth().kind == truth.kind)
        #expect(e.follows.times == d.follows.times)
        #expect(e.layers.map(\.events) == d.layers.map(\.events))
        #expect(e.truth.map { $0.rowCount } == 2000)
    }

    /// Follows and interactions carry times; bought follows arrive in bursts: every bot
    /// follow of one customer falls within one day.
    @Test func timesAndBursts() throws {
        let times = try #require(d.follows.times)
        #expect(times.count == d.follows.edgeCount)
        let end = DateTime.micros(day: CivilDate(year: 2024, month: 5, day: 31).daysSinceEpoch) + DateTime.microsPerDay
        #expect(times.allSatisfy { $0 > 0 && $0 < end })
        for l in d.layers {
            let ev = try #require(l.events, "\(l.name) has events")
            #expect(ev.weights.reduce(0, +) == l.totalWeight, "\(l.name): events sum to the layer's weights")
        }
        var checked = 0
        for c in ids(.customer) {
            var botTimes: [Int64] = []
            for v in 0..<d.accountCount where truth.roles[v] == .bot {
                let r = d.follows.out.offsets[v]..<d.follows.out.offsets[v + 1]
                if let k = r.first(where: { d.follows.out.targets[$0] == UInt32(c) }) { botTimes.append(times[k]) }
            }
            #expect(botTimes.max()! - botTimes.min()! <= DateTime.microsPerDay, "@\(d.handle(c))'s bought followers")
            checked += 1
            if checked == 20 { break }
        }
        #expect(checked == 20)
    }

    @Test func rowsAreInJoinOrder() {
        guard case .date(let joined) = d.accounts.column("joined")!.storage else { Issue.record("joined is not a date column"); return }
        #expect(zip(joined, joined.dropFirst()).allSatisfy { $0 <= $1 })
    }

    @Test func groupSizes() {
        #expect(ids(.star).count == 18)
        #expect(ids(.expert).count == 12)
        #expect(ids(.bought).count == 1)
        #expect(ids(.ring).count == 30)
        #expect(ids(.bot).count == 250)
        #expect((300...550).contains(ids(.customer).count))
        #expect((120...220).contains(ids(.lurker).count))
        #expect(ids(.crowd).count + ids(.customer).count + ids(.lurker).count == 1689)
        let kinds = Dictionary(grouping: ids(.bot).map { truth.kind[$0] }, by: { $0 }).mapValues(\.count)
        #expect(kinds == ["farm": 100, "spam": 50, "camouflaged": 100])
        #expect(Set(truth.community) == Set(SampleDataset.topics + ["ring"]))
        let topics = d.accounts.column("topic")!
        for i in 0..<d.accountCount where ![.bot, .ring, .lurker].contains(truth.roles[i]) {
            #expect(topics[i] == .string(truth.community[i]))
        }
    }

    /// Farm bots never posted and have no topic or bio, joined within six weeks of 2024;
    /// camouflaged bots have a topic, a bio and posts; lurkers never posted. The default
    /// rule `(following >= 50 and ratio <= 0.02) or posts == 0` flags every lurker and
    /// farm bot and no camouflaged bot (the full scoring is in QQLangTests/SampleTruthTests).
    @Test func botsAndLurkers() {
        let posts = d.accounts.column("posts")!, topic = d.accounts.column("topic")!, bio = d.accounts.column("bio")!
        let joined = d.accounts.column("joined")!
        let from = CivilDate(year: 2024, month: 3, day: 1).daysSinceEpoch, to = CivilDate(year: 2024, month: 4, day: 15).daysSinceEpoch
        for v in 0..<d.accountCount {
            let ratio = Double(followers(v)) / Double(max(following(v), 1))
            let suspicious = (following(v) >= 50 && ratio <= 0.02) || posts[v] == .int(0)
            switch (truth.roles[v], truth.kind[v]) {
            case (.bot, "farm"):
                #expect(suspicious && following(v) >= 40)
                #expect(posts[v] == .int(0) && topic[v] == .null && bio[v] == .null)
                if case .date(let j) = joined[v] { #expect(j >= from && j < to) } else { Issue.record("bot without join date") }
            case (.bot, "camouflaged"):
                #expect(!suspicious, "@\(d.handle(v))")
                #expect(topic[v] != .null && bio[v] != .null && posts[v] != .int(0))
            case (.lurker, _):
                #expect(suspicious && posts[v] == .int(0))
            case (.bot, _): break
            default:
                #expect(posts[v] != .int(0))
            }
        }
    }

    /// The bought account has the most followers, most of them bots.
    @Test func boughtAudience() {
        let b = ids(.bought)[0]
        #expect(d.handle(b) == "max_influence")
        #expect((0..<d.accountCount).allSatisfy { $0 == b || followers($0) < followers(b) })
        let fromBots = d.follows.inn.neighbors(b).filter { truth.roles[Int($0)] == .bot }.count
        #expect(Double(fromBots) / Double(followers(b)) > 0.7)
    }

    /// Everyone in the ring follows everyone else in it.
    @Test func ringIsAClique() {
        let ring = ids(.ring)
        for a in ring { for b in ring where a != b { #expect(d.follows.out.hasEdge(a, UInt32(b))) } }
    }

    /// Each customer bought a package of 20–60 bot followers, delivered by the 42 bots
    /// of its topic's farm (so at most 42 distinct ones).
    @Test func customersBoughtPackages() {
        for c in ids(.customer) {
            let bots = d.follows.inn.neighbors(c).filter { truth.roles[Int($0)] == .bot }.count
            #expect(bots >= 20, "@\(d.handle(c)) has \(bots) bot followers")
        }
    }

    /// Every star follows both experts of its topic; experts have few followers.
    @Test func starsFollowTheirExperts() {
        for s in ids(.star) {
            for e in ids(.expert) where truth.community[e] == truth.community[s] {
                #expect(d.follows.out.hasEdge(s, UInt32(e)), "@\(d.handle(s)) follows @\(d.handle(e))")
            }
        }
        let starMin = ids(.star).map(followers).min()!
        #expect(ids(.expert).allSatisfy { followers($0) * 4 < starMin })
    }

    /// docs/SAMPLE.md's cast table (`| @handle | role | topic | …`) matches the truth, so
    /// a lesson built on the docs stays right.
    @Test func docsCastMatchesTruth() throws {
        let docs = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("docs/SAMPLE.md")
        let text = try String(contentsOf: docs, encoding: .utf8)
        var checked = 0
        for line in text.split(separator: "\n") where line.hasPrefix("| @") {
            let cells = line.split(separator: "|").map { $0.trimmingCharacters(in: .whitespaces) }
            let handle = String(cells[0].dropFirst())
            guard let v = d.handles.id(of: handle) else { Issue.record("unknown handle @\(handle) in docs"); continue }
            #expect(truth.roles[Int(v)].rawValue == cells[1], "@\(handle) role")
            #expect(truth.community[Int(v)] == cells[2], "@\(handle) community")
            checked += 1
        }
        #expect(checked >= 18 + 12 + 1 + 30)
    }
}
