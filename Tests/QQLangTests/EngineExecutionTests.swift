import Testing
import QQData
@testable import QQSession
@testable import QQEngine
@testable import QQSemantic
@testable import QQSyntax

/// Stage semantics checked by a second method, null semantics, the metric cache's
/// invalidation, parameters, `--safe`, and what goes to stdout and stderr.
@Suite struct EngineExecutionTests {
    /// Top-N by heap equals the first N rows of the stable sort, on data with many ties and nulls.
    @Test(arguments: [0, 1, 5, 37, 400])
    func topNIsPrefixOfStableSort(k: Int) throws {
        var rng = SplitMix64(seed: UInt64(k + 11))
        let n = 300_000
        var values = [Double](repeating: 0, count: n)
        var valid = Bitmap(count: n, value: true)
        for i in 0..<n {
            values[i] = Double(rng.next() % 50)
            if rng.next() % 7 == 0 { valid[i] = false }
        }
        for desc in [false, true] {
            let key = [SortColumn(Column(.float(values), valid: valid), descending: desc)]
            let top = try Sorting.top(k, key, count: n)
            let sorted = try Sorting.order(key, count: n)
            #expect(top == Array(sorted.prefix(k)))
        }
    }

    @Test func sortIsStableWithNullsLast() throws {
        let key = [SortColumn(Column.from([.int(2), .null, .int(1), .int(2), .null, .int(1)]), descending: true)]
        #expect(try Sorting.order(key, count: 6) == [0, 3, 2, 5, 1, 4])
        let asc = [SortColumn(Column.from([.string("b"), .null, .string("a"), .string("b")]), descending: false)]
        #expect(try Sorting.order(asc, count: 4) == [2, 0, 3, 1])
    }

    @Test func threeValuedLogic() {
        let r = EngineFixture.run("""
            print null and false
            print null or true
            print not (null > 1)
            print null in (1, 2)
            print 1 in (1, null)
            print 3 in (1, null)
            print 2 between null and 3
            """)
        #expect(r.ok)
        #expect(r.out == "false\ntrue\nnull\nnull\ntrue\nnull\nnull\n")
    }

    @Test func letAndSetWriteNothingToStdout() {
        let r = EngineFixture.run("let t = accounts | take 2\nlet n = 3\nset damping = 0.8\nset rows = 5")
        #expect(r.ok)
        #expect(r.out.isEmpty)
        #expect(r.err.isEmpty)
    }

    @Test func interactiveConfirmationsGoToStderr() {
        let (s, out) = EngineFixture.session()
        s.options.interactive = true
        #expect(s.run("let t = accounts | take 2\nlet n = 3"))
        #expect(out.stdout.isEmpty)
        #expect(out.stderr == "t: 2 rows\nn = 3\n")
    }

    @Test func scriptStopsAtFirstErrorAndSessionSurvives() {
        let (s, out) = EngineFixture.session()
        #expect(!s.run("print 1\nprint nosuch\nprint 3", file: "x.qq"))
        #expect(out.stdout == "1\n")
        #expect(out.stderr.hasPrefix("x.qq:2:7: error: unknown name 'nosuch'"))
        #expect(s.run("print 4"))
        #expect(out.stdout == "1\n4\n")
    }

    @Test func safeModeRefusesFiles() {
        let (s, out) = EngineFixture.session()
        s.options.safe = true
        #expect(!s.run("accounts | export \"/tmp/qq-safe-never.csv\""))
        #expect(out.stderr.contains("--safe"))
        out.stderr = ""
        #expect(!s.run("save \"/tmp/qq-safe-never\""))
        #expect(out.stderr.contains("--safe"))
        #expect(!AtomicFile.exists("/tmp/qq-safe-never.csv"))
    }

    @Test func parametersOverrideDefaults() {
        let (s, out) = EngineFixture.session()
        s.setParameters([("who", "@bob"), ("n", "1")])
        #expect(s.run("param who = @ann\nparam n = 5\nprint who\nprint n + 1", file: "p.qq"))
        #expect(out.stdout == "bob\n2\n")
    }

    @Test func unknownParameterIsAnError() {
        let (s, out) = EngineFixture.session()
        s.setParameters([("whom", "@bob")])
        #expect(!s.run("param who = @ann\nprint who", file: "p.qq"))
        #expect(out.stdout.isEmpty)
        #expect(out.stderr.contains("unknown parameter 'whom'"))
        #expect(out.stderr.contains("did you mean 'who'?"))
    }

