import QQData
import QQSyntax

/// The computed columns of `accounts` (SPEC §5). Each is computed on first use and
/// cached by the session's metric cache, keyed by the dataset generation and the
/// settings it depends on.
public enum Metric: String, Sendable, Hashable, CaseIterable {
    case followers, following, ratio, mutuals, reciprocity
    case interactions, engagement, dialogue
    case pagerank, authority, hub, kcore, clustering, betweenness, community
    case suspicious
    case fake_followers, audience_quality

    /// The column's type.
    public var type: ValueType {
        switch self {
        case .followers, .following, .mutuals, .kcore, .community: return .int
        case .suspicious: return .bool
        default: return .float
        }
    }

    /// Quantity (how many) or quality (who, how engaged, how central): `compare` groups rows by it.
    public var isQuantity: Bool {
        switch self {
        case .followers, .following, .ratio, .mutuals, .interactions: return true
        default: return false
        }
    }

    /// Whether a smaller value is the better one when `compare` marks a leader.
    public var lowerIsBetter: Bool { self == .fake_followers || self == .suspicious }
}

/// A column of `accounts` that is not stored: a SPEC §5 metric or a per-layer graph
/// function (`received(repost)`, `sent(mention)`, `pagerank(reply)`).
public enum MetricID: Sendable, Hashable, CustomStringConvertible {
    case named(Metric)
    case received(layer: String)
    case sent(layer: String)
    case pagerank(layer: String)
    /// `max_gain(DURATION)` (SPEC §8), the duration in microseconds.
    case maxGain(micros: Int64)

    public var type: ValueType {
        switch self {
        case .named(let m): return m.type
        case .received, .sent, .pagerank: return .float
        case .maxGain: return .int
        }
    }

    /// The text a user writes for it (also the cache key's prefix).
    public var description: String {
        switch self {
        case .named(let m): return m.rawValue
        case .received(let l): return "received(\(l))"
        case .sent(let l): return "sent(\(l))"
        case .pagerank(let l): return "pagerank(\(l))"
        case .maxGain(let d):
            // As written: the largest unit that divides the duration (`max_gain(days(1))`).
            for (unit, name) in [(DateTime.microsPerWeek, "weeks"), (DateTime.microsPerDay, "days"), (DateTime.microsPerHour, "hours"),
                                 (DateTime.microsPerMinute, "minutes"), (DateTime.microsPerSecond, "seconds")] where d % unit == 0 {
                return "max_gain(\(name)(\(d / unit)))"
            }
            return "max_gain(seconds(\(Double(d) / 1e6)))"
        }
    }
}

/// A column of `accounts` reached by name: one the data file brought, or a computed one.
public enum AccountColumn: Sendable, Hashable {
    case stored(String)
    case metric(MetricID)

    public var name: String {
        switch self {
        case .stored(let n): return n
        case .metric(let m): return m.description
        }
    }
}

/// Which account a row reaches an account column through.
public enum Endpoint: String, Sendable, Hashable {
    /// The row is the account.
    case row
    /// The edge's source (`src.col`).
    case src
    /// The edge's target (`dst.col`).
    case dst
}
