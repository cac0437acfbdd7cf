import QQData
import QQMetrics
import QQSyntax

/// A computed column of `accounts`: a metric of the registry (SPEC §5), with its layer
/// argument for the function forms (`received(repost)`, `pagerank(reply)`) or its
/// duration (`max_gain(days(1))`). Made only from registry names, so `definition`
/// always exists.
public struct MetricID: Sendable, Hashable, CustomStringConvertible {
    public let name: String
    public let layer: String?
    /// The duration argument in microseconds, for the metrics that take one.
    public let duration: Int64?

    /// The metric `name` (with `layer` or `duration`), or nil when the registry has no
    /// such metric or it does not take (or needs) the argument given.
    public init?(_ name: String, layer: String? = nil, duration: Int64? = nil) {
        guard let d = MetricRegistry.definition(name) else { return nil }
        switch (d.layer, layer, duration) {
        case (.duration, nil, .some): break
        case (.duration, _, _), (_, _, .some): return nil
        case (.none, .some, _), (.required, nil, _): return nil
        default: break
        }
        self.name = name; self.layer = layer; self.duration = duration
    }

    public var definition: MetricDefinition { MetricRegistry.definitions[name]! }

    public var type: ValueType { definition.type }

    /// The text a user writes for it (also the cache key's prefix).
    public var description: String {
        if let d = duration { return "\(name)(\(DateTime.durationCall(d)))" }
        return layer.map { "\(name)(\($0))" } ?? name
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
