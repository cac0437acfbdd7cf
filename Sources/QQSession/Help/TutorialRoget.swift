/// The real-network pack of `.tutorial` (`.tutorial roget`): four lessons on the
/// cross-references of Roget's Thesaurus (1879), built into qq (`load sample "roget"`,
/// docs/REAL_NETWORK.md). The honest lesson of a link graph: PageRank follows the
/// in-degree closely, so neither says much about quality on its own; quality has to be
/// looked for in engagement (which a link graph does not record) and in who the
/// followers are.
public enum RogetLessons {
    public static let name = "roget"
    public static let load = #"load sample "roget""#

    public static let lessons: [Lesson] = [
        Lesson(
            title: "A real link graph",
            text: """
                Roget's Thesaurus (1879) sorts English words into 1,022 numbered categories,
                and many categories send the reader on to others ("see also"). Here each
                category is an account and each cross-reference a follow: a category's
                followers are the categories that refer to it. The data comes from Knuth's
                Stanford GraphBase by way of NetworkX (docs/REAL_NETWORK.md).
                """,
            query: load + "\ndescribe",
            tryThis: "accounts | top 5 by following | select handle, following, followers   (which categories refer onward the most?)",
            question: Question("How many cross-references (follows) does the thesaurus hold? Type 'answer' and the number.",
                               .count, expected: "follows | count",
                               hint: "describe counts them; 'follows | count' does too")),
        Lesson(
            title: "In-degree and PageRank",
            text: """
                On a link graph, the number of incoming links is the first measure of
                standing, and PageRank refines it by weighing each link by the standing of
                the page it comes from. How much do the two orders differ here?
                """,
            query: "accounts | top 10 by followers | select handle, followers, pagerank\naccounts | correlate followers, pagerank",
            tryThis: "accounts | plot scatter followers, pagerank log",
            question: Question("What is the rank correlation of followers and PageRank? "
                               + "Type 'answer' and the number to two decimals.", .number(tolerance: 0.006),
                               expected: #"accounts | correlate followers, pagerank | where variable == "followers" | select pagerank"#,
                               hint: "read the row 'followers', column 'pagerank' of the matrix")),
        Lesson(
            title: "Where the two part",
            text: """
                A correlation near 0.75 means PageRank mostly tracks the in-degree. Where it
                does not, it is because references go round in small circles: a few
                categories that refer to each other keep PageRank among themselves, and
                rise to the top with a handful of links.
                """,
            query: "accounts | extend by_followers = rank(followers) | top 10 by pagerank | select handle, followers, by_followers, pagerank",
            tryThis: "following(@paternity) | select handle, followers, pagerank   (where do its references go?)",
            question: Question("Where does the category with the highest PageRank rank by followers (1 is first)? "
                               + "Type 'answer' and the rank.", .count,
                               expected: "accounts | extend r = rank(followers) | top 1 by pagerank | select r",
                               hint: "the by_followers column of the first row")),
        Lesson(
            title: "Quality needs more than links",
            text: """
                A link says a reference exists, not that anyone uses it: this dataset has
                no interaction layers, so engagement has nothing to count. What is left is
                who the followers are: audience_quality, the mean PageRank percentile of
                the categories that refer to one.
                """,
            query: "accounts | top 5 by followers | select handle, followers, pagerank, audience_quality",
            tryThis: "accounts | correlate followers, pagerank, audience_quality",
            question: Question("Among categories with at least 10 followers, which has the best audience "
                               + "(highest audience_quality)? Write the query, then type 'answer'.", .account,
                               expected: "accounts | where followers >= 10 | top 1 by audience_quality | select handle",
                               hint: "accounts | where followers >= 10 | top 1 by audience_quality")),
    ]
}
