import QQData
import QQSyntax

/// The logical plan of one pipeline (SPEC §4): what to compute, not how. Every node
/// carries the schema it produces. Plans hold only bound expressions and names, never
/// data or closures, so a second engine (a distributed one) can run the same plan.
///
/// The shapes a pipeline takes: a source (`scan`, `neighbourhood`), optionally a
/// `metric` node naming the computed columns the rest reads, then one node per stage.
public struct LogicalPlan: Sendable {
    public indirect enum Node: Sendable {
        /// A stored relation: `accounts`, `follows`, `interactions`, or a `let` table.
        case scan(ScanTarget)
        /// A graph neighbourhood of accounts (`followers(@a)`, `audience(@a, 2)`, …);
        /// `hops` is `audience`'s k.
        case neighbourhood(Neighbourhood, accounts: [BoundExpr], hops: BoundExpr?)
        /// The rows of specific accounts, in the order given (`compare @a, @b`).
        case accountList([BoundExpr])
        /// Compute these metric columns of `accounts` (cached) before the stages that read them.
        case metric(LogicalPlan, [MetricID])
        /// `where`: keep rows where the predicate is true (null counts as false).
        case filter(LogicalPlan, BoundExpr)
        /// `select`: exactly these columns.
        case project(LogicalPlan, [NamedExpr])
        /// `extend`: add or replace columns, keep the rest.
        case extend(LogicalPlan, [NamedExpr])
        /// `sort`: stable, nulls last.
        case sort(LogicalPlan, [SortSpec])
        /// `top N by …`: the first N rows of the stable sort, found with a heap.
        case topN(LogicalPlan, count: BoundExpr, keys: [SortSpec])
        /// `top N by … per G`: the first N rows of every group of G, groups in order of
        /// first appearance, rows inside each by the keys.
        case topPer(LogicalPlan, count: BoundExpr, keys: [SortSpec], per: BoundExpr)
        /// `join`: the left rows matched by key with the right plan's rows.
        case join(LogicalPlan, JoinPlan)
        /// `take N` (count) / `skip N` (offset).
        case limit(LogicalPlan, offset: BoundExpr?, count: BoundExpr?)
        /// `summarize`: groups rows by `keys` (groups in order of first appearance) and
        /// folds each group with `aggregates` (each a pure aggregate call over the input).
        /// `outputs` are then evaluated over the group table, whose columns are the keys
        /// followed by the aggregate results, so `sum(x) / count()` works.
        case aggregate(LogicalPlan, keys: [NamedExpr], aggregates: [BoundExpr], outputs: [NamedExpr])
        /// `distinct`: first row of each distinct combination, in order of appearance.
        case distinct(LogicalPlan, [NamedExpr])
        /// `count`: the number of rows, a value.
        case count(LogicalPlan)
        /// `sample N [seed S]`: N rows at random, kept in their original order.
        case sample(LogicalPlan, count: BoundExpr, seed: BoundExpr?)
        /// `compare [on …]`: one row per metric, one column per account.
        case compare(LogicalPlan, rows: [CompareRow])
        /// `correlate`: the matrix of pairwise coefficients with n.
        /// With `long`, one row per pair (x, y, coefficient, n).
        case correlate(LogicalPlan, [NamedExpr], method: CorrelationMethod, long: Bool)
        /// `export "file"`: writes the rows; yields nothing.
        case export(LogicalPlan, path: String, overwrite: Bool, span: SourceSpan)
        /// `plot …`: a chart to the terminal or a file.
        case plot(LogicalPlan, PlotPlan)
    }

    public var node: Node
    public var schema: RelationSchema
    /// What the node yields.
    public var output: Output

    public init(_ node: Node, schema: RelationSchema, output: Output = .relation) {
        self.node = node; self.schema = schema; self.output = output
    }

    public enum Output: Sendable, Equatable {
        /// A table.
        case relation
        /// One value (`count`).
        case value
        /// Nothing to print (`export`), or a chart (`plot`).
        case sideEffect
    }
}

/// A stored relation a scan reads.
public enum ScanTarget: Sendable, Equatable {
    case accounts
    case follows
    case interactions
    /// One row per layer (follows first): `layer`, `accounts`, `edges`, `weight`,
    /// `reciprocity`, `density` (SPEC §9).
    case layers
    /// A table bound by `let`.
    case binding(String)
    /// `read "file"`: the table read from the file, by the path as written.
    case file(String)
}

/// A bound `join` stage (SPEC §7). Keys compare by value; when one side is text and
/// the other a number, both compare as text (a file's numeric ids match handles).
public struct JoinPlan: Sendable {
    public var kind: JoinSpec.Kind
    public var right: LogicalPlan
    /// Evaluated over the left rows.
    public var leftKey: BoundExpr
    /// Evaluated over the right rows.
    public var rightKey: BoundExpr
    /// True when the keys compare as text (one side text, the other not).
    public var asText: Bool
    /// The right columns kept, by index in the right schema, with their output names
    /// (`_right` added where a name clashes with the left).
    public var rightColumns: [(index: Int, name: String)]
    public init(kind: JoinSpec.Kind, right: LogicalPlan, leftKey: BoundExpr, rightKey: BoundExpr, asText: Bool,
                rightColumns: [(index: Int, name: String)]) {
        self.kind = kind; self.right = right; self.leftKey = leftKey; self.rightKey = rightKey
        self.asText = asText; self.rightColumns = rightColumns
    }
}

/// Correlation coefficients of `correlate` (agreeing with scipy.stats).
public enum CorrelationMethod: String, Sendable, CaseIterable {
    /// Pearson on average ranks (`spearmanr`).
    case spearman
    /// `pearsonr`.
    case pearson
    /// Kendall tau-b (`kendalltau`).
    case kendall

    /// The columns `correlate` gives (SPEC §10: n for every pair): the matrix
    /// `variable, x, y, …, n_x, n_y, …`, or with `long` one row per pair
    /// `x, y, <method>, n`.
    public func resultColumns(_ names: [String], long: Bool) -> [(String, ValueType)] {
        if long { return [("x", .string), ("y", .string), (rawValue, .float), ("n", .int)] }
        return [("variable", .string)] + names.map { ($0, .float) } + names.map { ("n_" + $0, .int) }
    }
}

/// One row of a comparison: a metric, a column of the rows, or any expression over them.
public struct CompareRow: Sendable {
    public var name: String
    /// Evaluated over the compared account rows.
    public var expr: BoundExpr
    public var type: ValueType
    /// "quantity" or "quality".
    public var group: String
    /// Leader = smallest value (fake_followers) instead of largest; nil: no leader (ids).
    public var lowerIsBetter: Bool?
    public init(name: String, expr: BoundExpr, type: ValueType, group: String, lowerIsBetter: Bool?) {
        self.name = name; self.expr = expr; self.type = type; self.group = group; self.lowerIsBetter = lowerIsBetter
    }
}

/// A bound `plot` stage.
public struct PlotPlan: Sendable {
    public var kind: PlotSpec.Kind
    public var args: [NamedExpr]
    public var bins: BoundExpr?
    public var log: Bool
    public var file: String?
    public var overwrite: Bool
    public var span: SourceSpan
    public init(kind: PlotSpec.Kind, args: [NamedExpr], bins: BoundExpr?, log: Bool, file: String?, overwrite: Bool, span: SourceSpan) {
        self.kind = kind; self.args = args; self.bins = bins; self.log = log; self.file = file
        self.overwrite = overwrite; self.span = span
    }
}
