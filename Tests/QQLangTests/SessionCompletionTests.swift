import QQData
import Testing
@testable import QQSession
@testable import QQEngine
@testable import QQSemantic
@testable import QQSyntax

/// Completion through a session: columns come from the bound schema of the pipeline
/// at the cursor, so edge tables, `extend` and `let` columns complete.
@Suite("Completion from the bound schema")
struct SessionCompletionTests {
    /// `‸` marks the cursor; the result is `start:candidates`.
    static func complete(_ marked: String, setup: String = "") -> String {
        let (s, _) = EngineFixture.session()
        if !setup.isEmpty { #expect(s.run(setup)) }
        let parts = marked.split(separator: "‸", omittingEmptySubsequences: false)
        let c = s.completions(line: parts.joined(), cursor: parts[0].utf8.count)
        return "\(c.start):" + c.candidates.joined(separator: " ")
    }

    @Test(arguments: [
        ("follows | select s‸", "17:src"),
        ("follows | where d‸", "16:dst"),
        ("interactions | where la‸", "21:layer"),
        ("accounts | extend twice = age * 2 | where tw‸", "42:twice"),
        ("accounts | select handle, age | where a‸", "38:age"),
        ("accounts | where ci‸", "17:city"),
        ("print (follows | select s‸", "24:src"),
        ("mut‸", "0:mutuals("),
        ("rea‸", "0:read"),
        ("accounts | join (rea‸", "17:read"),
        ("let x = fol‸", "8:followers( following( follows"),
        ("set format = ‸", "13:csv json jsonl line markdown table tsv"),
        ("set form‸", "4:format"),
    ])
    func completes(_ marked: String, _ expected: String) {
        #expect(SessionCompletionTests.complete(marked) == expected, "\(marked)")
    }

    @Test func letTableColumns() {
        let got = SessionCompletionTests.complete("olds | where ol‸", setup: "let olds = accounts | extend older = age + 1")
        #expect(got == "13:older")
    }

    @Test func handlesAreSortedAndCounted() {
        let (s, _) = EngineFixture.session()
        let c = s.completions(line: "print @", cursor: 7)
        #expect(c.candidates == ["@ann", "@bob", "@cat", "@dan", "@eve", "@fay"])
        #expect(c.more == 0)
    }

    @Test func handlesNeedingQuotesAreQuoted() {
        #expect(Completer.spell("odd handle") == "@\"odd handle\"")
        #expect(Completer.spell("a@b") == "@\"a@b\"")
        #expect(Completer.spell("ana.b-c_d") == "@ana.b-c_d")
        #expect(Completer.spell("zoë") == "@zoë")
    }

    @Test func spaceAfterAUniqueWord() {
        #expect(Completer.separator(after: "where") == " ")
        #expect(Completer.separator(after: "mutuals(") == "")
        #expect(Completer.separator(after: "data/") == "")
    }

    @Test func oneDotCommandTable() {
        #expect(HelpRegistry.topics(in: .dotCommand).map(\.name) == DotCommand.all.map(\.name))
        #expect(HelpRegistry.lookup(".mode")?.name == ".format")
        #expect(Completer.dotCommands.contains(".maxrows"))
    }
}
