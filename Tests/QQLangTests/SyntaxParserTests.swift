import QQData
import Testing
@testable import QQSession
@testable import QQEngine
@testable import QQSemantic
@testable import QQSyntax

/// Parses `text` and dumps its statements, one per line; a syntax error dumps as `error: message`.
func dump(_ text: String) -> String {
    let r = Parser.parse(text)
    if let e = r.firstError { return "error: " + e.message }
    return r.statements.map(ASTDump.statement).joined(separator: "\n")
}

@Suite("Parser: statements")
struct SyntaxStatementTests {
    @Test(arguments: [
        ("accounts", "accounts"),
        ("accounts | where followers > 10k | top 10 by pagerank",
         "(pipe accounts (where (> followers 10000)) (top 10 (by pagerank)))"),
        ("let bigs = accounts | where followers >= 1M",
         "(let bigs (pipe accounts (where (>= followers 1000000))))"),
        ("let n = bigs | count", "(let n (pipe bigs count))"),
        ("compare @alice, @bob", "(compare @alice @bob)"),
        ("compare @alice, @bob on followers, engagement, pagerank",
         "(compare @alice @bob (on followers engagement pagerank))"),
        ("accounts | top 5 by followers | compare", "(pipe accounts (top 5 (by followers)) (compare))"),
        ("describe", "(describe)"),
        ("describe accounts", "(describe accounts)"),
        ("print \"median followers: \" + str(accounts | summarize median(followers))",
         "(print (+ \"median followers: \" (call str (pipe accounts (summarize (call median followers))))))"),
        ("assert (accounts | count) == 2000, \"sample has 2000 accounts\"",
         "(assert (== (paren (pipe accounts count)) 2000) \"sample has 2000 accounts\")"),
        ("assert 1 < 2", "(assert (< 1 2))"),
        ("set damping = 0.85", "(set damping 0.85)"),
        ("set suspicious = following > 1k and followers < 10",
         "(set suspicious (and (> following 1000) (< followers 10)))"),
        ("set format = csv", "(set format csv)"),
        ("source \"other.qq\"", "(source \"other.qq\")"),
        ("param who = @alice", "(param who @alice)"),
        ("help", "(help)"),
        ("help where", "(help \"where\")"),
        ("help .rows", "(help \".rows\")"),
        ("load \"data/dir\"", "(load \"data/dir\")"),
        ("load \"graph.graphml\"", "(load \"graph.graphml\")"),
        ("load follows \"edges.csv\"", "(load follows \"edges.csv\")"),
        ("load accounts \"people.csv\" lenient", "(load accounts \"people.csv\" lenient)"),
        ("load layer repost \"retweets.csv\"", "(load layer repost \"retweets.csv\")"),
        ("load \"edges.csv.gz\" lenient", "(load \"edges.csv.gz\" lenient)"),
        ("load sample", "(load sample)"),
        ("load sample \"roget\"", "(load sample \"roget\")"),
        ("answer", "(answer)"),
        ("answer 0.72", "(answer 0.72)"),
        ("answer accounts | count", "(answer (pipe accounts count))"),
        ("answer @alice", "(answer @alice)"),
        ("generate accounts 1M follows 20M seed 7", "(generate 1000000 20000000 (seed 7))"),
        ("generate accounts 1000 follows 5k", "(generate 1000 5000)"),
        ("save \"out/dir\"", "(save \"out/dir\")"),
        ("save \"snap.qqs\" overwrite", "(save \"snap.qqs\" overwrite)"),
        ("a; b\nc", "a\nb\nc"),
        ("#!/usr/bin/env qq\n# comment\naccounts | count # trailing\n", "(pipe accounts count)"),
    ])
    func statement(_ input: String, _ expected: String) {
        #expect(dump(input) == expected)
    }
}

@Suite("Parser: stages")
struct SyntaxStageTests {
    @Test(arguments: [
        ("where handle contains \"x\"", "(where (contains handle \"x\"))"),
        ("sort followers", "(sort followers)"),
        ("sort followers desc, handle asc", "(sort (desc followers) (asc handle))"),
        ("top 10 by pagerank", "(top 10 (by pagerank))"),
        ("top 10 by pagerank asc, handle", "(top 10 (by (asc pagerank) handle))"),
        ("take 5", "(take 5)"),
        ("skip 5", "(skip 5)"),
        ("select handle, followers / 1k as kf, r = ratio", "(select handle (as (/ followers 1000) kf) (as ratio r))"),
        ("extend kf = followers / 1000, big = followers > 1M",
         "(extend (as (/ followers 1000) kf) (as (> followers 1000000) big))"),
        ("summarize count(), avg(posts) as mean by community",
         "(summarize (call count) (as (call avg posts) mean) (by community))"),
        ("summarize n = count() by c = community", "(summarize (as (call count) n) (by (as community c)))"),
        ("summarize by community", "(summarize (by community))"),
        ("summarize quantile(followers, 0.9)", "(summarize (call quantile followers 0.9))"),
        ("distinct community, kcore", "(distinct community kcore)"),
        ("count", "count"),
        ("sample 10", "(sample 10)"),
        ("sample 10 seed 42", "(sample 10 (seed 42))"),
        ("compare", "(compare)"),
        ("compare on followers, pagerank", "(compare (on followers pagerank))"),
        ("correlate followers, pagerank, engagement", "(correlate followers pagerank engagement)"),
        ("correlate followers, pagerank method kendall", "(correlate followers pagerank (method kendall))"),
        ("plot hist followers", "(plot hist followers)"),
        ("plot hist followers bins 20 log", "(plot hist followers (bins 20) log)"),
        ("plot scatter followers, engagement log", "(plot scatter followers engagement log)"),
        ("plot bar handle, followers to \"top.svg\"", "(plot bar handle followers (to \"top.svg\"))"),
        ("plot hist pagerank to \"pr.svg\" overwrite", "(plot hist pagerank (to \"pr.svg\" overwrite))"),
        ("export \"top.csv\"", "(export \"top.csv\")"),
        ("export \"top.json\" overwrite", "(export \"top.json\" overwrite)"),
    ])
    func stage(_ input: String, _ expected: String) {
        #expect(dump("accounts | " + input) == "(pipe accounts \(expected))")
    }