    @Test func bareWordParameterIsText() {
        let (s, out) = EngineFixture.session()
        s.setParameters([("town", "Oslo")])
        #expect(s.run("param town = \"Rome\"\naccounts | where city == town | count", file: "p.qq"))
        #expect(out.stdout == "2\n")
    }

    @Test func settingInvalidatesOnlyWhatDependsOnIt() throws {
        let (s, _) = EngineFixture.session()
        #expect(s.run("accounts | select pagerank, kcore, audience_quality, followers | count"))
        let rt = s.rt
        let before = try #require(rt.metrics.valid(MetricID("kcore")!, rt)?.key)
        #expect(rt.metrics.valid(MetricID("pagerank")!, rt) != nil)
        #expect(s.run("set damping = 0.5"))
        #expect(rt.metrics.valid(MetricID("pagerank")!, rt) == nil)
        #expect(rt.metrics.valid(MetricID("audience_quality")!, rt) == nil)
        #expect(rt.metrics.valid(MetricID("kcore")!, rt)?.key == before)
        #expect(rt.metrics.valid(MetricID("followers")!, rt) != nil)
        #expect(s.run("accounts | select pagerank | count\nset damping = 0.85"))
        #expect(rt.metrics.valid(MetricID("pagerank")!, rt) == nil, "the entry now holds the damping-0.5 values")
    }

    @Test func suspiciousRuleKeysOnWhatItReads() {
        let (s, _) = EngineFixture.session()
        #expect(s.run("set suspicious = pagerank < 0.1\naccounts | select fake_followers | count"))
        let rt = s.rt
        #expect(rt.metrics.valid(MetricID("fake_followers")!, rt) != nil)
        #expect(s.run("set tolerance = 1e-9"))
        #expect(rt.metrics.valid(MetricID("fake_followers")!, rt) == nil)
        #expect(s.run("set suspicious = age > 30\naccounts | select fake_followers | count"))
        #expect(s.run("set damping = 0.5"))
        #expect(rt.metrics.valid(MetricID("fake_followers")!, rt) != nil)
    }

    @Test func failedComputationStoresNothing() {
        let (s, out) = EngineFixture.session()
        #expect(s.run("set suspicious = age > 30"))
        let other = EngineFixture.dataset(columns: [("handle", [.string("x"), .string("y")])], follows: [("x", "y")])
        s.dataset = other
        #expect(!s.run("accounts | select fake_followers"))
        #expect(out.stderr.contains("suspicious rule"))
        #expect(s.rt.metrics.valid(MetricID("fake_followers")!, s.rt) == nil)
        #expect(s.rt.metrics.valid(MetricID("suspicious")!, s.rt) == nil)
    }

    @Test func valueFormatsPrintTextAlone() {
        for format in ["table", "csv", "json", "markdown"] {
            let (s, out) = EngineFixture.session(format: format)
            #expect(s.run("accounts | count\nprint 1.5"))
            #expect(out.stdout == "6\n1.5\n")
        }
    }

    @Test func timerReportsOnStderr() {
        let (s, out) = EngineFixture.session()
        s.options.timer = true
        #expect(s.run("print 1"))
        #expect(out.stdout == "1\n")
        #expect(out.stderr.hasPrefix("time: ") && out.stderr.hasSuffix(" ms\n"))
    }

    @Test func regexGuardsRunawayPatterns() throws {
        let p = try RegexProgram(pattern: "(a+)+$")
        let text = String(repeating: "a", count: 20_000) + "b"
        #expect(try p.matches(text) == false)
        #expect(try RegexProgram(pattern: "^a{2,3}b").matches("aab"))
        #expect(try !RegexProgram(pattern: "^a{2,3}b").matches("ab"))
        #expect(try RegexProgram(pattern: "[^0-9]x\\d").matches("9ax7"))
        #expect(try RegexProgram(pattern: "(?i)HELLO").matches("say hello"))
        #expect(try RegexProgram(pattern: "colou?r").matches("color"))
        #expect(try RegexProgram(pattern: "^$").matches(""))
        #expect(throws: RegexError.self) { try RegexProgram(pattern: "a{2000}") }
        #expect(throws: RegexError.self) { try RegexProgram(pattern: "[a-") }
    }
}
