import Testing
import QQData
@testable import QQSyntax
@testable import QQSemantic
@testable import QQEngine

/// Unit tests for the forms of SPEC §7 below the golden scripts: how they parse, how
/// handles are written back, the text functions at their edges, regex captures and
/// the hash table behind join and `in`.
@Suite struct AnalysisFormsTests {
    static func dump(_ text: String) -> String {
        let r = Parser.parse(text)
        guard r.succeeded, let s = r.statements.first else { return "error: \(r.firstError?.message ?? "")" }
        return ASTDump.statement(s)
    }

    @Test(arguments: [
        ("accounts | join (read \"l.csv\") on handle", "(pipe accounts (join (paren (read \"l.csv\")) (on handle)))"),
        ("accounts | join left t on handle == id", "(pipe accounts (join left t (on handle id)))"),
        ("accounts | join anti t on handle", "(pipe accounts (join anti t (on handle)))"),
        ("accounts | join left on handle", "(pipe accounts (join left (on handle)))"),
        ("accounts | top 2 by pagerank per leaning", "(pipe accounts (top 2 (by pagerank) (per leaning)))"),
        ("accounts | top 1 by posts asc per x > 1", "(pipe accounts (top 1 (by (asc posts)) (per (> x 1))))"),
        ("accounts | extend r = rank(x asc)", "(pipe accounts (extend (as (call rank x asc) r)))"),
        ("x in t", "(in x (t))"),
        ("x not in (t | select a)", "(not-in x ((pipe t (select a))))"),
        ("read \"a.jsonl\" | count", "(pipe (read \"a.jsonl\") count)"),
        ("@alice@mastodon.social", "(. @alice@mastodon social)"),
        ("compare @a, @b on received(work), x as y", "(compare @a @b (on (call received work) (as y x)))"),
        ("accounts | compare on followers / 2", "(pipe accounts (compare (on (/ followers 2))))"),
    ])
    func parses(_ text: String, _ expected: String) {
        #expect(Self.dump(text) == expected)
    }

    @Test func handleTokenText() throws {
        #expect(try Parser.parseExpression("@atrios.blogspot.com.pagerank").handleToken == "atrios.blogspot.com.pagerank")
        #expect(try Parser.parseExpression("@a.b-c").handleToken == "a.b-c")
        #expect(try Parser.parseExpression("@\"a.b\"").handleToken == nil)
        #expect(try Parser.parseExpression("@\"a.b\".followers").handleToken == nil)
        #expect(try Parser.parseExpression("@alice@mastodon.social").handleToken == "alice@mastodon.social")
    }

    @Test(arguments: [
        ("dailykos.com", "@dailykos.com"), ("alice@mastodon.social", "@alice@mastodon.social"),
        ("john doe", "@\"john doe\""), ("trailing.", "@\"trailing.\""), ("-x", "@\"-x\""),
        ("say \"hi\"", "@\"say \\\"hi\\\"\""), ("123", "@123"), ("émile", "@émile"),
    ])
    func handlesWrittenBack(_ handle: String, _ written: String) throws {
        #expect(HandleSyntax.written(handle) == written)
        // What is written lexes back to one handle token with the same text.
        let tokens = Lexer.tokenize(written).tokens
        #expect(tokens.count == 2)
        #expect(tokens.first?.kind == .handle(handle))
    }

    @Test func substrClipsLikeSQL() {
        #expect(TextFunctions.substr("abcdef", start: 2, length: 3) == "bcd")
        #expect(TextFunctions.substr("abc", start: 0, length: 2) == "a")
        #expect(TextFunctions.substr("abc", start: -5, length: 2) == "")
        #expect(TextFunctions.substr("abc", start: 4, length: nil) == "")
        #expect(TextFunctions.substr("abc", start: 2, length: -1) == nil)
        #expect(TextFunctions.substr("héllo", start: 2, length: 2) == "él")
        #expect(TextFunctions.substr("abc", start: 2, length: Int64.max) == "bc")
    }

