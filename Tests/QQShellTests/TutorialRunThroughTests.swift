#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Testing

/// A student works through every lesson of `.tutorial` at a real terminal: the eight
/// lessons on the sample, then the real-network pack. Each question is answered the
/// way a student would, by writing a query and typing `answer`; on lesson 3 the first
/// try is wrong (the account with the fewest followers), so the hint shows, and the
/// second is right. The student's queries name no account: the right answers come
/// from the data.
@Suite(.serialized) struct TutorialRunThroughTests {
    /// The student's query for each lesson of the sample pack.
    static let sampleWork = [
        "accounts | count",
        "accounts | where followers >= 100 | count",
        "accounts | top 1 by followers | select handle",
        "accounts | extend r = rank(pagerank) | top 1 by followers | select r",
        "accounts | top 3 by followers | top 1 by engagement asc | select handle",
        #"accounts | correlate followers, pagerank, engagement | where variable == "followers" | select pagerank"#,
        "accounts | top 1 by followers | select fake_followers",
        "accounts | where followers >= 20 | top 1 by audience_quality asc | select handle",
    ]

    /// The student's query for each lesson of the Roget pack.
    static let rogetWork = [
        "follows | count",
        #"accounts | correlate followers, pagerank | where variable == "followers" | select pagerank"#,
        "accounts | extend r = rank(followers) | top 1 by pagerank | select r",
        "accounts | where followers >= 10 | top 1 by audience_quality | select handle",
    ]

    @Test func aStudentAnswersEveryLesson() throws {
        let dir = TempDir(); defer { dir.remove() }
        let term = try PseudoTerminal(environment: dir.environment, columns: 120, rows: 40)
        term.expectPrompt()
        work(term, pack: nil, TutorialRunThroughTests.sampleWork, wrongFirstOn: 3)
        command(term, ".tutorial")
        term.expect("You have finished all 8 lessons")
        term.expectPrompt()
        work(term, pack: "roget", TutorialRunThroughTests.rogetWork, wrongFirstOn: nil)
        command(term, ".tutorial")
        term.expect("You have finished all 4 lessons")
        term.expectPrompt()
        term.type(PseudoTerminal.ctrlD)
        #expect(term.waitForExit() == 0)
        let transcript = term.transcript
        #expect(!transcript.contains("error:"), "transcript:\n\(transcript)")
        #expect(transcript.components(separatedBy: "not quite:").count == 2, "one wrong answer")
        #expect(transcript.components(separatedBy: "right:").count == 13, "twelve right answers")
    }

    /// Shows each lesson of a pack (starting it with `.tutorial PACK` when `pack` is
    /// given), runs the student's query and answers with its result.
    private func work(_ term: PseudoTerminal, pack: String?, _ queries: [String], wrongFirstOn: Int?,
                      sourceLocation: SourceLocation = #_sourceLocation) {
        for (i, query) in queries.enumerated() {
            let n = i + 1
            command(term, n == 1 && pack != nil ? ".tutorial \(pack!)" : ".tutorial")
            term.expect("Lesson \(n) of \(queries.count)", sourceLocation: sourceLocation)
            term.expect("Question: ", sourceLocation: sourceLocation)
            term.expectPrompt(sourceLocation: sourceLocation)
            if n == wrongFirstOn {
                command(term, "accounts | top 1 by followers asc | select handle")
                term.expectPrompt(sourceLocation: sourceLocation)
                command(term, "answer")
                term.expect("not quite: you answered @", sourceLocation: sourceLocation)
                term.expect("hint: ", sourceLocation: sourceLocation)
                term.expectPrompt(sourceLocation: sourceLocation)
            }
            command(term, query)
            term.expectPrompt(sourceLocation: sourceLocation)
            command(term, "answer")
            term.expect("right: ", sourceLocation: sourceLocation)
            term.expect(n < queries.count ? "Type '.tutorial' for lesson \(n + 1)." : "That was the last lesson",
                        sourceLocation: sourceLocation)
            term.expectPrompt(sourceLocation: sourceLocation)
        }
    }

    /// Types a line (short ones key by key, long ones as one paste) and Enter.
    private func command(_ term: PseudoTerminal, _ line: String) {
        if line.count <= 20 { term.typeSlowly(line) } else { term.type(line) }
        usleep(50_000)
        term.type(PseudoTerminal.enter)
    }
}
