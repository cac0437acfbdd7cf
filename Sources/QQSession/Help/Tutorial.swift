import QQData
import QQSyntax
import QQSemantic
import QQEngine
/// The lessons of the REPL's `.tutorial` (SPEC §6), in packs: eight steps on the
/// built-in sample, from looking at the data to telling a bought audience from a real
/// one, and a pack on a real network (`TutorialRoget.swift`). Each lesson explains one
/// idea, runs its query, suggests a variation, and ends with a question that `answer`
/// checks against a query of its own, so no expected number is written here.
///
/// The lessons name accounts by role ("the account with the most followers"), not by
/// handle, and each declares what it needs (interaction layers, a column), so on other
/// data `.tutorial` says which lessons apply. docs/TUTORIAL.md mirrors this file.
public enum Tutorial {
    /// The packs `.tutorial NAME` switches to; the first is the default.
    public static let packs: [TutorialPack] = [
        TutorialPack(name: "sample", title: "the built-in sample", load: "load sample", lessons: lessons),
        TutorialPack(name: RogetLessons.name, title: "a real network: Roget's Thesaurus",
                     load: RogetLessons.load, lessons: RogetLessons.lessons),
    ]

    /// The pack called `name`.
    public static func pack(_ name: String) -> TutorialPack? { packs.first { $0.name == name } }

    /// The lessons on the built-in sample, in order.
    public static let lessons: [Lesson] = [
        Lesson(
            title: "Load and describe",
            text: """
                You are on qq's built-in sample: made-up accounts in six topics, who follows
                whom, and who reposts, mentions and replies to whom. `describe` shows what
                is loaded: accounts, follows, interaction layers, columns.
                """,
            query: "describe",
            tryThis: "describe accounts   (each column with its type, nulls, min, median and max)",
            question: Question("How many accounts are loaded? Type 'answer' and the number.", .count,
                               expected: "accounts | count",
                               hint: "describe's first table counts them; 'accounts | count' does too")),
        Lesson(
            title: "Filter",
            text: """
                A pipeline starts from a table and passes it through stages joined by `|`.
                `where` keeps the rows where a condition holds; `select` keeps the columns
                you name. `==` compares, `and`/`or` combine, `count` counts the rows.
                """,
            query: "accounts | where followers >= 100 and following < 20 | select handle, followers, following",
            tryThis: #"accounts | where handle contains "data" | select handle, followers"#,
            question: Question("How many accounts have at least 100 followers? Write the query, run it, "
                               + "then type 'answer' alone: it answers with your last result.", .count,
                               expected: "accounts | where followers >= 100 | count",
                               hint: "end the pipeline with '| count': accounts | where … | count")),
        Lesson(
            title: "Rank by followers",
            text: """
                The follower count is the number everyone looks at. `top N by EXPR` keeps the
                N rows with the highest EXPR; `followers` and `following` are computed from
                the follow graph.
                """,
            query: "accounts | top 10 by followers | select handle, followers, following",
            tryThis: "accounts | top 10 by following | select handle, following, followers   (who follows the most?)",
            question: Question("Which account has the most followers? Type 'answer @' and its handle.", .account,
                               expected: "accounts | top 1 by followers | select handle",
                               hint: "it is the first row of the table above; Tab completes a handle after '@'")),
        Lesson(
            title: "Rank by PageRank",
            text: """
                PageRank also counts followers, but weighs each one by its own PageRank,
                shared among everyone it follows: one follow from an account that matters
                is worth more than many from accounts that don't.
                """,
            query: "accounts | top 10 by pagerank | select handle, followers, pagerank",
            tryThis: "accounts | where followers < 50 | top 5 by pagerank | select handle, followers, pagerank   (influence without a crowd)",
            question: Question("Where does the account with the most followers rank by PageRank (1 is first)? "
                               + "Type 'answer' and the rank.", .count,
                               expected: "accounts | extend r = rank(pagerank) | top 1 by followers | select r",
                               hint: "rank(pagerank) numbers the accounts by PageRank: "
                                   + "accounts | extend r = rank(pagerank) | top 3 by followers | select handle, followers, r")),
        Lesson(
            title: "Compare",
            text: """
                `compare` puts accounts side by side: one column per account, one row per
                metric, quantity next to quality. The three accounts with the most followers:
                """,
            query: "accounts | top 3 by followers | compare on followers, pagerank, engagement, audience_quality",
            tryThis: "accounts | top 3 by pagerank | compare on followers, pagerank, engagement, audience_quality",
            question: Question("Of these three, which one do its followers engage with least (lowest engagement)? "
                               + "Type 'answer @' and its handle.", .account,
                               expected: "accounts | top 3 by followers | top 1 by engagement asc | select handle",
                               hint: "read the engagement row of the comparison: the smallest number"),
            needs: [.interactions]),
        Lesson(
            title: "Correlate",
            text: """
                If followers measured influence, they would order accounts as PageRank
                does. `correlate` gives the Spearman rank correlation: 1 is the same order,
                0 no relation. Engagement is interactions received per follower.
                """,
            query: "accounts | correlate followers, pagerank, engagement",
            tryThis: "accounts | plot scatter followers, pagerank log   (who sits far from the diagonal?)",
            question: Question("What is the rank correlation of followers and PageRank? "
                               + "Type 'answer' and the number to two decimals.", .number(tolerance: 0.006),
                               expected: #"accounts | correlate followers, pagerank, engagement | where variable == "followers" | select pagerank"#,
                               hint: "read the row 'followers', column 'pagerank' of the matrix"),
            needs: [.interactions]),
        Lesson(
            title: "Fake followers",
            text: """
                `suspicious` flags accounts that follow at least 50 others per follower, or
                never posted (`help suspicious` shows the rule; `set suspicious = ...`
                changes it). `fake_followers` is the share of an account's followers that are suspicious.
                """,
            query: "accounts | where followers >= 100 | top 5 by fake_followers | select handle, followers, fake_followers, engagement",
            tryThis: "accounts | top 1 by followers | select handle, followers, fake_followers",
            question: Question("What share of the followers of the account with the most followers are suspicious? "
                               + "Type 'answer' and the share to two decimals (0.5 is half).", .number(tolerance: 0.006),
                               expected: "accounts | top 1 by followers | select fake_followers",
                               hint: "select fake_followers for the top account by followers"),
            needs: [.interactions, .column("posts")]),
        Lesson(
            title: "Audience quality",
            text: """
                `audience_quality` asks who the followers are: the mean PageRank
                percentile of an account's followers, 0 to 100. The quiet experts lead;
                who are the other accounts on the list?
                """,
            query: "accounts | where followers >= 20 | top 10 by audience_quality | select handle, followers, pagerank, audience_quality",
            tryThis: "accounts | where followers >= 20 | top 10 by audience_quality | select handle, audience_quality, reciprocity",
            question: Question("Among accounts with at least 20 followers, which has the worst audience "
                               + "(lowest audience_quality)? Write the query, then type 'answer'.", .account,
                               expected: "accounts | where followers >= 20 | top 1 by audience_quality asc | select handle",
                               hint: "'top 1 by audience_quality asc' puts the lowest first")),
    ]
}

/// A set of lessons on one dataset: `.tutorial NAME` starts it.
public struct TutorialPack: Sendable {
    public var name: String
    public var title: String
    /// The statement that loads the pack's dataset.
    public var load: String
    public var lessons: [Lesson]
}
