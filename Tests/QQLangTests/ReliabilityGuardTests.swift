import Testing
import QQData
@testable import QQSession
@testable import QQEngine
@testable import QQSemantic
@testable import QQSyntax

/// The guards (docs/RELIABILITY.md): runaway regular expressions, `generate` sizes
/// that would not fit in memory, huge counts, long texts. Each finishes quickly or
/// gives a clear error, and the session is unchanged afterwards.
@Suite struct ReliabilityGuardTests {
    /// The six-account fixture plus a `bio` column: one 65,000-character text (the
    /// longest field the CSV reader accepts is 64 KiB), the rest short.
    static func dataset() -> Dataset {
        var d = EngineFixture.people()
        let long = String(repeating: "a", count: 65_000)
        let bios: [Value] = [.string(long), .string("short"), .null, .string("aab"), .string(""), .string("b")]
        d.accounts.set("bio", Column.from(bios))
        return d
    }

    /// Runs `statement` on a fresh session; returns (ok, stdout, stderr, seconds).
    static func run(_ statement: String) -> (ok: Bool, out: String, err: String, seconds: Double) {
        let (s, out) = EngineFixture.session(dataset())
        let clock = ContinuousClock.now
        let ok = s.run(statement)
        let d = ContinuousClock.now - clock
        let seconds = Double(d.components.seconds) + Double(d.components.attoseconds) / 1e18
        // Whatever happened, the session still answers with its dataset.
        #expect(s.run("print accounts | count"), "stderr: \(out.stderr)")
        #expect(out.stdout.hasSuffix("6\n"))
        return (ok, String(out.stdout.dropLast(2)), out.stderr, seconds)
    }

    @Test("classic catastrophic patterns run in linear time", arguments: [
        "(a+)+$", "(a*)*b", "(a|a)*b", "^(a|aa)+$", "(.*a){12}", "(a|b|ab)*c",
    ])
    func backtrackingBombs(_ pattern: String) {
        let r = Self.run("accounts | where bio matches \"\(pattern)\" | count")
        #expect(r.ok, "stderr: \(r.err)")
        Reliability.log("matches \"\(pattern)\" on 65,000 characters: \(Reliability.format(r.seconds))")
        #expect(r.seconds < 60)
    }

    @Test("patterns whose work would run away are refused", arguments: [
        "a{1000}{10}", "(a{1,100}){1,100}b", "((a{1,9}){1,9}){1,9}c",
    ])
    func runawayPatterns(_ pattern: String) {
        let r = Self.run("accounts | where bio matches \"\(pattern)\" | count")
        #expect(!r.ok)
        #expect(r.err.contains("error: regular expression is too costly on a text of 65000 characters"), "stderr: \(r.err)")
        #expect(r.err.contains("^~~"), "the pattern is underlined: \(r.err)")
        Reliability.log("matches \"\(pattern)\" refused after \(Reliability.format(r.seconds))")
    }

    @Test func patternTooLargeToCompile() {
        let r = Self.run("print \"x\" matches \"(a{1,100}){1,100}{1,100}\"")
        #expect(!r.ok)
        #expect(r.err.contains("invalid regular expression: pattern is too large"), "stderr: \(r.err)")
    }

    @Test("generate sizes that cannot fit are refused before allocating", arguments: [
        ("generate accounts 1B follows 1000B", "needs about 24 TB of memory"),
        ("generate accounts 2B follows 100B", "needs about 2.7 TB of memory"),
        ("generate accounts 100B follows 1000B", "expected between 1 and 2,147,483,648 accounts"),
        ("generate accounts 100B follows 1T", "invalid number '1T'"),
        ("generate accounts 10 follows 1000", "10 accounts can have at most 90 follows"),
    ])
    func generateGuards(_ statement: String, _ message: String) {
        let r = Self.run(statement)
        #expect(!r.ok)
        #expect(r.err.contains(message), "stderr: \(r.err)")
        #expect(r.seconds < 10)
    }

    @Test("huge counts are clamped to what there is", arguments: [
        ("accounts | take 1000000000000 | count", "6"),
        ("accounts | take 2B | skip 1B | count", "0"),
        ("accounts | top 1B by age | count", "6"),
        ("accounts | sample 1B | count", "6"),
        ("accounts | sample 1B seed 9 | take 1 | count", "1"),
        ("audience(@ann, 1000000) | count", "5"),
        ("audience(@ann, 1B) | count", "5"),
    ])
    func hugeCounts(_ statement: String, _ expected: String) {
        let r = Self.run(statement)
        #expect(r.ok, "stderr: \(r.err)")
        #expect(r.out == expected + "\n", "stdout: \(r.out)")
        #expect(r.seconds < 10)
    }

    @Test("out-of-range arguments are errors, not traps", arguments: [
        ("accounts | take 9e18", "'take' count must be a whole number"),
        ("accounts | plot hist age bins 1B", "bins must be between 1 and 500"),
        ("print 9223372036854775807 + 1", "integer overflow in '+'"),
        ("print 9223372036854775807 * 2", "integer overflow in '*'"),
        ("print (-9223372036854775807 - 1) % -1", "integer overflow in '%'"),
        ("print abs(-9223372036854775807 - 1)", "integer overflow in 'abs'"),
        ("print 1e400", "out of range"),
        ("accounts | summarize quantile(age, 2)", "between 0 and 1"),
    ])
    func outOfRange(_ statement: String, _ message: String) {
        let r = Self.run(statement)
        #expect(!r.ok)
        #expect(r.err.contains(message), "stderr: \(r.err)")
    }

    @Test func aMegabyteStringLiteralRuns() {
        let r = Self.run("print len(\"" + String(repeating: "é", count: 1 << 20) + "\")")
        #expect(r.ok, "stderr: \(r.err.prefix(200))")
        #expect(r.out == "1048576\n")
    }
}

/// Small helpers for the reliability tests of the language.
enum Reliability {
    static func log(_ line: String) { print("reliability: " + line) }

    static func format(_ s: Double) -> String {
        s < 10 ? "\(Int((s * 1000).rounded())) ms" : "\(Int(s.rounded())) s"
    }
}
