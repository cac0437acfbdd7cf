import QQData
import Testing
@testable import QQSession
@testable import QQEngine
@testable import QQSemantic
@testable import QQSyntax

/// Compact token text: `w:accounts`, `|`, `n:10000`, `f:2.5`, `s:abc`, `@:alice`, `NL`, `;`, `!:message`.
func tokenText(_ text: String) -> String {
    Lexer.tokenize(text).tokens.dropLast().map { t -> String in
        switch t.kind {
        case .word(let w): return "w:" + w
        case .quotedWord(let w): return "q:" + w
        case .number(.int(let i)): return "n:\(i)"
        case .number(let v): return "f:\(v)"
        case .string(let s): return "s:" + s
        case .handle(let h): return "@:" + h
        case .op(let o): return o.rawValue
        case .newline: return "NL"
        case .semicolon: return ";"
        case .end: return "END"
        case .invalid(let m, _): return "!:" + m
        }
    }.joined(separator: " ")
}

@Suite("Lexer")
struct SyntaxLexerTests {
    @Test("tokens", arguments: [
        ("accounts | count", "w:accounts | w:count"),
        ("1_000", "n:1000"),
        ("2.5", "f:2.5"),
        ("10k 1.5M 2B", "n:10000 n:1500000 n:2000000000"),
        ("1.2345k", "f:1234.5"),
        ("0.5k", "n:500"),
        ("1e-6 2E3", "f:1e-06 f:2000.0"),
        ("1.1M", "n:1100000"),
        ("x==1 != <= >= < > = + - * / %", "w:x == n:1 != <= >= < > = + - * / %"),
        ("(a, b.c)", "( w:a , w:b . w:c )"),
        ("\"hi\\n\\\"there\\\"\"", "s:hi\n\"there\""),
        ("'it\\'s'", "s:it's"),
        ("\"\\u{1F600}\"", "s:😀"),
        ("@alice @bob_1 @a.b-c @\"any text\"", "@:alice @:bob_1 @:a.b-c @:any text"),
        ("@alice.followers", "@:alice.followers"),
        ("@alice. x", "@:alice . w:x"),
        ("`my col` `and`", "q:my col q:and"),
        ("a; b", "w:a ; w:b"),
        ("a # comment\nb", "w:a NL w:b"),
        ("#!/usr/bin/env qq\naccounts", "w:accounts"),
        ("café_1", "w:café_1"),
        ("\u{FEFF}accounts", "w:accounts"),
        ("10K", "!:invalid number '10K'"),
        ("10x", "!:invalid number '10x'"),
        ("99999999999999999999", "!:number '99999999999999999999' does not fit in a 64-bit integer"),
        ("\"a\\q\"", "!:unknown escape '\\q' in string"),
        ("\"open", "!:unterminated string"),
        ("a ! b", "w:a !:unexpected character '!' w:b"),
        ("“x”", "!:unexpected character '“' w:x !:unexpected character '”'"),
        ("@ x", "!:expected a handle after '@' w:x"),
        ("a \\ b", "w:a !:unexpected '\\' w:b"),
    ])
    func tokens(input: String, expected: String) {
        #expect(tokenText(input) == expected)
    }

    @Test("statement boundaries: which newlines survive", arguments: [
        ("a\nb", "w:a NL w:b"),
        ("a\n\n\nb", "w:a NL w:b"),
        ("\n\na\n", "w:a NL"),
        ("a |\nb", "w:a | w:b"),
        ("a | # note\n\n  b", "w:a | w:b"),
        ("a\n| b", "w:a | w:b"),
        ("a\n\n# comment\n  | b", "w:a | w:b"),
        ("a \\\n b", "w:a w:b"),
        ("a \\ # note\n b", "w:a w:b"),
        ("f(a,\n b)\nc", "w:f ( w:a , w:b ) NL w:c"),
        ("\"x\ny\"\nz", "s:x\ny NL w:z"),
        ("a;\n| b", "w:a ; | w:b"),
    ])
    func boundaries(input: String, expected: String) {
        #expect(tokenText(input) == expected)
    }

    @Test("spans are UTF-8 offsets")
    func spans() {
        let toks = Lexer.tokenize("é | @bob").tokens
        #expect(toks.map(\.span) == [SourceSpan(0, 2), SourceSpan(3, 4), SourceSpan(5, 9), SourceSpan(9, 9)])
    }

    @Test("suffix hint on a wrong-case suffix")
    func suffixHint() {
        guard case .invalid(_, let hint) = Lexer.tokenize("5m").tokens[0].kind else {
            Issue.record("expected an invalid token"); return
        }
        #expect(hint == NumberLiteral.suffixHint)
    }
}
