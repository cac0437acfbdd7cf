import QQData

// The syntax tree of qq (SPEC §3–§4). Every node carries the span of source text it
// came from, so binding and runtime errors can point at the right token.
//
// A pipeline is an expression: `SOURCE | STAGE | …`, where SOURCE is any primary
// expression (`accounts`, a `let` name, `followers(@a)`, …). `|` binds loosest, so
// `(accounts | count) > 100` needs its parentheses and `let n = bigs | count` does not.

/// One statement (SPEC §3).
public struct Statement: Sendable {
    public var kind: Kind
    public var span: SourceSpan

    public init(_ kind: Kind, span: SourceSpan) { self.kind = kind; self.span = span }

    public enum Kind: Sendable {
        /// A pipeline or value: prints its table or value.
        case expression(Expr)
        /// `let name = EXPR`
        case letBinding(name: Identifier, value: Expr)
        /// `compare @a, @b [on EXPR, …]`
        case compare(accounts: [Expr], on: [SelectItem]?)
        /// `describe` / `describe accounts` / `describe NAME`
        case describe(target: Identifier?)
        /// `print EXPR`
        case print(Expr)
        /// `assert EXPR [, MESSAGE]`
        case assert(Expr, message: Expr?)
        /// `set name = EXPR` (for `set suspicious = EXPR` the expression is kept unevaluated)
        case set(name: Identifier, value: Expr)
        /// `source "file.qq"`
        case source(path: StringLiteral)
        /// `param name = DEFAULT`
        case param(name: Identifier, defaultValue: Expr)
        /// `help [topic]` — the topic is the raw word(s) after `help`
        case help(topic: String?)
        /// `load …` (SPEC §2)
        case load(LoadTarget, lenient: Bool)
        /// `generate accounts N follows M [seed S]`
        /// `times` adds follow times (SPEC §8).
        case generate(accounts: Expr, follows: Expr, seed: Expr?, times: Bool = false)
        /// `save "path" [overwrite]`
        case save(path: StringLiteral, overwrite: Bool)
    }
}

/// What a `load` statement names.
public enum LoadTarget: Sendable {
    /// `load "path"`: a folder, `.graphml`, `.qqs`, or an edge list by extension.
    case path(StringLiteral)
    /// `load follows "edges.csv"`
    case follows(StringLiteral)
    /// `load accounts "people.csv"`
    case accounts(StringLiteral)
    /// `load layer NAME "file.csv"`
    case layer(Identifier, StringLiteral)
    /// `load layers "file" by COLUMN [time COLUMN]`: layers named by a column's values
    /// (SPEC §8); columns by header name or 1-based position.
    case layers(StringLiteral, by: String, time: String?)
    /// `load sample`
    case sample
}

public struct Identifier: Sendable, Hashable {
    public var name: String
    public var span: SourceSpan
    public init(_ name: String, span: SourceSpan) { self.name = name; self.span = span }
}

public struct StringLiteral: Sendable, Hashable {
    public var value: String
    public var span: SourceSpan
    public init(_ value: String, span: SourceSpan) { self.value = value; self.span = span }
}

/// An expression (SPEC §4 "Expressions").
public struct Expr: Sendable {
    public indirect enum Kind: Sendable {
        /// A number, string, `true`/`false`/`null`. Number suffixes (`10k`) are already applied.
        case literal(Value)
        /// A bare name: a column, a `let` name, `accounts`, `follows`, `interactions`.
        case name(String)
        /// `@handle` or `@"any text"`.
        case account(String)
        /// `BASE.name`: `@alice.followers`, `src.followers`, `dst.handle`.
        /// A handle keeps its dots, so `@alice.bsky.social` parses as
        /// `member(account("alice.bsky"), social)`, the member's span starting one byte after
        /// the account's: when `social` is not a column, the binder should read the whole
        /// handle `alice.bsky.social` (see `ParserCore.handleExpr`).
        case member(Expr, Identifier)
        case unary(UnaryOp, Expr)
        case binary(BinaryOp, Expr, Expr)
        /// `f(args)`: built-in functions, aggregates, graph functions, `date("…")`,
        /// and graph sources (`followers(@a)`, `audience(@a, 2)`).
        case call(Identifier, [Expr])
        /// `x [not] in (a, b, …)`
        case inList(Expr, [Expr], negated: Bool)
        /// `x [not] between a and b`
        case between(Expr, Expr, Expr, negated: Bool)
        /// `x is [not] null`
        case isNull(Expr, negated: Bool)
        /// `SOURCE | STAGE | …`
        case pipeline(Expr, [Stage])
        /// `( … )`, kept so diagnostics and source-text names see the parentheses.
        case paren(Expr)
        /// `read "file"`: a table read from a CSV/TSV/JSONL file (SPEC §7).
        case read(StringLiteral)
    }

