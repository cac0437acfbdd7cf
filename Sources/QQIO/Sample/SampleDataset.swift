import QQData

/// The built-in teaching dataset (`load sample`, and what `qq` starts with): 2,000
/// accounts in six topical communities, generated from a fixed seed in code, so it is
/// the same on every machine and needs no file.
///
/// It is built so that quantity (followers) and quality (PageRank, engagement, who the
/// followers are) disagree in ways a class can discover: genuine stars, one account
/// whose audience is mostly bought, a follow-for-follow ring, quiet experts that the
/// stars follow and repost, a bot farm with its customers. docs/SAMPLE.md lists every
/// planted group with its handles; `truth()` gives the same facts to tests.
///
/// Accounts columns: `handle`, `name`, `topic` (null for bots), `joined` (date),
/// `posts` (int), `verified` (bool), `bio` (null when empty). Layers: `follow`, and the
/// weighted interaction layers `repost`, `mention`, `reply`. Rows are in join order.
public enum SampleDataset {
    /// The planted role of an account (kept out of the data, so a class has to find it).
    public enum Role: String, Sendable, CaseIterable {
        /// Many followers, real engagement, high PageRank: quantity and quality agree.
        case star
        /// Few followers, but followed and reposted by the stars: high PageRank.
        case expert
        /// The account with the most followers, most of them bots.
        case bought
        /// Follow-for-follow: follows back everyone, little engagement.
        case ring
        /// A bought follower: follows many (the farm's customers), followed by few. Of
        /// three kinds (`Truth.kind`): `farm` (empty profile, never posted), `spam`
        /// (posts links, no bio) and `camouflaged` (a bio, a few posts, followed by other
        /// bots so its ratio looks plausible).
        case bot
        /// A regular account that bought 20–60 bot followers.
        case customer
        /// A regular account.
        case crowd
        /// A real regular account that reads and never posts: few followers, no
        /// interactions received; the default `suspicious` rule flags it (`posts == 0`).
        case lurker
    }

    /// The three kinds of bot (`Truth.kind` of a bot; empty for everyone else).
    public enum BotKind: String, Sendable, CaseIterable {
        case farm, spam, camouflaged
    }

    /// The six topics, which are also the planted communities.
    public static let topics: [String] = SampleRoster.topics

    /// The seed every random choice of the sample derives from.
    public static let seed: UInt64 = SampleRandom.seed

    /// The planted facts about each account, indexed by dataset id (account row).
    public struct Truth: Sendable {
        /// Each account's planted role.
        public var roles: [Role]
        /// Each account's planted community: its topic, a bot's farm topic (the topic
        /// most of its follows point into), or `ring` for the follow-for-follow ring,
        /// which is a community of its own. Louvain's communities are scored against this.
        public var community: [String]
        /// A bot's kind (`farm`, `spam`, `camouflaged`); "" for every other account.
        public var kind: [String]

        /// The truth table the `truth` source shows: handle, role, kind (null for
        /// non-bots) and label (the planted community), one row per account in load order.
        public func table(handles: [String]) -> Table {
            var h = ColumnBuilder(type: .string, capacity: roles.count), r = ColumnBuilder(type: .string, capacity: roles.count)
            var k = ColumnBuilder(type: .string, capacity: roles.count), c = ColumnBuilder(type: .string, capacity: roles.count)
            for i in roles.indices {
                h.append(.string(handles[i])); r.append(.string(roles[i].rawValue))
                k.append(kind[i].isEmpty ? .null : .string(kind[i])); c.append(.string(community[i]))
            }
            return Table(names: ["handle", "role", "kind", "label"], columns: [h.finish(), r.finish(), k.finish(), c.finish()])
        }
    }

    /// Builds the sample dataset (about 70,000 follows; a few milliseconds in release builds).
    ///
    /// - Complexity: O(n + m log m) for n accounts and m edges.
    public static func make() -> Dataset { SampleBuild().dataset() }

    /// The planted roles and communities, by dataset id.
    public static func truth() -> Truth { SampleBuild().truth() }
}

/// One run of the generator: roster → follows → interactions → profiles → dataset ids.
struct SampleBuild {
    let roster: SampleRoster
    let follows: SampleFollows
    let profiles: SampleProfiles
    /// `perm[rosterId]` = dataset id; `rows[datasetId]` = roster id.
    let perm: [UInt32]
    let rows: [Int]

    init() {
        roster = SampleRoster()
        follows = SampleFollows(roster: roster)
        profiles = SampleProfiles(roster: roster)
        (perm, rows) = profiles.order()
    }

    func truth() -> SampleDataset.Truth {
        var customers = [Bool](repeating: false, count: roster.role.count)
        for c in follows.customers { customers[c] = true }
        var roles: [SampleDataset.Role] = [], community: [String] = [], kind: [String] = []
        for a in rows {
            let r = roster.role[a]
            roles.append(r == .crowd && customers[a] ? .customer : r)
            community.append(r == .ring ? "ring" : SampleRoster.topics[roster.topic[a]])
            kind.append(r == .bot ? roster.botKind[a].rawValue : "")
        }
        return SampleDataset.Truth(roles: roles, community: community, kind: kind)
    }

    func dataset() -> Dataset {
        let n = roster.role.count
        var edges = SampleEdges()
        for i in follows.src.indices { edges.add(Int(follows.src[i]), Int(follows.dst[i]), 1) }
        let f = edges.finish(perm)
        let followLayer = CSRBuilder.build(name: "follow", nodeCount: n, src: f.src, dst: f.dst)
        // Interactions are drawn along the follows in dataset order, in roster ids.
        let inter = SampleInteractions(roster: roster, src: f.src.map { UInt32(rows[Int($0)]) },
                                       dst: f.dst.map { UInt32(rows[Int($0)]) })
        var layers: [Layer] = []
        for (name, e) in [("repost", inter.repost), ("mention", inter.mention), ("reply", inter.reply)] {
            let x = e.finish(perm)
            layers.append(CSRBuilder.build(name: name, nodeCount: n, src: x.src, dst: x.dst, weights: x.weights))
        }
        let table = profiles.table(rows: rows)
        let index: HandleIndex
        do {
            index = try HandleIndex(uniqueHandles: StringStore(rows.map { profiles.handle[$0] }))
        } catch {
            preconditionFailure("sample handles repeat: \(error.handle)")
        }
        var d = Dataset(accounts: table, handles: index, follows: followLayer, layers: layers,
                        origin: "sample", isSample: true)
        SampleTimes(roster: roster, profiles: profiles, rows: rows, customers: follows.customers).add(to: &d)
        d.truth = truth().table(handles: rows.map { profiles.handle[$0] })
        return d
    }
}
