import QQSyntax
import QQSemantic
import QQEngine
// Help for pipeline sources and the expression language (SPEC §3–§4).
extension HelpRegistry {
    package static let sourceTopics: [HelpTopic] = [
        HelpTopic("accounts", .source,
                  summary: "the accounts table: one row per account, with stored and metric columns",
                  syntax: ["accounts | …"],
                  details: "Key column `handle`; the other columns come from the data, and every metric is a column too.",
                  examples: ["accounts | take 5", "describe accounts"]),
        HelpTopic("follows", .source,
                  summary: "the follow edges: src follows dst",
                  syntax: ["follows | …"],
                  details: "Columns `src` and `dst`; `src.COL` and `dst.COL` reach the accounts' columns.",
                  examples: ["follows | where src.followers > 200 and dst.followers < 10 | count"]),
        HelpTopic("interactions", .source,
                  summary: "the interaction edges of every layer, weighted",
                  syntax: ["interactions | …"],
                  details: "Columns `src`, `dst`, `layer` and `weight` (how many times); `src.COL` and `dst.COL` as in follows.",
                  examples: ["interactions | summarize sum(weight) by layer",
                             "interactions | where layer == \"repost\" | top 5 by weight"]),
        HelpTopic("layers", .source,
                  summary: "one row per layer, the follow layer first: its size, density and reciprocity",
                  syntax: ["layers | …"],
                  details: "Columns `layer`, `accounts` (accounts with an edge in it), `edges` (distinct pairs), `weight` (total), `reciprocity` (NetworkX `reciprocity(G)` of the layer; null without edges) and `density` (edges / (accounts × (accounts − 1)), NetworkX `density`); when the dataset has times, `first` and `last`: the earliest and latest time of the layer's edges (null for an untimed layer).",
                  examples: ["layers", "layers | sort density desc | select layer, density"]),
        HelpTopic("read", .source,
                  summary: "a table read from a CSV, TSV or JSON Lines file",
                  syntax: ["read \"FILE\" | …", "let NAME = read \"FILE\""],
                  details: """
                    CSV, TSV or JSONL (one object of scalars per line), gzip-compressed or not. Columns are                     typed as in `load accounts` (int, float, bool, date, string; empty fields are null) but                     never renamed: an `id` column stays `id`. The table is not attached to the dataset.                     Relative paths resolve as `load`'s do; reading is allowed under --safe.
                    """,
                  examples: [HelpExample("read \"scores.csv\" | top 5 by score", runs: false),
                             HelpExample("let labels = read \"labels.jsonl\"", runs: false),
                             HelpExample("accounts | join (read \"truth.csv\") on handle", runs: false)],
                  seeAlso: ["join", "in", "load"]),
        HelpTopic("followers", .source,
                  summary: "the accounts that follow an account",
                  syntax: ["followers(@A) | …"],
                  examples: ["followers(@max_influence) | summarize avg(followers), count()"],
                  seeAlso: ["following", "mutuals"]),
        HelpTopic("following", .source,
                  summary: "the accounts an account follows",
                  syntax: ["following(@A) | …"],
                  examples: ["following(@nina_quark) | select handle, followers"]),
        HelpTopic("mutuals", .source,
                  summary: "the accounts that follow an account and that it follows back",
                  syntax: ["mutuals(@A) | …"],
                  examples: ["mutuals(@nina_quark) | count"]),
        HelpTopic("common_followers", .source,
                  summary: "the accounts that follow both of two accounts",
                  syntax: ["common_followers(@A, @B) | …"],
                  examples: ["common_followers(@nina_quark, @omar_nebula) | count"],
                  seeAlso: ["overlap"]),
        HelpTopic("audience", .source,
                  summary: "the accounts that reach an account within K follow hops: its potential audience",
                  syntax: ["audience(@A, K) | …"],
                  examples: ["audience(@ada_lovelace, 2) | count"]),
    ]