    @Test("a select item keeps its source text")
    func itemText() throws {
        let r = Parser.parse("accounts | select  followers / max(following, 1) , handle as h")
        guard case .expression(let e) = try #require(r.statements.first).kind,
              case .pipeline(_, let stages) = e.kind, case .select(let items) = stages[0].kind else {
            Issue.record("not a select pipeline"); return
        }
        #expect(items.map(\.text) == ["followers / max(following, 1)", "handle"])
    }
}

@Suite("Parser: expressions")
struct SyntaxExpressionTests {
    @Test(arguments: [
        ("1 + 2 * 3", "(+ 1 (* 2 3))"),
        ("(1 + 2) * 3", "(* (paren (+ 1 2)) 3)"),
        ("a - b - c", "(- (- a b) c)"),
        ("a % 2 == 0", "(== (% a 2) 0)"),
        ("-5", "-5"),
        ("-2.5k", "-2500"),
        ("- x", "(neg x)"),
        ("not a and b or c", "(or (and (not a) b) c)"),
        ("not not a", "(not (not a))"),
        ("a or b and c", "(or a (and b c))"),
        ("x in (1, 2, 3)", "(in x (1 2 3))"),
        ("x not in ('a')", "(not-in x (\"a\"))"),
        ("x between 1 and 10 and y", "(and (between x 1 10) y)"),
        ("x not between 1 and 2", "(not-between x 1 2)"),
        ("x is null", "(is-null x)"),
        ("x is not null", "(is-not-null x)"),
        ("handle startswith 'a' or handle endswith \"z\"", "(or (startswith handle \"a\") (endswith handle \"z\"))"),
        ("handle matches '^bot[0-9]+$'", "(matches handle \"^bot[0-9]+$\")"),
        ("handle not contains 'x'", "(not (contains handle \"x\"))"),
        ("true and false or null", "(or (and true false) null)"),
        ("if(followers > 1k, 'big', 'small')", "(call if (> followers 1000) \"big\" \"small\")"),
        ("date(\"2024-01-31\")", "(call date \"2024-01-31\")"),
        ("count()", "(call count)"),
        ("@alice", "@alice"),
        ("@alice.followers", "(. @alice followers)"),
        ("@john.smith.pagerank", "(. @john.smith pagerank)"),
        ("@\"any text\".followers", "(. @any text followers)"),
        ("@\"a.b\"", "@a.b"),
        ("@user.2", "@user.2"),
        ("src.followers > dst.followers", "(> (. src followers) (. dst followers))"),
        ("followers(@a)", "(call followers @a)"),
        ("common_followers(@a, @b)", "(call common_followers @a @b)"),
        ("audience(@a, 2) | count", "(pipe (call audience @a 2) count)"),
        ("(accounts | count) > 100", "(> (paren (pipe accounts count)) 100)"),
        ("overlap(@a, @b)", "(call overlap @a @b)"),
        ("pagerank(repost)", "(call pagerank repost)"),
        ("`my col` * 2", "(* my col 2)"),
        ("percentile(followers) >= 90", "(>= (call percentile followers) 90)"),
    ])
    func expression(_ input: String, _ expected: String) {
        #expect(dump(input) == expected)
    }

    @Test("spans cover the whole expression")
    func spans() throws {
        let text = "x + foo(1, 2)"
        let r = Parser.parse(text)
        guard case .expression(let e) = try #require(r.statements.first).kind,
              case .binary(_, let l, let rhs) = e.kind else { Issue.record("not binary"); return }
        #expect(e.span == SourceSpan(0, 13))
        #expect(l.span == SourceSpan(0, 1))
        #expect(rhs.span == SourceSpan(4, 13))
    }

    @Test("a handle's member span points at the column")
    func memberSpan() throws {
        let e = try Parser.parseExpression("@alice.followers")
        guard case .member(let base, let m) = e.kind else { Issue.record("not a member"); return }
        #expect(base.span == SourceSpan(0, 6))
        #expect(m.span == SourceSpan(7, 16))
    }

    @Test("parseExpression reads a parameter value")
    func parameterValue() throws {
        #expect(ASTDump.expr(try Parser.parseExpression("@bob")) == "@bob")
        #expect(ASTDump.expr(try Parser.parseExpression("20")) == "20")
        #expect(throws: Diagnostic.self) { try Parser.parseExpression("20 20") }
    }
}
