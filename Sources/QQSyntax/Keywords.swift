/// The words qq gives a meaning to, by where they stand. qq's keywords are contextual:
/// a stage name means a stage only after `|`, so `count` or `top` remain usable as
/// column names; only `Keywords.reserved` cannot name a value.
public enum Keywords {
    /// Words that begin a statement (SPEC §2–§3).
    public static let statements = ["let", "compare", "describe", "print", "assert", "set", "source",
                                    "param", "help", "load", "save", "generate"]
    /// Words with a fixed meaning inside expressions (SPEC §4).
    public static let expression = ["and", "or", "not", "in", "between", "is", "null", "true", "false"]
    /// The built-in pipeline sources (SPEC §4 "Sources").
    public static let sources = ["accounts", "follows", "interactions", "layers"]
    /// `read "file"`: a table from a file, a source of pipelines but not a table name.
    public static let readSource = "read"
    /// Every word that starts a pipeline: the built-in sources and `read`.
    public static let pipelineSources = sources + [readSource]
    /// Stage names, allowed after `|` (SPEC §4 "Stages").
    public static let stages = ["where", "sort", "top", "take", "skip", "select", "extend", "summarize",
                                "distinct", "count", "sample", "compare", "correlate", "plot", "export", "join"]
    /// The `join` kinds written after `join` (inner when none is).
    public static let joinKinds = ["left", "anti"]
    /// Words with a meaning inside stages: `top … per`, `join … on`, sort orders.
    public static let stageWords = ["by", "per", "on", "asc", "desc", "as", "seed", "method", "bins", "log", "to", "overwrite"]
    /// The `correlate … method NAME` choices.
    public static let correlationMethods = ["spearman", "pearson", "kendall"]
    /// The `plot KIND` choices.
    public static let plotKinds = ["hist", "scatter", "bar", "line"]
    /// Names `let` and `param` may not bind: statement and expression keywords and the built-in sources.
    public static let reserved: Set<String> = Set(statements + expression + pipelineSources)
}