    package static let languageTopics: [HelpTopic] = [
        HelpTopic("pipeline", .language,
                  summary: "a source followed by stages, each feeding the next",
                  syntax: ["SOURCE | STAGE | STAGE …"],
                  details: """
                    A pipeline statement prints its table (or its value). In parentheses, a pipeline \
                    that yields one row of one column is a value: `(accounts | count) > 100`.
                    """,
                  examples: ["accounts | where followers > 100 | top 10 by pagerank | select handle, followers, pagerank",
                             "print (accounts | count) > 100"],
                  aliases: ["|", "pipelines"],
                  seeAlso: ["stages", "syntax"]),
        HelpTopic("syntax", .language,
                  summary: "where a statement ends, and comments",
                  syntax: ["STATEMENT ; STATEMENT", "… |⏎ …", "…⏎ | …", "… \\⏎ …", "# comment"],
                  details: """
                    A statement ends at the end of a line, unless a bracket or quote is still open, \
                    the line ends with `|` or `\\`, or the next line starts with `|`. `;` also ends one. \
                    `#` starts a comment; a first line starting `#!` is ignored.
                    """,
                  examples: ["accounts\n  | where followers > 100   # big accounts\n  | count",
                             "let n = accounts | count; print n"],
                  aliases: [";", "#", "comments", "\\"]),
        HelpTopic("numbers", .language,
                  summary: "number literals, with thousands suffixes",
                  syntax: ["42", "1_000", "2.5", "1e-6", "10k", "1.5M", "2B"],
                  details: "k, M and B multiply by a thousand, a million and a billion; the result is an int when whole.",
                  examples: ["accounts | where followers >= 0.2k | count"],
                  aliases: ["suffixes", "k", "M", "B"]),
        HelpTopic("strings", .language,
                  summary: "text literals",
                  syntax: ["\"text\"", "'text'"],
                  details: "Escapes: \\n \\t \\r \\0 \\\\ \\\" \\' and \\u{1F600}. `+` joins strings.",
                  examples: ["print \"qq \" + 'rocks'"],
                  aliases: ["\"", "'"]),
        HelpTopic("handles", .language,
                  summary: "an account, and its columns",
                  syntax: ["@handle", "@\"any text\"", "@handle.COLUMN", "@\"any text\".COLUMN"],
                  details: """
                    A handle is `@` and letters, digits, `_`, `.`, `-` and `@` (not ending in `.`, `-` or \
                    `@`): `@dailykos.com`, `@alice.bsky.social`, `@alice@mastodon.social`. It names the \
                    longest dotted prefix that is an account; what follows is a column: \
                    `@atrios.blogspot.com.pagerank`, `@alice.followers`. When both readings exist the \
                    longer account wins and a note says so. Anything else goes in quotes.
                    """,
                  examples: ["print @nina_quark.followers", "compare @nina_quark, @max_influence"],
                  aliases: ["@", "handle"]),
        HelpTopic("null", .language,
                  summary: "a missing value",
                  syntax: ["null", "EXPR is null", "EXPR is not null"],
                  details: """
                    Arithmetic and comparison with null give null (division by zero too); `where` drops \
                    rows whose condition is null; aggregates skip nulls; sorts put them last. `and`/`or` \
                    follow SQL: `false and null` is false, `true or null` is true.
                    """,
                  examples: ["accounts | where bio is null | count", "accounts | where engagement is not null | count"],
                  aliases: ["is", "is null", "is not null", "nulls"],
                  seeAlso: ["coalesce"]),
        HelpTopic("arithmetic", .language,
                  summary: "numeric operators",
                  syntax: ["a + b", "a - b", "a * b", "a / b", "a % b", "-a"],
                  details: "`/` always divides as floats; division by zero gives null. `+` also joins strings.",
                  examples: ["accounts | take 3 | select handle, followers - following, posts / max(followers, 1)"],
                  aliases: ["+", "-", "*", "/", "%"]),
        HelpTopic("comparison", .language,
                  summary: "compare values",
                  syntax: ["a == b", "a != b", "a < b", "a <= b", "a > b", "a >= b"],
                  details: "`=` only binds a name (let, set, param, select, extend); to compare, write `==`.",
                  examples: ["accounts | where followers >= 200 and following < 10 | count"],
                  aliases: ["==", "!=", "<", "<=", ">", ">=", "="]),
        HelpTopic("logic", .language,
                  summary: "combine conditions",
                  syntax: ["a and b", "a or b", "not a"],
                  details: "`not` binds tighter than `and`, which binds tighter than `or`. Nulls follow SQL's three-valued logic.",
                  examples: ["accounts | where not verified and (followers > 100 or posts > 500) | count"],
                  aliases: ["and", "or", "not"]),
        HelpTopic("in", .language,
                  summary: "membership in a list of values, or in the rows of a table",
                  syntax: ["x in (a, b, …)", "x not in (a, b, …)", "x in (PIPELINE)", "x in NAME"],
                  details: """
                    With a pipeline or a `let` table, a semi-join: true when x is among the values of \
                    its one column, over any number of rows; no rows gives false; nulls in it are \
                    ignored. Text meeting a number compares as text. A list mixes values only, never a \
                    pipeline with values.
                    """,
                  examples: ["accounts | where topic in (\"music\", \"food\") | count",
                             "accounts | where handle in (followers(@max_influence) | select handle) | count",
                             "let bigs = accounts | where followers > 150 | select handle\naccounts | where handle not in bigs | count"],
                  aliases: ["not in", "semi-join"],
                  seeAlso: ["join"]),
        HelpTopic("between", .language,
                  summary: "inclusive range test",
                  syntax: ["x between a and b", "x not between a and b"],
                  examples: ["accounts | where followers between 50 and 100 | count"]),
        HelpTopic("contains", .language,
                  summary: "text contains text",
                  syntax: ["s contains t", "s not contains t"],
                  examples: ["accounts | where bio contains \"coffee\" | select handle, bio"],
                  seeAlso: ["startswith", "endswith", "matches"]),
        HelpTopic("startswith", .language,
                  summary: "text starts with text",
                  syntax: ["s startswith t"],
                  examples: ["accounts | where handle startswith \"nina\" | select handle"]),
        HelpTopic("endswith", .language,
                  summary: "text ends with text",
                  syntax: ["s endswith t"],
                  examples: ["accounts | where handle endswith \"_growth\" | count"]),
        HelpTopic("matches", .language,
                  summary: "text matches a regular expression",
                  syntax: ["s matches \"REGEX\""],
                  details: "The pattern may match anywhere; anchor it with ^ and $. Runs in linear time.",
                  examples: ["accounts | where handle matches \"^[a-z]+_[a-z]+$\" | count"],
                  aliases: ["regex"]),
    ]
}
