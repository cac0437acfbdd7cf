import QQData
import Testing
@testable import QQSession
@testable import QQEngine
@testable import QQSemantic
@testable import QQSyntax

/// The ledger of syntax error messages (PRQL keeps one): each input with the exact
/// text a script shows for it, position, caret, hint and notes included. A message
/// that reads badly is fixed here, with its test.
@Suite("Syntax error ledger")
struct SyntaxErrorLedgerTests {
    static func rendered(_ text: String) -> String {
        guard let d = Parser.parse(text).firstError else { return "(no error)" }
        return DiagnosticRenderer.render(d, source: text, file: "t.qq", color: false)
    }

    @Test(arguments: [
        ("accounts | where followers = 10", """
        t.qq:1:28: error: '=' does not compare values
          accounts | where followers = 10
                                     ^
        hint: did you mean '=='?

        """),
        ("accounts | wher followers > 10", """
        t.qq:1:12: error: unknown stage 'wher'
          accounts | wher followers > 10
                     ^~~~
        hint: did you mean 'where'?

        """),
        ("accounts | where (followers > 10", """
        t.qq:1:33: error: expected ')', found end of input
          accounts | where (followers > 10
                                          ^
        (to close '(' at 1:18)

        """),
        ("accounts | where (followers > 10\naccounts | count", """
        t.qq:2:1: error: expected ')', found 'accounts'
          accounts | count
          ^~~~~~~~
        (to close '(' at 1:18)

        """),
        ("x = 5", """
        t.qq:1:3: error: '=' binds a name only after 'let', 'set' or 'param'
          x = 5
            ^
        hint: write 'let x = …' to name a value, or '==' to compare

        """),
        ("let print = 5", """
        t.qq:1:5: error: 'print' is a reserved word and cannot be a name
          let print = 5
              ^~~~~
        hint: choose another name, such as 'print_'

        """),
        ("let x == 5", """
        t.qq:1:7: error: expected '=' after 'let x', found '=='
          let x == 5
                ^~
        hint: 'let' takes a single '='

        """),
        ("accounts | top 10 followers", """
        t.qq:1:19: error: expected 'by' after 'top 10', found 'followers'
          accounts | top 10 followers
                            ^~~~~~~~~
        hint: top 10 by followers

        """),
        ("accounts where followers > 1", """
        t.qq:1:10: error: expected '|' or end of line, found 'where'
          accounts where followers > 1
                   ^~~~~
        hint: write '| where' to add a stage

        """),
        ("accounts | sort x descending", """
        t.qq:1:19: error: expected '|' or end of line, found 'descending'
          accounts | sort x descending
                            ^~~~~~~~~~
        hint: the sort orders are 'asc' and 'desc'

        """),
        ("accounts |", """
        t.qq:1:11: error: expected a stage name after '|', found end of input
          accounts |
                    ^

        """),
        ("| count", """
        t.qq:1:1: error: expected a source before '|'
          | count
          ^
        hint: start with a source such as 'accounts'; a line starting with '|' continues the line above only in scripts

        """),
        ("load data/dir", """
        t.qq:1:6: error: expected a path in quotes, 'follows', 'accounts', 'layer' or 'sample', found 'data'
          load data/dir
               ^~~~
        hint: paths are written in quotes: load "data/dir"

        """),
        ("load \"x\" quickly", """
        t.qq:1:10: error: expected end of line, found 'quickly'
          load "x" quickly
                   ^~~~~~~
        hint: a load may end with 'lenient'

        """),
        ("accounts | correlate a, b method spearmn", """
        t.qq:1:34: error: unknown correlation method 'spearmn'
          accounts | correlate a, b method spearmn
                                           ^~~~~~~
        hint: did you mean 'spearman'?

        """),
        ("accounts | correlate followers", """
        t.qq:1:12: error: 'correlate' needs at least two expressions
          accounts | correlate followers
                     ^~~~~~~~~~~~~~~~~~~
        hint: correlate followers, pagerank

        """),
        ("accounts | plot pie x", """
        t.qq:1:17: error: unknown plot kind 'pie'
          accounts | plot pie x
                          ^~~
        hint: plots are hist, scatter, bar and line

        """),
        ("accounts | plot scatter x", """
        t.qq:1:25: error: 'plot scatter' takes two expressions: X, Y
          accounts | plot scatter x
                                  ^

        """),
        ("accounts | plot bar x, y bins 3", """
        t.qq:1:26: error: 'bins' applies to 'plot hist' only
          accounts | plot bar x, y bins 3
                                   ^~~~

        """),
        ("accounts | extend followers / 2", """
        t.qq:1:19: error: 'extend' needs a name for each column
          accounts | extend followers / 2
                            ^~~~~~~~~~~~~
        hint: write 'extend name = followers / 2'

        """),
        ("a < b < c", """
        t.qq:1:7: error: comparisons cannot be chained
          a < b < c
                ^
        hint: combine them with 'and': a < b and b < c

        """),
        ("x between 1 or 2", """
        t.qq:1:13: error: expected 'and' in 'between … and …', found 'or'
          x between 1 or 2
                      ^~

        """),
        ("f(1, 2", """
        t.qq:1:7: error: expected ')', found end of input
          f(1, 2
                ^
        (to close '(' at 1:2)

        """),
        ("(1, 2)", """
        t.qq:1:3: error: expected ')', found ','
          (1, 2)
            ^
        hint: a list of values goes after 'in': x in (1, 2)

        """),
        ("accounts | export top.csv", """
        t.qq:1:19: error: expected a file path in quotes, such as "out.csv", found 'top'
          accounts | export top.csv
                            ^~~
        hint: paths are written in quotes: "data/file.csv"

        """),
        ("print \"abc", """
        t.qq:1:7: error: unterminated string
          print "abc
                ^~~~
        hint: close it with "

        """),
        ("print 10K", """
        t.qq:1:7: error: invalid number '10K'
          print 10K
                ^~~
        hint: number suffixes are k (thousand), M (million) and B (billion)

        """),
        ("accounts | where handle == “bob”", """
        t.qq:1:28: error: unexpected character '“'
          accounts | where handle == “bob”
                                     ^
        hint: use straight quotes: " or '

        """),
        ("compare", """
        t.qq:1:8: error: expected accounts to compare, found end of input
          compare
                 ^
        hint: compare @alice, @bob

        """),
        ("generate accounts 10 edges 5", """
        t.qq:1:22: error: expected 'follows', found 'edges'
          generate accounts 10 edges 5
                               ^~~~~

        """),
        ("x)", """
        t.qq:1:2: error: unexpected ')'
          x)
           ^
        hint: it closes no '('

        """),
        ("\tprint  \"日本\" + zz)", """
        t.qq:1:18: error: unexpected ')'
              print  "日本" + zz)
                                ^
        hint: it closes no '('

        """),
        ("print 1\n\naccounts | where x ==\n", """
        t.qq:3:22: error: expected an expression, found end of input
          accounts | where x ==
                               ^

        """),
        ("accounts | where x ! 3", """
        t.qq:1:20: error: unexpected character '!'
          accounts | where x ! 3
                             ^
        hint: use 'not' to negate and '!=' to compare

        """),
        ("accounts | where and", """
        t.qq:1:18: error: expected an expression, found 'and'
          accounts | where and
                           ^~~

        """),
        ("where followers > 10", """
        t.qq:1:7: error: expected '|' or end of line, found 'followers'
          where followers > 10
                ^~~~~~~~~
        hint: a pipeline starts with a source: accounts | where …

        """),
        ("pritn 5", """
        t.qq:1:7: error: expected '|' or end of line, found number 5
          pritn 5
                ^
        hint: did you mean 'print'?

        """),
        ("print @", """
        t.qq:1:7: error: expected a handle after '@'
          print @
                ^
        hint: write @name or @"any text"

        """),
    ])
    func message(_ input: String, _ expected: String) {
        #expect(SyntaxErrorLedgerTests.rendered(input) == expected)
    }
}
