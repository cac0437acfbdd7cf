import QQData
import QQSyntax
import QQSemantic
import QQEngine

/// Every help topic of qq, as data: `help`, Tab completion and docs/REFERENCE.md all
/// read this one table (SQLite's shell, jq's manual).
///
/// A name may have several topics (`count` is a stage and an aggregate, `followers` a
/// source and a metric); `help NAME` shows them all.
public enum HelpRegistry {
    /// All topics, grouped by category in `HelpTopic.Category` order.
    public static let topics: [HelpTopic] = statementTopics + stageTopics + sourceTopics + languageTopics
        + functionTopics + aggregateTopics + graphFunctionTopics + metricTopics + settingTopics + dotCommandTopics + timeTopics

    /// The first topic for `query` (see `lookupAll`), or nil.
    public static func lookup(_ query: String) -> HelpTopic? { lookupAll(query).first }

    /// Every topic `query` names: by name, then by alias, ignoring case, a trailing
    /// `(…)` and a leading `|`; a query of several words falls back to its first word
    /// (`help load sample` shows `load`).
    public static func lookupAll(_ query: String) -> [HelpTopic] {
        let q = normalize(query)
        guard !q.isEmpty else { return [] }
        let byName = topics.filter { $0.name.lowercased() == q }
        if !byName.isEmpty { return byName }
        let byAlias = topics.filter { $0.aliases.contains { $0.lowercased() == q } }
        if !byAlias.isEmpty { return byAlias }
        if let space = q.firstIndex(of: " ") { return lookupAll(String(q[..<space])) }
        return []
    }

    /// The topics of one category, in registry order.
    public static func topics(in category: HelpTopic.Category) -> [HelpTopic] {
        topics.filter { $0.category == category }
    }

    /// Every topic name once, in registry order (for completion after `help`).
    public static var names: [String] {
        var seen = Set<String>()
        return topics.map(\.name).filter { seen.insert($0).inserted }
    }

    /// What `help` prints: the index of topics for nil or an empty topic; every topic of
    /// that name; for a category (`help metrics`) its topics with their summaries. An
    /// unknown topic lists the topics whose text has that word, or is an error with a
    /// did-you-mean hint.
    public static func render(_ query: String?, width: Int = 80) throws(Diagnostic) -> String {
        guard let query, !normalize(query).isEmpty else { return index(width: width) }
        let found = lookupAll(query)
        if !found.isEmpty {
            return found.map { HelpText.topic($0, width: width) }.joined(separator: "\n")
        }
        let q = normalize(query)
        if let c = category(named: q) { return HelpText.category(c, width: width) }
        let mentions = topics.filter { t in
            HelpText.words(t.summary).contains(q) || HelpText.words(t.details ?? "").contains(q)
        }
        if !mentions.isEmpty {
            var seen = Set<String>()
            let names = mentions.map(\.name).filter { seen.insert($0).inserted }
            return HelpText.wrap("no topic '\(q)'; topics that mention it: " + names.joined(separator: ", "),
                                 width: width, indent: "") + "\n"
        }
        let candidates = names + topics.flatMap(\.aliases) + HelpTopic.Category.allCases.map { $0.title.lowercased() }
        throw Diagnostic(.name, "no help for '\(query.trimmingSpaces)'",
                         hint: Suggest.hint(for: q, among: candidates) ?? "type 'help' to list the topics")
    }

    /// The index: topic names by category, wrapped to `width`.
    public static func index(width: Int = 80) -> String {
        var out = "Type 'help TOPIC' for one topic, e.g. 'help where' or 'help pagerank'.\n\n"
        let labelWidth = HelpTopic.Category.allCases.map(\.title.count).max()! + 2
        for c in HelpTopic.Category.allCases {
            var seen = Set<String>()
            let names = topics(in: c).map(\.name).filter { seen.insert($0).inserted }
            let pad = String(repeating: " ", count: labelWidth)
            let body = HelpText.wrap(names.joined(separator: " "), width: width, indent: pad)
            out += c.title + String(body.dropFirst(c.title.count)) + "\n"
        }
        return out
    }

    /// The category a query names: its title (`metrics`, `graph functions`) or its singular (`metric`).
    public static func category(named query: String) -> HelpTopic.Category? {
        let q = normalize(query)
        return HelpTopic.Category.allCases.first { $0.title.lowercased() == q || $0.rawValue == q }
    }

    package static func normalize(_ query: String) -> String {
        var q = query.trimmingSpaces.lowercased()
        if q.hasPrefix("|") { q = String(q.dropFirst()).trimmingSpaces }
        if q.hasSuffix(")"), let open = q.firstIndex(of: "("), open != q.startIndex {
            q = String(q[..<open]).trimmingSpaces
        }
        return q
    }
}

extension String {
    /// The string without leading and trailing spaces, tabs and newlines.
    package var trimmingSpaces: String {
        let isSpace: (Character) -> Bool = { $0 == " " || $0 == "\t" || $0 == "\n" || $0 == "\r" }
        guard let first = firstIndex(where: { !isSpace($0) }), let last = lastIndex(where: { !isSpace($0) }) else { return "" }
        return String(self[first...last])
    }
}
