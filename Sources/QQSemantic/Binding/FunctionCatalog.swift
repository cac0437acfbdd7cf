import QQSyntax
import QQMetrics
/// Row-wise functions of SPEC §4: each maps values of one row to a value.
public enum ScalarFunction: String, Sendable, CaseIterable {
    case abs, round, floor, ceil, sqrt, ln, log10, exp, pow
    case min, max, coalesce
    case lower, upper, len, str
    case days_since, date
    // Time (SPEC §8): see Binder+Time.swift and EvalTime.swift.
    case datetime, today, seconds, minutes, hours, days, weeks, as_days, as_hours
    case year, month, day, hour, weekday, bin
    case `if`
    case substr, replace, extract, split_part, trim
}

/// Aggregates: fold the rows of a group (in `summarize`) or of the whole current
/// relation (elsewhere) into one value; every aggregate skips nulls.
public enum AggregateFunction: String, Sendable, CaseIterable {
    case count, count_distinct, sum, avg, median, min, max, stddev, quantile
    /// Agreement of two partitions (SPEC §9): scikit-learn's `adjusted_rand_score` and
    /// `normalized_mutual_info_score`; the second argument is a column, not a constant.
    case ari, nmi

    /// Whether the second argument is a second column of rows (not a constant parameter).
    public var pairsColumns: Bool { self == .ari || self == .nmi }
}

/// Column-wise functions: each row's value depends on the whole current column.
public enum ColumnwiseFunction: String, Sendable, CaseIterable {
    /// 100 × average rank / n among the non-null values (pandas `rank(pct=True)`).
    case percentile
    /// (x − mean) / sample standard deviation.
    case zscore
    /// 1 for the largest value, ties sharing the smallest rank (1, 2, 2, 4); null for null.
    case rank
    /// `rank(x asc)`: 1 for the smallest value. Not a name a user types.
    case rankAscending = "rank asc"
}

/// Graph neighbourhoods usable as pipeline sources (SPEC §4 "Sources").
public enum Neighbourhood: String, Sendable, CaseIterable {
    case followers, following, mutuals, common_followers, audience

    /// The number of account arguments, and whether a hop count follows.
    public var accountArguments: Int { self == .common_followers ? 2 : 1 }
    public var takesHops: Bool { self == .audience }
}

/// Names of everything callable, for `unknown function` suggestions and completion.
public enum FunctionNames {
    public static let graphFunctions = ["overlap"] + MetricRegistry.functions.map(\.name)

    public static var all: [String] {
        var s = Set(ScalarFunction.allCases.map(\.rawValue))
        s.formUnion(AggregateFunction.allCases.map(\.rawValue))
        s.formUnion(ColumnwiseFunction.allCases.filter { $0 != .rankAscending }.map(\.rawValue))
        s.formUnion(Neighbourhood.allCases.map(\.rawValue))
        s.formUnion(graphFunctions)
        return s.sorted()
    }
}
