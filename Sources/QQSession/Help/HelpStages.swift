import QQSyntax
import QQSemantic
import QQEngine
// Help for the pipeline stages of SPEC §4.
extension HelpRegistry {
    package static let stageTopics: [HelpTopic] = [
        HelpTopic("where", .stage,
                  summary: "keep the rows where a condition is true",
                  syntax: ["… | where EXPR"],
                  details: "Rows where EXPR is false or null are dropped.",
                  examples: ["accounts | where followers > 200",
                             "accounts | where topic == \"music\" and not verified | count"],
                  seeAlso: ["comparison", "logic"]),
        HelpTopic("sort", .stage,
                  summary: "order the rows",
                  syntax: ["… | sort EXPR [asc|desc], …"],
                  details: "Ascending unless `desc` is written. The sort is stable and nulls go last.",
                  examples: ["accounts | sort followers desc, handle | take 5"],
                  seeAlso: ["top"]),
        HelpTopic("top", .stage,
                  summary: "the first N rows by an expression, overall or per group",
                  syntax: ["… | top N by EXPR [asc|desc], …", "… | top N by EXPR [asc|desc], … per EXPR"],
                  details: """
                    Descending unless `asc` is written; ties keep load order. Faster than sort then take.                     With `per G`, the N first rows of every group of G: groups in order of first                     appearance (null is a group), inside each the rows by rank.
                    """,
                  examples: ["accounts | top 10 by pagerank", "accounts | top 5 by posts asc",
                             "accounts | top 2 by pagerank per topic | select handle, topic, pagerank"],
                  aliases: ["per", "top per"],
                  seeAlso: ["sort", "take", "rank"]),
        HelpTopic("take", .stage,
                  summary: "the first N rows",
                  syntax: ["… | take N"],
                  examples: ["accounts | take 3"],
                  seeAlso: ["skip", "top"]),
        HelpTopic("skip", .stage,
                  summary: "drop the first N rows",
                  syntax: ["… | skip N"],
                  examples: ["accounts | sort followers desc | skip 10 | take 5"],
                  seeAlso: ["take"]),
        HelpTopic("select", .stage,
                  summary: "keep or compute columns",
                  syntax: ["… | select ITEM, …", "ITEM: EXPR | EXPR as NAME | NAME = EXPR"],
                  details: "A column is named by its `as` name, else its column name, else its source text.",
                  examples: ["accounts | top 5 by followers | select handle, followers, kf = followers / 1000",
                             "accounts | take 3 | select handle, posts / max(followers, 1) as posts_per_follower"],
                  seeAlso: ["extend"]),
        HelpTopic("extend", .stage,
                  summary: "add computed columns, keep the rest",
                  syntax: ["… | extend NAME = EXPR, …"],
                  examples: ["accounts | extend quality = percentile(pagerank) | top 5 by quality"],
                  seeAlso: ["select"]),
        HelpTopic("summarize", .stage,
                  summary: "group rows and aggregate them",
                  syntax: ["… | summarize AGG [as NAME], … [by EXPR, …]"],
                  details: "Without `by`, one row for all rows. Aggregates skip nulls. See `help aggregates`.",
                  examples: ["accounts | summarize count(), avg(followers) by topic",
                             "accounts | summarize median(followers) as med, quantile(followers, 0.9) as p90"],
                  aliases: ["group", "group by"],
                  seeAlso: ["count", "avg", "median", "quantile"]),
        HelpTopic("distinct", .stage,
                  summary: "the unique rows of some expressions",
                  syntax: ["… | distinct EXPR, …"],
                  examples: ["accounts | distinct topic"]),
        HelpTopic("count", .stage,
                  summary: "the number of rows, as a value",
                  syntax: ["… | count"],
                  examples: ["accounts | count", "followers(@nina_quark) | count"],
                  seeAlso: ["summarize"]),
        HelpTopic("sample", .stage,
                  summary: "N rows at random, reproducibly",
                  syntax: ["… | sample N [seed S]"],
                  details: "The same seed gives the same rows; without `seed`, `set seed` is used.",
                  examples: ["accounts | sample 5 seed 1 | select handle, followers"]),
        HelpTopic("compare", .stage,
                  summary: "pivot rows into a comparison: one column per row, one row per metric",
                  syntax: ["… | compare", "… | compare on EXPR [as NAME], …"],
                  details: """
                    Columns are named by handle; each row marks its leader. `on` takes any column of the                     rows flowing in, computed ones included, and any expression. See `help compare` (statement).
                    """,
                  examples: ["accounts | top 3 by followers | compare",
                             "accounts | top 3 by pagerank | compare on followers, pagerank, fake_followers",
                             "accounts | top 3 by followers | extend per_post = followers / max(posts, 1) | compare on per_post, received(repost)"]),
        HelpTopic("join", .stage,
                  summary: "attach the rows of another table by a key",
                  syntax: ["… | join (PIPELINE) on COL", "… | join NAME on COL", "… | join read \"FILE\" on COL",
                           "… | join left … on A == B", "… | join anti … on …"],
                  details: """
                    Inner unless `left` (unmatched left rows kept, nulls on the right) or `anti` (only the                     left rows with no match, no right columns). `on COL` needs a column both sides have                     (kept once); `on A == B` reads A over the left rows and B over the right ones. Keys                     compare by value; text meeting a number compares as text, so numeric ids in a file                     match handles like "123". Right columns whose names clash with the left, metric names                     included, get the suffix `_right`. Rows come in left order, then right order for                     several matches; account rows keep their metrics. A hash join on the columns.
                    """,
                  examples: ["accounts | join (accounts | top 5 by pagerank | select handle, r = rank(pagerank)) on handle | select handle, r",
                             "accounts | join anti (follows | select handle = src) on handle | count",
                             HelpExample("accounts | join (read \"labels.csv\") on handle | summarize count() by label", runs: false),
                             HelpExample("accounts | join left (read \"ids.csv\") on handle == id", runs: false)],
                  aliases: ["join left", "join anti", "left join", "anti join", "_right"],
                  seeAlso: ["read", "in"]),
        HelpTopic("correlate", .stage,
                  summary: "correlation matrix of some columns, with n",
                  syntax: ["… | correlate EXPR, EXPR, … [method spearman|pearson|kendall] [long]"],
                  details: """
                    Spearman (on average ranks) unless a method is named; Kendall is tau-b. Each pair uses \
                    the rows where both values are non-null, and reports how many: the `n_X` columns beside \
                    the coefficients hold the n of every pair. `long` gives one row per pair instead \
                    (x, y, the coefficient, n). Agrees with scipy.stats.
                    """,
                  examples: ["accounts | correlate followers, pagerank, engagement",
                             "accounts | correlate followers, audience_quality method kendall long"]),
        HelpTopic("confusion", .stage,
                  summary: "how well a rule finds a class: the 2×2 counts with precision, recall, F1 and MCC",
                  syntax: ["… | confusion PREDICTED, ACTUAL"],
                  details: """
                    Two true/false conditions over the rows: the rule's verdict and the truth. One row: \
                    tp (both true), fp (predicted only), fn (actual only), tn (neither), skipped (rows where \
                    either condition is null, not counted), precision = tp/(tp+fp), recall = tp/(tp+fn), \
                    f1 = 2tp/(2tp+fp+fn) and mcc (Matthews' correlation, −1 to 1). A score whose denominator \
                    is 0 is null (scikit-learn reports 0 there). Select one score to use it as a value: \
                    `(… | confusion …, … | select f1)`.
                    """,
                  examples: ["accounts | confusion suspicious, following > 500",
                             "accounts | confusion posts == 0, bio is null",
                             "accounts | join truth on handle | confusion suspicious, role == \"bot\""],
                  aliases: ["precision", "recall", "f1", "mcc", "confusion matrix"],
                  seeAlso: ["truth", "where", "correlate"]),
        HelpTopic("plot", .stage,
                  summary: "a chart in the terminal, or an SVG file",
                  syntax: ["… | plot hist EXPR [bins N] [log]", "… | plot scatter X, Y [log]",
                           "… | plot scatter X, Y [log] [color EXPR] [label EXPR [top K]]",
                           "… | plot bar LABEL, VALUE", "… | plot graph [color EXPR] [size EXPR]",
                           "… to \"FILE.svg\" [overwrite]"],
                  details: """
                    `log` uses a log scale on the value axis (scatter: both axes). `to` writes an SVG file \
                    instead (not with --safe). `color EXPR [as NAME]` colours points or nodes by group (its \
                    values as text) with a legend; `label EXPR [top K]` names the K points with the largest \
                    Y (default 10). `plot graph` draws the follow graph among the account rows flowing in: a \
                    Fruchterman–Reingold layout (seeded by `set seed`, the same drawing every run), node \
                    area by `size` (default: degree). The terminal gets a summary and a small map; `to` writes \
                    the whole graph. At most 2,000 accounts: narrow the rows first (`top 500 by pagerank`).
                    """,
                  examples: ["accounts | plot hist followers bins 20",
                             "accounts | plot scatter followers, pagerank log",
                             "accounts | plot scatter followers, pagerank log color community label handle top 5",
                             "accounts | top 150 by pagerank | plot graph color community size pagerank",
                             "accounts | top 5 by followers | plot bar handle, followers",
                             HelpExample("accounts | plot hist pagerank to \"pagerank.svg\"", runs: false)]),
        HelpTopic("export", .stage,
                  summary: "write the rows to a file",
                  syntax: ["… | export \"FILE\" [overwrite]"],
                  details: """
                    The format follows the extension: csv, tsv, json, jsonl, md. An existing file is \
                    replaced only with `overwrite`. Not allowed with --safe.
                    """,
                  examples: [HelpExample("accounts | top 100 by pagerank | export \"top.csv\"", runs: false),
                             HelpExample("accounts | export \"all.jsonl\" overwrite", runs: false)]),
    ]
}
