import QQData
import Testing
@testable import QQSession
@testable import QQEngine
@testable import QQSemantic
@testable import QQSyntax

/// Random token soup through the lexer, parser, completeness check, renderer and
/// completer: none may crash, and every span must lie inside the text.
@Suite("Syntax robustness")
struct SyntaxRobustnessTests {
    static let fragments = [
        "accounts", "|", "where", "(", ")", "\"", "'", "@", "@\"", "@a.b", "1_0", "10k", "2.5M", "1e-3", "=", "==",
        "!=", "<=", "\\", "\n", ";", "#", "é", "日本", "\t", "select", "as", ",", "by", "top", "plot", "hist", "to",
        "help", ".", "`", "not", "in", "between", "and", "is", "null", "load", "let", "x", "count()", "summarize",
        "correlate", "method", "compare", "on", "+", "-", "*", "/", "%", "\r\n", "“", "!", "sample", "seed",
    ]

    /// SplitMix64: a small deterministic generator for reproducible inputs.
    struct Mix {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
        mutating func below(_ n: Int) -> Int { Int(next() % UInt64(n)) }
    }

    static func soup(_ seed: UInt64) -> String {
        var r = Mix(state: seed)
        var s = ""
        for _ in 0..<(1 + r.below(30)) {
            s += fragments[r.below(fragments.count)]
            if r.below(3) > 0 { s += " " }
        }
        return s
    }

    @Test(arguments: 0..<300)
    func noCrash(_ seed: Int) {
        let text = SyntaxRobustnessTests.soup(UInt64(seed))
        let n = text.utf8.count
        let r = Parser.parse(text)
        for s in r.statements { #expect(s.span.start >= 0 && s.span.end <= n, "\(text.debugDescription)") }
        for d in r.diagnostics {
            let span = d.span ?? SourceSpan(0, 0)
            #expect(span.start >= 0 && span.end <= n, "\(text.debugDescription): \(d.message)")
            let out = DiagnosticRenderer.render(d, source: text, file: "f.qq", color: seed % 2 == 0)
            #expect(out.hasPrefix("f.qq:"))
        }
        _ = Parser.completeness(of: text)
        let ctx = CompletionContext(columns: ["followers"], handles: { p, _ in [p + "x"] }, listDirectory: { _ in ["a/", "b"] })
        for cursor in 0...n {
            let c = Completer.complete(line: text, cursor: cursor, context: ctx)
            #expect(c.start >= 0 && c.start <= cursor, "\(text.debugDescription) at \(cursor)")
        }
    }
}
