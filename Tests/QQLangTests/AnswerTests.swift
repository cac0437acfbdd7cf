import Testing
import QQData
@testable import QQSession

/// `answer` against an open tutorial question, on the golden fixture `data/tiny`
/// (nine accounts; `ana` has the most followers, 7; `cai` the highest PageRank). The
/// expected value always comes from the question's query on the loaded data.
@Suite struct AnswerTests {
    static func session() -> (Session, CapturedOutput) {
        let out = CapturedOutput()
        var o = SessionOptions()
        o.directory = GoldenTests.root
        let s = Session(options: o, output: out)
        #expect(s.run(#"load "data/tiny""#), "\(out.stderr)")
        return (s, out)
    }

    static let mostFollowed = Question("Which account has the most followers?", .account,
                                       expected: "accounts | top 1 by followers | select handle",
                                       hint: "sort by followers", then: "next lesson")

    @Test func anAccountAnswerIsRightOrGetsTheHint() {
        let (s, out) = AnswerTests.session()
        s.question = AnswerTests.mostFollowed
        #expect(s.run("answer @hal"))
        #expect(out.stdout == "not quite: you answered @hal\nhint: sort by followers\n")
        out.stdout = ""
        #expect(s.run("answer @ana"))
        #expect(out.stdout == "right: @ana\nnext lesson\n")
        #expect(out.stderr.isEmpty)
    }

    @Test func answerAloneTakesTheLastQuerysFirstRow() {
        let (s, out) = AnswerTests.session()
        s.question = AnswerTests.mostFollowed
        #expect(s.run("accounts | top 3 by pagerank | select handle, pagerank"))
        out.stdout = ""
        #expect(s.run("answer"))
        #expect(out.stdout.hasPrefix("not quite: you answered @cai\n"))
        #expect(s.run("accounts | sort followers desc"))
        out.stdout = ""
        #expect(s.run("answer"))
        #expect(out.stdout.hasPrefix("right: @ana\n"))
    }

    @Test func countsAreExactAndNumbersWithinTheTolerance() {
        let (s, out) = AnswerTests.session()
        s.question = Question("How many accounts?", .count, expected: "accounts | count", hint: "count them")
        #expect(s.run("answer 8\nanswer 9\naccounts | count\nanswer"))
        #expect(out.stdout == "not quite: you answered 8\nhint: count them\nright: 9\n9\nright: 9\n")
        out.stdout = ""
        s.question = Question("PageRank of @cai?", .number(tolerance: 0.006), expected: "@cai.pagerank", hint: "look")
        #expect(s.run("answer 0.33\nanswer 0.32\nanswer (accounts | top 1 by pagerank | select pagerank)"))
        #expect(out.stdout == "right: 0.33\nnot quite: you answered 0.32\nhint: look\nright: 0.33\n")
    }

    @Test func theExpectedValueFollowsTheLoadedData() {
        let (s, out) = AnswerTests.session()
        s.question = Question("How many accounts?", .count, expected: "accounts | count", hint: "count them")
        #expect(s.run("load sample \"roget\"\nanswer 1022"))
        #expect(out.stdout == "right: 1022\n")
    }

    @Test func mistakesAreErrorsWithHints() {
        let (s, out) = AnswerTests.session()
        #expect(!s.run("answer @ana"))
        #expect(out.stderr.contains("error: no question is open"))
        out.stderr = ""
        s.question = AnswerTests.mostFollowed
        #expect(!s.run("answer"))
        #expect(out.stderr.contains("error: there is no query result to answer with yet"))
        out.stderr = ""
        s.question = Question("?", .count, expected: "accounts | where topic == \"x\" | count", hint: "")
        #expect(!s.run("answer 1"))
        #expect(out.stderr.contains("error: this question cannot be checked on the loaded data"))
    }

    @Test func everyLessonsExpectedQueryRunsOnItsOwnData() {
        for pack in Tutorial.packs {
            let out = CapturedOutput()
            let s = Session(options: SessionOptions(), output: out)
            #expect(s.run(pack.load))
            for (i, lesson) in pack.lessons.enumerated() {
                s.question = lesson.question
                let value = try? s.expectedValue(lesson.question)
                #expect(value != nil && value?.isNull == false, "\(pack.name) lesson \(i + 1): \(out.stderr)")
                #expect(lesson.missing(in: s.dataset).isEmpty, "\(pack.name) lesson \(i + 1) applies to its own data")
            }
        }
    }

    @Test func lessonsDeclareWhatTheyNeed() {
        let out = CapturedOutput()
        let s = Session(options: SessionOptions(), output: out)
        #expect(s.run(#"load sample "roget""#))
        let applies = Tutorial.lessons.enumerated().filter { $0.element.missing(in: s.dataset).isEmpty }.map { $0.offset + 1 }
        #expect(applies == [1, 2, 3, 4, 8])
        for i in applies {
            #expect((try? s.expectedValue(Tutorial.lessons[i - 1].question)) != nil, "lesson \(i) on Roget")
        }
    }
}
