import QQSyntax
import QQSemantic
import QQEngine
// Help for functions and aggregates (SPEC §4 "Expressions"); graph functions are in HelpMetrics.swift.
extension HelpRegistry {
    /// A row-wise function topic with one example over the sample.
    private static func fn(_ name: String, _ syntax: String, _ summary: String, _ example: String,
                           details: String? = nil) -> HelpTopic {
        HelpTopic(name, .function, summary: summary, syntax: [syntax], details: details, examples: [HelpExample(example)])
    }

    package static let functionTopics: [HelpTopic] = [
        fn("abs", "abs(x)", "absolute value", "accounts | take 3 | select handle, abs(following - followers)"),
        fn("round", "round(x) / round(x, digits)", "round to the nearest integer, or to some decimal digits",
           "accounts | top 3 by pagerank | select handle, round(pagerank, 4)"),
        fn("floor", "floor(x)", "the largest integer not above x", "print floor(2.7)"),
        fn("ceil", "ceil(x)", "the smallest integer not below x", "print ceil(2.1)"),
        fn("sqrt", "sqrt(x)", "square root (null for negative x)", "print sqrt(16)"),
        fn("ln", "ln(x)", "natural logarithm (null for x ≤ 0)", "accounts | take 3 | select handle, ln(followers + 1)"),
        fn("log10", "log10(x)", "base-10 logarithm (null for x ≤ 0)", "accounts | summarize avg(log10(followers + 1))"),
        fn("exp", "exp(x)", "e raised to x", "print exp(1)"),
        fn("pow", "pow(x, y)", "x raised to y", "print pow(2, 10)"),
        fn("min", "min(a, b, …)", "the smallest of its arguments (with one argument: the aggregate)",
           "accounts | take 3 | select handle, min(followers, 100)"),
        fn("max", "max(a, b, …)", "the largest of its arguments (with one argument: the aggregate)",
           "accounts | take 3 | select handle, followers / max(following, 1)"),
        fn("coalesce", "coalesce(a, b, …)", "the first argument that is not null",
           "accounts | take 3 | select handle, coalesce(bio, \"(no bio)\")"),
        fn("lower", "lower(s)", "text in lowercase", "print lower(\"QQ\")"),
        fn("upper", "upper(s)", "text in uppercase", "print upper(\"qq\")"),
        fn("len", "len(s)", "length of a text in characters", "accounts | top 3 by len(handle) | select handle"),
        fn("str", "str(x)", "any value as text", "print \"accounts: \" + str(accounts | count)"),
        fn("days_since", "days_since(date)", "days from a date to today", "accounts | take 3 | select handle, days_since(joined)"),
        fn("date", "date(\"YYYY-MM-DD\")", "a date value", "accounts | where joined >= date(\"2020-01-01\") | count"),
        fn("if", "if(cond, a, b)", "a where cond is true, else b",
           "accounts | take 5 | select handle, if(followers > 100, \"big\", \"small\")"),
        fn("percentile", "percentile(x)", "column-wise: 100 × average rank / n among the current rows",
           "accounts | extend p = percentile(followers) | top 3 by p | select handle, followers, p",
           details: "As pandas `rank(pct=True) * 100`: ties share their average rank; nulls stay null."),
        fn("zscore", "zscore(x)", "column-wise: (x − mean) / sample standard deviation",
           "accounts | extend z = zscore(followers) | top 3 by z | select handle, followers, z"),
        fn("rank", "rank(x) / rank(x asc)", "column-wise: 1 for the largest value among the current rows",
           "accounts | extend r = rank(pagerank) | where handle == \"nina_quark\" | select handle, r",
           details: "Ties share the smallest rank (1, 2, 2, 4), as SQL's RANK; null stays null. `rank(x asc)` gives 1 to the smallest."),
        fn("substr", "substr(s, start [, length])", "part of a text: from character `start` (1-based), `length` characters",
           "accounts | take 3 | select handle, substr(handle, 1, 3)",
           details: "The window is clipped to the text, as SQL's SUBSTRING; a negative length gives null."),
        fn("replace", "replace(s, PATTERN, WITH)", "every match of a regular expression replaced",
           "accounts | take 3 | select handle, replace(handle, \"_\", \" \")",
           details: "Patterns are those of `matches`. In WITH, `$0` is the match, `$1`…`$9` its groups, `$$` a dollar sign."),
        fn("extract", "extract(s, PATTERN [, group])", "the first match of a regular expression, or one of its groups",
           "accounts | summarize count() by first = extract(handle, \"^[a-z]+\")",
           details: "Group 0 (the default) is the whole match; groups are numbered by their `(`. Null when nothing matches."),
        fn("split_part", "split_part(s, SEP, i)", "field i (1-based; negative from the end) of a text split at SEP",
           "accounts | take 3 | select handle, split_part(handle, \"_\", 1)",
           details: "An empty text past the last field."),
        fn("trim", "trim(s)", "text without leading and trailing white space", "print \"[\" + trim(\"  qq  \") + \"]\""),
    ]

    /// An aggregate topic.
    private static func agg(_ name: String, _ syntax: String, _ summary: String, _ example: String,
                            details: String? = nil) -> HelpTopic {
        HelpTopic(name, .aggregate, summary: summary, syntax: [syntax], details: details,
                  examples: [HelpExample(example)], seeAlso: ["summarize"])
    }

    package static let aggregateTopics: [HelpTopic] = [
        agg("count", "count() / count(x)", "the number of rows, or of non-null values of x",
            "accounts | summarize count(), count(bio)"),
        agg("count_distinct", "count_distinct(x)", "the number of distinct non-null values",
            "accounts | summarize count_distinct(topic)"),
        agg("sum", "sum(x)", "the sum of the non-null values", "interactions | summarize sum(weight) by layer"),
        agg("avg", "avg(x)", "the mean of the non-null values", "accounts | summarize avg(followers) by topic"),
        agg("median", "median(x)", "the middle value (the mean of the two middle ones for even n)",
            "accounts | summarize median(followers)"),
        agg("min", "min(x)", "the smallest non-null value", "accounts | summarize min(joined), max(joined)"),
        agg("max", "max(x)", "the largest non-null value", "accounts | summarize max(followers) by topic"),
        agg("stddev", "stddev(x)", "the sample standard deviation (n − 1)", "accounts | summarize stddev(followers)"),
        agg("quantile", "quantile(x, q)", "the q-quantile, interpolating linearly (NumPy's default)",
            "accounts | summarize quantile(followers, 0.9)"),
        agg("ari", "ari(a, b)", "adjusted Rand index of two partitions (scikit-learn's adjusted_rand_score), over rows where both are non-null",
            "accounts | summarize ari(community, topic)"),
        agg("nmi", "nmi(a, b)", "normalized mutual information of two partitions (scikit-learn's normalized_mutual_info_score, arithmetic mean), over rows where both are non-null",
            "accounts | summarize nmi(community, topic)"),
    ]
}
