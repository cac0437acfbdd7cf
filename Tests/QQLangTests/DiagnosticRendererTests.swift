import QQData
import Testing
@testable import QQSession
@testable import QQEngine
@testable import QQSemantic
@testable import QQSyntax

@Suite("Diagnostic renderer")
struct DiagnosticRendererTests {
    @Test("the REPL form has no file prefix")
    func repl() {
        let d = Diagnostic(.name, "unknown name 'acounts'", span: SourceSpan(0, 7), hint: "did you mean 'accounts'?")
        #expect(DiagnosticRenderer.render(d, source: "acounts | count", file: nil, color: false) == """
        error: unknown name 'acounts'
          acounts | count
          ^~~~~~~
        hint: did you mean 'accounts'?

        """)
    }

    @Test("a script error names file, line and column")
    func script() {
        let src = "print 1\nprint zz + 1\n"
        let d = Diagnostic(.name, "unknown column 'zz'", span: SourceSpan(14, 16))
        #expect(DiagnosticRenderer.render(d, source: src, file: "a/b.qq", color: false) == """
        a/b.qq:2:7: error: unknown column 'zz'
          print zz + 1
                ^~

        """)
    }

    @Test("data-file positions, hints and notes")
    func position() {
        let d = Diagnostic(.io, "expected 2 fields, found 3", position: FilePosition(file: "edges.csv", line: 12, column: 9),
                           hint: "load it with 'lenient' to skip bad rows", notes: ["first bad rows: 12"])
        #expect(DiagnosticRenderer.render(d, source: nil, file: "x.qq", color: false) == """
        edges.csv:12:9: error: expected 2 fields, found 3
        hint: load it with 'lenient' to skip bad rows
        first bad rows: 12

        """)
    }

    @Test("without a span: the message alone, after the file when there is one")
    func noSpan() {
        let d = Diagnostic(.runtime, "assertion failed: sample has 2000 accounts")
        #expect(DiagnosticRenderer.render(d, source: "assert false", file: nil, color: false)
                == "error: assertion failed: sample has 2000 accounts\n")
        #expect(DiagnosticRenderer.render(d, source: nil, file: "t.qq", color: false)
                == "t.qq: error: assertion failed: sample has 2000 accounts\n")
        let w = Diagnostic(.runtime, "betweenness is approximate", severity: .warning)
        #expect(DiagnosticRenderer.render(w, source: nil, file: nil, color: false) == "warning: betweenness is approximate\n")
    }

    @Test("columns count characters; carets account for tabs and wide characters")
    func widths() {
        let src = "\t\"日本語\" + x"
        let start = Array("\t\"日本語\" + ".utf8).count
        let d = Diagnostic(.name, "unknown column 'x'", span: SourceSpan(start, start + 1))
        #expect(DiagnosticRenderer.render(d, source: src, file: "t.qq", color: false) == """
        t.qq:1:10: error: unknown column 'x'
              "日本語" + x
                         ^

        """)
        let whole = Diagnostic(.type, "bad", span: SourceSpan(1, start - 3))
        #expect(DiagnosticRenderer.render(whole, source: src, file: nil, color: false) == """
        error: bad
              "日本語" + x
              ^~~~~~~~

        """)
    }

    @Test("a span across lines is underlined to the end of its first line")
    func multiline() {
        let src = "print (1 +\n  2) * \"a\""
        let d = Diagnostic(.type, "cannot multiply int by string", span: SourceSpan(6, 22))
        #expect(DiagnosticRenderer.render(d, source: src, file: nil, color: false) == """
        error: cannot multiply int by string
          print (1 +
                ^~~~

        """)
    }

    @Test("colour only when asked")
    func color() {
        let d = Diagnostic(.syntax, "oops", span: SourceSpan(0, 1), hint: "h")
        let plain = DiagnosticRenderer.render(d, source: "x", file: nil, color: false)
        let colored = DiagnosticRenderer.render(d, source: "x", file: nil, color: true)
        #expect(!plain.contains("\u{1B}["))
        #expect(colored.contains("\u{1B}[1;31merror:\u{1B}[0m"))
        #expect(colored.contains("\u{1B}[1;32m^\u{1B}[0m"))
    }

    @Test("CRLF line endings are not echoed")
    func crlf() {
        let d = Diagnostic(.syntax, "oops", span: SourceSpan(0, 1))
        #expect(DiagnosticRenderer.render(d, source: "x\r\ny", file: nil, color: false) == "error: oops\n  x\n  ^\n")
    }
}
