import QQData
import Testing
@testable import QQSession
@testable import QQEngine
@testable import QQSemantic
@testable import QQSyntax

/// Deep nesting must give an error, never a stack overflow (Parser.maxDepth).
@Suite("Parser: nesting limit")
struct SyntaxDepthTests {
    /// The depth the issue names; the other shapes use `long` to keep debug test runs quick
    /// (any depth past `Parser.maxDepth` exercises the same guard).
    static let deep = 200_000
    static let long = 20_000

    @Test("deep input is refused with a clear error", arguments: [
        String(repeating: "(", count: deep) + "1" + String(repeating: ")", count: deep),
        String(repeating: "-", count: deep) + "1",
        String(repeating: "not ", count: long) + "true",
        String(repeating: "f(", count: long) + "1" + String(repeating: ")", count: long),
        "1" + String(repeating: " + 1", count: long),
        "a" + String(repeating: " or a", count: long),
        "x" + String(repeating: ".y", count: long),
        "accounts | where " + String(repeating: "(", count: long),
    ])
    func refused(_ text: String) throws {
        let r = Parser.parse("print " + text)
        let e = try #require(r.firstError)
        #expect(e.message == "expression is nested too deeply (more than \(Parser.maxDepth) levels)")
        #expect(r.statements.isEmpty)
    }

    @Test("nesting just under the limit parses, and the dump walks it")
    func underLimit() throws {
        let n = Parser.maxDepth - 1
        let text = String(repeating: "(", count: n) + "1" + String(repeating: ")", count: n)
        let r = Parser.parse(text)
        #expect(r.succeeded)
        let s = try #require(r.statements.first)
        #expect(ASTDump.statement(s).hasPrefix("(paren (paren"))
    }

    @Test("after a too-deep statement, the next statement still parses")
    func recovers() {
        let deep = String(repeating: "(", count: 1000) + "1" + String(repeating: ")", count: 1000)
        let r = Parser.parse(deep + "\naccounts | count")
        #expect(r.diagnostics.count == 1)
        #expect(r.statements.map(ASTDump.statement) == ["(pipe accounts count)"])
    }

    @Test("completeness of a deeply open text is decided without recursion")
    func completeness() {
        #expect(Parser.completeness(of: String(repeating: "(", count: SyntaxDepthTests.deep)) == .incomplete(pending: "("))
    }
}
