import QQSyntax
import QQSemantic
import QQEngine
/// The lessons of the REPL's `.tutorial` (SPEC §6): eight short steps on the built-in
/// sample, from looking at the data to telling a bought audience from a real one.
/// Each explains one idea, runs one query, and suggests a variation to type.
///
/// The queries are written strictly in SPEC syntax and rely on the sample's planted
/// groups (docs/SAMPLE.md); docs/TUTORIAL.md mirrors this file.
public enum Tutorial {
    /// The lessons, in order.
    public static let lessons: [Lesson] = [
        Lesson(
            title: "Load and describe",
            text: """
                You are on qq's built-in sample: 2,000 made-up accounts in six topics, who
                follows whom, and who reposts, mentions and replies to whom. `describe`
                shows what is loaded: accounts, follows, interaction layers, columns.
                """,
            query: "describe",
            tryThis: "describe accounts   (each column with its type, nulls, min, median and max)"),
        Lesson(
            title: "Filter",
            text: """
                A pipeline starts from a table and passes it through stages joined by `|`.
                `where` keeps the rows where a condition holds; `select` keeps the columns
                you name. Strings go in quotes, `==` compares, `and`/`or` combine.
                """,
            query: #"accounts | where topic == "science" and verified | select handle, name, followers, joined"#,
            tryThis: #"accounts | where joined >= date("2024-01-01") | count   (who joined in 2024? keep them in mind)"#),
        Lesson(
            title: "Rank by followers",
            text: """
                The follower count is the number everyone looks at. `top N by EXPR` keeps the
                N rows with the highest EXPR; `followers` and `following` are computed from
                the follow graph.
                """,
            query: "accounts | top 10 by followers | select handle, topic, followers, following, posts",
            tryThis: "accounts | top 10 by following | select handle, following, followers, posts   (who follows the most?)"),
        Lesson(
            title: "Rank by PageRank",
            text: """
                PageRank also counts followers, but weighs each one by its own PageRank,
                shared among everyone it follows: one follow from an account that matters
                is worth more than many from accounts that don't.
                """,
            query: "accounts | top 10 by pagerank | select handle, topic, followers, pagerank",
            tryThis: "accounts | where followers < 50 | top 5 by pagerank | select handle, followers, pagerank   (influence without a crowd)"),
        Lesson(
            title: "Compare",
            text: """
                `compare` puts accounts side by side: one column per account, one row per
                metric, quantity next to quality. The biggest account next to a star of
                the same size:
                """,
            query: "compare @max_influence, @zoe_compass",
            tryThis: "compare @max_influence, @ada_lovelace on followers, engagement, pagerank, audience_quality"),
        Lesson(
            title: "Correlate",
            text: """
                If followers measured influence, they would order accounts as PageRank
                does. `correlate` gives the Spearman rank correlation: 1 is the same order,
                0 no relation. Engagement is interactions received per follower.
                """,
            query: "accounts | correlate followers, pagerank, engagement",
            tryThis: "accounts | plot scatter followers, pagerank log   (who sits far from the diagonal?)"),
        Lesson(
            title: "Fake followers",
            text: """
                `suspicious` flags accounts that follow at least 50 others per follower, or
                never posted (`help suspicious` shows the rule; `set suspicious = ...`
                changes it). `fake_followers` is the share of an account's followers that are suspicious.
                """,
            query: "accounts | where followers >= 100 | top 5 by fake_followers | select handle, followers, fake_followers, engagement",
            tryThis: "followers(@max_influence) | summarize count() by suspicious"),
        Lesson(
            title: "Audience quality",
            text: """
                `audience_quality` asks who the followers are: the mean PageRank
                percentile of an account's followers, 0 to 100. The quiet experts lead;
                who are the other accounts on the list?
                """,
            query: "accounts | where followers >= 20 | top 10 by audience_quality | select handle, followers, pagerank, audience_quality",
            tryThis: "accounts | where followers >= 20 | top 10 by audience_quality | select handle, audience_quality, reciprocity, engagement"),
    ]
}