    public var kind: Kind
    public var span: SourceSpan

    public init(_ kind: Kind, span: SourceSpan) { self.kind = kind; self.span = span }
}

public enum UnaryOp: String, Sendable {
    case negate = "-"
    case plus = "+"
    case not = "not"
}

public enum BinaryOp: String, Sendable {
    case add = "+", sub = "-", mul = "*", div = "/", mod = "%"
    case eq = "==", ne = "!=", lt = "<", le = "<=", gt = ">", ge = ">="
    case and = "and", or = "or"
    case contains = "contains", startswith = "startswith", endswith = "endswith", matches = "matches"
}

/// One pipeline stage (SPEC §4 "Stages").
public struct Stage: Sendable {
    public var kind: Kind
    public var span: SourceSpan

    public init(_ kind: Kind, span: SourceSpan) { self.kind = kind; self.span = span }

    public enum Kind: Sendable {
        case `where`(Expr)
        /// `sort EXPR [asc|desc], …`
        case sort([SortKey])
        /// `top N by EXPR [asc|desc] [per EXPR]` — descending unless `asc` is written;
        /// with `per`, the N first rows of every group.
        case top(count: Expr, by: [SortKey], per: Expr?)
        case take(Expr)
        case skip(Expr)
        /// `select ITEM, …`
        case select([SelectItem])
        /// `extend name = EXPR, …`
        case extend([SelectItem])
        /// `summarize AGG [as name], … [by EXPR, …]`
        case summarize(aggregates: [SelectItem], by: [SelectItem])
        /// `distinct EXPR, …`
        case distinct([SelectItem])
        case count
        /// `sample N [seed S]`
        case sample(count: Expr, seed: Expr?)
        /// `compare [on EXPR, …]`
        case compare(on: [SelectItem]?)
        /// `join [left|anti] SOURCE on COL` / `… on A == B`
        case join(JoinSpec)
        /// `correlate EXPR, EXPR, … [method spearman|pearson|kendall]`
        /// `long`: one row per pair instead of the matrix.
        case correlate([SelectItem], method: Identifier?, long: Bool)
        /// `plot hist|scatter|bar …  [to "file.svg"]`
        case plot(PlotSpec)
        /// `export "file.csv" [overwrite]`
        case export(path: StringLiteral, overwrite: Bool)
    }
}

/// A `join` stage: which rows it keeps, the right-hand table, and the key.
public struct JoinSpec: Sendable {
    public enum Kind: String, Sendable { case inner, left, anti }
    public var kind: Kind
    /// The right-hand table: `(PIPELINE)`, a `let` name or `read "file"`.
    public var right: Expr
    /// `on COL`: the left key; `on A == B`: A.
    public var leftKey: Expr
    /// `on A == B`: B, read over the right-hand rows; nil for `on COL`.
    public var rightKey: Expr?
    public init(kind: Kind, right: Expr, leftKey: Expr, rightKey: Expr?) {
        self.kind = kind; self.right = right; self.leftKey = leftKey; self.rightKey = rightKey
    }
}

public struct SortKey: Sendable {
    public var expr: Expr
    /// nil when neither `asc` nor `desc` was written (sort: asc; top: desc).
    public var descending: Bool?
    public init(expr: Expr, descending: Bool?) { self.expr = expr; self.descending = descending }
}

/// `EXPR`, `EXPR as name` or `name = EXPR`.
public struct SelectItem: Sendable {
    public var expr: Expr
    /// The name given with `as` or `name =`; nil when none was written.
    public var alias: Identifier?
    /// The item's source text, the column name when there is no alias and it is not a bare column.
    public var text: String
    public init(expr: Expr, alias: Identifier?, text: String) { self.expr = expr; self.alias = alias; self.text = text }
}

public struct PlotSpec: Sendable {
    public enum Kind: String, Sendable { case hist, scatter, bar, line }
    public var kind: Kind
    /// hist: [x]; scatter: [x, y]; bar: [label, value].
    public var args: [SelectItem]
    /// `bins N` (hist)
    public var bins: Expr?
    /// `log`: log scale on the value axis (hist: x; scatter: both axes; bar: value)
    public var log: Bool
    /// `to "file.svg"`
    public var file: StringLiteral?
    public var overwrite: Bool
    public init(kind: Kind, args: [SelectItem], bins: Expr?, log: Bool, file: StringLiteral?, overwrite: Bool) {
        self.kind = kind; self.args = args; self.bins = bins; self.log = log; self.file = file; self.overwrite = overwrite
    }
}
