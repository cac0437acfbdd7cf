import QQSyntax
import QQSemantic
import QQEngine
// Help for the statements of SPEC §2–§3.
extension HelpRegistry {
    package static let statementTopics: [HelpTopic] = [
        HelpTopic("let", .statement,
                  summary: "name a table or a value for later statements",
                  syntax: ["let NAME = PIPELINE", "let NAME = EXPR"],
                  details: """
                    A pipeline that ends in a table binds a table, usable as a source (`NAME | …`); one \
                    that ends in a value (`count`, a one-cell `summarize`) binds a value, usable in \
                    expressions. Names are evaluated once, when `let` runs. A `let` prints nothing.
                    """,
                  examples: ["let bigs = accounts | where followers >= 150\nbigs | count",
                             "let n = accounts | count\nprint n"],
                  seeAlso: ["pipeline", "param"]),
        HelpTopic("compare", .statement,
                  summary: "accounts side by side: quantity against quality",
                  syntax: ["compare @A, @B, …", "compare @A, @B, … on METRIC, …"],
                  details: """
                    One column per account and one row per metric; each row marks its leader. Without \
                    `on`, the rows put quantity (followers, following, ratio, posts when present) next to \
                    quality (engagement, reciprocity, pagerank, audience_quality, fake_followers).
                    """,
                  examples: ["compare @nina_quark, @max_influence",
                             "compare @nina_quark, @ada_lovelace on followers, pagerank, engagement"],
                  seeAlso: ["metrics"]),
        HelpTopic("describe", .statement,
                  summary: "what the dataset holds, or the columns of a table",
                  syntax: ["describe", "describe accounts", "describe NAME"],
                  details: """
                    `describe` alone shows where the data came from, the number of accounts and follows, \
                    each layer, what was dropped at load (self-follows, duplicates) and the columns; \
                    once computed, the modularity of `community` and the iterations PageRank and HITS \
                    ran. `describe TABLE` lists each column with its type, nulls and min/median/max.
                    """,
                  examples: ["describe", "describe accounts"]),
        HelpTopic("print", .statement,
                  summary: "write a value as text",
                  syntax: ["print EXPR"],
                  details: "A value prints as its text alone on one line, in every output format.",
                  examples: ["print \"median followers: \" + str(accounts | summarize median(followers))",
                             "print (accounts | count) * 2"]),
        HelpTopic("assert", .statement,
                  summary: "stop a script unless a condition holds",
                  syntax: ["assert EXPR", "assert EXPR, MESSAGE"],
                  details: "Fails with the message (or the condition's text) when EXPR is false or null.",
                  examples: ["assert (accounts | count) == 2000, \"sample has 2000 accounts\""]),
        HelpTopic("set", .statement,
                  summary: "change a setting",
                  syntax: ["set NAME = EXPR"],
                  details: """
                    Settings: damping, max_iterations, tolerance, suspicious, betweenness_exact_limit, \
                    betweenness_samples, seed, rows, format, today, since, until. Metrics that depend on a setting are \
                    recomputed after it changes. `set suspicious = EXPR` keeps the expression as the rule.
                    """,
                  examples: ["set damping = 0.9", "set tolerance = 1e-10", "set suspicious = ratio < 0.05 and posts < 5"],
                  seeAlso: ["damping", "tolerance", "suspicious", "rows", "format"]),
        HelpTopic("source", .statement,
                  summary: "run another script here",
                  syntax: ["source \"FILE.qq\""],
                  details: "Paths are relative to the script that sources them. A cycle of sources is an error.",
                  examples: [HelpExample("source \"lib/common.qq\"", runs: false)]),
        HelpTopic("param", .statement,
                  summary: "a script parameter with its default",
                  syntax: ["param NAME = DEFAULT"],
                  details: """
                    `qq report.qq who=@bob n=20` overrides the defaults; each value is read as a qq \
                    expression. Naming a parameter the script does not declare is an error.
                    """,
                  examples: ["param n = 5\naccounts | top n by followers | select handle, followers"]),
        HelpTopic("help", .statement,
                  summary: "help on a topic, or the list of topics",
                  syntax: ["help", "help TOPIC"],
                  details: "A topic is any statement, stage, function, metric, setting or dot-command.",
                  examples: ["help", "help where", "help pagerank"]),
        HelpTopic("load", .statement,
                  summary: "read a dataset, or one part of it",
                  syntax: ["load \"DIR\"", "load \"FILE.graphml\"", "load \"FILE.qqs\"", "load follows \"EDGES.csv\"",
                           "load accounts \"PEOPLE.csv\"", "load layer NAME \"FILE.csv\"", "load sample",
                           "load … lenient"],
                  details: """
                    A folder holds accounts.csv, follows.csv and NAME.csv per interaction layer (`.gz` too). \
                    `load "dir"`, GraphML, snapshots and `load sample` replace the whole dataset; `load \
                    follows/accounts/layer` replace one part (the built-in sample is dropped first). A load \
                    completes or changes nothing; errors name file:line:column. `lenient` skips bad rows \
                    and reports how many.
                    """,
                  examples: ["load sample",
                             HelpExample("load \"data/dir\"", runs: false),
                             HelpExample("load follows \"edges.csv\"", runs: false),
                             HelpExample("load layer repost \"retweets.csv\" lenient", runs: false)],
                  seeAlso: ["save", "generate"]),
        HelpTopic("save", .statement,
                  summary: "write the dataset to a folder of CSV files or a snapshot",
                  syntax: ["save \"DIR\"", "save \"FILE.qqs\"", "save … overwrite"],
                  details: "Refuses to replace existing files unless `overwrite` follows. Not allowed with --safe.",
                  examples: [HelpExample("save \"out/dir\"", runs: false), HelpExample("save \"graph.qqs\" overwrite", runs: false)],
                  seeAlso: ["load"]),
        HelpTopic("generate", .statement,
                  summary: "a synthetic power-law social graph",
                  syntax: ["generate accounts N follows M", "generate accounts N follows M seed S", "generate accounts N follows M seed S times"],
                  details: "Replaces the dataset; the same seed gives the same graph. For benchmarks and experiments. `times` adds follow times (organic growth 2016-2023, planted one-day bursts on about one in a hundred accounts with 20+ followers) without changing the edges.",
                  examples: ["generate accounts 1000 follows 5000 seed 7", HelpExample("generate accounts 1M follows 20M seed 7", runs: false)],
                  seeAlso: ["load"]),
    ]
}
