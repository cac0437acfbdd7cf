import QQData
import Testing
@testable import QQSession
@testable import QQEngine
@testable import QQSemantic
@testable import QQSyntax

@Suite("Completeness and statement boundaries")
struct SyntaxCompletenessTests {
    @Test("completeness", arguments: [
        ("accounts | count", Completeness.complete),
        ("", .complete),
        ("# just a comment", .complete),
        ("accounts |", .incomplete(pending: "|")),
        ("accounts | # more to come", .incomplete(pending: "|")),
        ("accounts |\n\n", .incomplete(pending: "|")),
        ("accounts \\", .incomplete(pending: "\\")),
        ("accounts \\\n", .incomplete(pending: "\\")),
        ("accounts \\\n| count", .complete),
        ("print (1 +", .incomplete(pending: "(")),
        ("print f(1,\n 2", .incomplete(pending: "(")),
        ("print f(1,\n 2)", .complete),
        ("print \"abc", .incomplete(pending: "\"")),
        ("print 'it", .incomplete(pending: "'")),
        ("print (\"a", .incomplete(pending: "\"")),
        ("compare @\"open", .incomplete(pending: "\"")),
        ("print \"a # not a comment", .incomplete(pending: "\"")),
        ("accounts | where x", .complete),
        ("accounts | where x >", .incomplete(pending: ">")),
        ("accounts | where followers > 10 and", .incomplete(pending: "and")),
        ("accounts | where followers > 10 or # more", .incomplete(pending: "or")),
        ("accounts | select handle,", .incomplete(pending: ",")),
        ("print 1 +\n", .incomplete(pending: "+")),
        ("print 1 +\n 2", .complete),
        ("help and", .complete),
        ("help or", .complete),
        ("and", .incomplete(pending: "and")),
        ("print 1)", .complete),
        ("accounts | count;", .complete),
    ])
    func completeness(_ text: String, _ expected: Completeness) {
        #expect(Parser.completeness(of: text) == expected)
    }

    @Test("statement boundaries in scripts", arguments: [
        ("accounts\n| where followers > 10\n| count", ["(pipe accounts (where (> followers 10)) count)"]),
        ("accounts |\n  where followers > 10 |\n  count", ["(pipe accounts (where (> followers 10)) count)"]),
        ("accounts\n\n  # a comment between\n  | count\naccounts", ["(pipe accounts count)", "accounts"]),
        ("accounts \\\n  | count", ["(pipe accounts count)"]),
        ("print max(1,\n  2)\nprint 3", ["(print (call max 1 2))", "(print 3)"]),
        ("print \"two\nlines\"", ["(print \"two\\nlines\")"]),
        ("print 1; print 2\nprint 3;", ["(print 1)", "(print 2)", "(print 3)"]),
        (";;\n\n;", []),
        ("let a = 1\nlet b = 2", ["(let a 1)", "(let b 2)"]),
        ("accounts | where followers > 1 and\n  posts > 1", ["(pipe accounts (where (and (> followers 1) (> posts 1))))"]),
        ("print 1 +\n  2\nprint max(1,\n2)", ["(print (+ 1 2))", "(print (call max 1 2))"]),
        ("help or\nprint 1", ["(help \"or\")", "(print 1)"]),
    ])
    func boundaries(_ text: String, _ expected: [String]) {
        let r = Parser.parse(text)
        #expect(r.diagnostics.map(\.message) == [])
        #expect(r.statements.map(ASTDump.statement) == expected)
    }

    @Test("one error per statement, later statements still parse")
    func panicMode() {
        let r = Parser.parse("accounts | wher x > 1\nprint 1\nlet = 2; print 2")
        #expect(r.diagnostics.map(\.message) == ["unknown stage 'wher'", "expected a name after 'let', found '='"])
        #expect(r.statements.map(ASTDump.statement) == ["(print 1)", "(print 2)"])
        #expect(r.statementsBeforeFirstError == 0)
    }

    @Test("statementsBeforeFirstError counts the statements that precede the error")
    func beforeError() {
        let r = Parser.parse("print 1\nprint 2\nprint (\nprint 3")
        #expect(r.statementsBeforeFirstError == 2)
        #expect(r.statements.count == 2)
    }

    @Test("statement spans")
    func spans() {
        let text = "print 1\n  let x = accounts\n  | count  # c\n"
        let r = Parser.parse(text)
        #expect(r.statements.map(\.span) == [SourceSpan(0, 7), SourceSpan(10, 36)])
    }
}