    @Test func splitPartCountsFromBothEnds() {
        #expect(TextFunctions.splitPart("a::b::c", "::", 2) == "b")
        #expect(TextFunctions.splitPart("a::b::c", "::", -1) == "c")
        #expect(TextFunctions.splitPart("a::b::c", "::", 4) == "")
        #expect(TextFunctions.splitPart("a::b::c", "::", 0) == nil)
        #expect(TextFunctions.splitPart("", ",", 1) == "")
        #expect(TextFunctions.trim(" \t x y \n") == "x y")
    }

    @Test func regexCapturesAreLeftmostAndGreedy() throws {
        let p = try RegexProgram(pattern: "(a+)(b)?", captures: true)
        #expect(p.groupCount == 2)
        let m = try #require(try p.firstMatch(Array("xxaaab".unicodeScalars), from: 0))
        #expect(Array(m.prefix(6)) == [2, 6, 2, 5, 5, 6])
        let alt = try RegexProgram(pattern: "(ab|a)(c?)", captures: true)
        #expect(try TextFunctions.extract("abc", alt, 1) == "ab")
        #expect(try TextFunctions.extract("xyz", alt, 0) == nil)
        #expect(try TextFunctions.replace("a-b-c", try RegexProgram(pattern: "([a-z])", captures: true), "<$1$$>") == "<a$>-<b$>-<c$>")
        #expect(try RegexProgram(pattern: "(?:x)(y)").groupCount == 1)
        #expect(try TextFunctions.extract("ABC", try RegexProgram(pattern: "(?i)(b)", captures: true), 1) == "B")
    }

    @Test func keyTableChainsKeepRowOrder() throws {
        let right = Column.from([.string("a"), .string("b"), .string("a"), .null, .string("a")])
        let left = Column.from([.string("a"), .string("z"), .null, .string("b")])
        let (probe, build) = KeyColumn.pair(left, right, asText: false)
        let t = try KeyTable(build, chains: true)
        let first = try t.firstMatches(probe)
        let (l, r) = Join.pairs(first, t.next, keepUnmatched: true)
        #expect(l == [0, 0, 0, 1, 2, 3])
        #expect(r == [0, 2, 4, Join.none, Join.none, 1])
    }

    @Test func numbersMeetTextAsText() throws {
        let handles = Column.from([.string("123"), .string("alice"), .string("7")])
        let ids = Column.from([.int(7), .int(123), .null])
        let x = try Membership.test(handles, ids, negated: false, asText: true, count: 3)
        #expect((0..<3).map { x[$0] } == [.bool(true), .bool(false), .bool(true)])
        let floats = Column.from([.float(1.0), .float(-0.0)])
        let ints = Column.from([.int(1), .int(0), .int(2)])
        let y = try Membership.test(ints, floats, negated: true, asText: false, count: 3)
        #expect((0..<3).map { y[$0] } == [.bool(false), .bool(false), .bool(true)])
    }

    /// Past 200,000 rows the probe runs on both cores; it must agree with a Set.
    @Test func largeProbesAgreeWithASet() throws {
        let n = 300_000
        var build = StringStore(), probe = StringStore()
        for i in 0..<n { build.append("h\(i * 3)"); probe.append("h\(i * 2)") }
        let t = try KeyTable(.strings(build, valid: nil), chains: false)
        let first = try t.firstMatches(.strings(probe, valid: nil))
        let members = Set((0..<n).map { $0 * 3 })
        for i in 0..<n { #expect((first[i] != 0) == members.contains(i * 2)); if (first[i] != 0) != members.contains(i * 2) { break } }
        let ints = try KeyTable(.ints((0..<Int64(n)).map { $0 * 3 }, valid: nil), chains: true)
        let hits = try ints.firstMatches(.ints((0..<Int64(n)).map { $0 * 2 }, valid: nil))
        #expect(hits.filter { $0 != 0 }.count == (0..<n).filter { ($0 * 2) % 3 == 0 && $0 * 2 < 3 * n }.count)
        #expect(hits[3] == 3)  // 6 is build row 2, stored as row + 1
    }
}
