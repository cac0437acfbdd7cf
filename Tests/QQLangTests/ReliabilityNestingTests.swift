import Foundation
import Testing
import QQData
@testable import QQSession
@testable import QQEngine
@testable import QQSemantic
@testable import QQSyntax

/// Hostile depth through `Session.run`: a 200,000-deep expression of each nesting
/// form, a `source` cycle and a `source` chain deeper than the limit each give one
/// error (never a crash or a stack overflow), and the session answers afterwards.
/// (`ReliabilityScriptTests` in QQShellTests runs the same through `qq`.)
@Suite struct ReliabilityNestingTests {
    static let depth = 200_000

    /// Each nesting form, 200,000 levels deep.
    static let deep: [(String, String)] = [
        ("parentheses", "print " + String(repeating: "(", count: depth) + "1" + String(repeating: ")", count: depth)),
        ("unary minus", "print " + String(repeating: "-", count: depth) + "1"),
        ("minus and parentheses", "print " + String(repeating: "-(", count: depth) + "1" + String(repeating: ")", count: depth)),
        ("not", "print " + String(repeating: "not ", count: depth) + "true"),
        ("pipelines in parentheses",
         "let t = accounts | take 1\nprint " + String(repeating: "(t | take ", count: depth) + "1"
            + String(repeating: " | count)", count: depth)),
        ("calls", "print " + String(repeating: "abs(", count: depth) + "1" + String(repeating: ")", count: depth)),
        ("open brackets", "accounts | where " + String(repeating: "(", count: depth)),
    ]

    @Test(arguments: deep.map(\.0))
    func deepExpressionIsAnError(_ form: String) {
        let text = ReliabilityNestingTests.deep.first { $0.0 == form }!.1
        let (session, out) = EngineFixture.session()
        let ok = session.run(text, file: "deep.qq")
        #expect(!ok)
        #expect(out.stderr.contains("error:"), "stderr: \(out.stderr.prefix(300))")
        #expect(out.stderr.contains("nested too deeply") || out.stderr.contains("expected"),
                "stderr: \(out.stderr.prefix(300))")
        #expect(out.stdout.isEmpty)
        #expect(out.stderr.hasPrefix("deep.qq:"), "the error names its place: \(out.stderr.prefix(300))")
        #expect(session.run("print accounts | count"))
        #expect(out.stdout == "6\n")
    }

    /// A fresh folder with `files` written into it.
    static func folder(_ files: [String: String]) throws -> String {
        let dir = NSTemporaryDirectory() + "qq-reliability-\(getpid())-\(UUID().uuidString.prefix(8))"
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        for (name, text) in files { try Data(text.utf8).write(to: URL(fileURLWithPath: dir + "/" + name)) }
        return dir
    }

    @Test func sourceCycleIsAnError() throws {
        let dir = try Self.folder(["a.qq": "print \"in a\"\nsource \"b.qq\"\n", "b.qq": "print \"in b\"\nsource \"a.qq\"\n"])
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let (session, out) = EngineFixture.session()
        let ok = session.run("print \"in a\"\nsource \"b.qq\"\n", file: dir + "/a.qq")
        #expect(!ok)
        #expect(out.stdout == "in a\nin b\n", "each script runs once before the cycle is found")
        #expect(out.stderr.contains("b.qq:2:8: error: 'a.qq' is already being run (a cycle of 'source')"),
                "stderr: \(out.stderr)")
        #expect(session.run("print accounts | count"))
    }

    @Test func sourceOfItselfIsAnError() throws {
        let dir = try Self.folder(["self.qq": "source \"self.qq\"\n"])
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let (session, out) = EngineFixture.session()
        // From the REPL (no file): the first run is a `source`, the second the cycle.
        #expect(!session.run("source \"\(dir)/self.qq\""))
        #expect(out.stderr.contains("'self.qq' is already being run"), "stderr: \(out.stderr)")
        #expect(session.run("print 1 + 1"))
    }

    @Test func deepSourceChainIsAnError() throws {
        var files: [String: String] = [:]
        for i in 0..<100 { files["s\(i).qq"] = "source \"s\(i + 1).qq\"\n" }
        files["s100.qq"] = "print \"bottom\"\n"
        let dir = try Self.folder(files)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let (session, out) = EngineFixture.session()
        #expect(!session.run(files["s0.qq"]!, file: dir + "/s0.qq"))
        #expect(out.stderr.contains("error: 'source' nests more than \(Session.maxSourceDepth) scripts deep"),
                "stderr: \(out.stderr)")
        #expect(!out.stdout.contains("bottom"))
        #expect(session.sourceStack.isEmpty, "the stack unwinds")
        // A chain within the limit runs.
        let start = 100 - (Session.maxSourceDepth - 2)
        #expect(session.run(files["s\(start).qq"]!, file: dir + "/s\(start).qq"), "stderr: \(out.stderr)")
        #expect(out.stdout == "bottom\n")
    }

    @Test func invalidUTF8InAScriptIsAnErrorWithItsPosition() throws {
        let dir = NSTemporaryDirectory() + "qq-reliability-utf8-\(getpid())"
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        // `source` reads the bytes; the script has a Latin-1 é on line 2.
        try Data(Array("print \"ok\"\nprint \"caf".utf8) + [0xE9] + Array("\"\n".utf8))
            .write(to: URL(fileURLWithPath: dir + "/latin1.qq"))
        let (session, out) = EngineFixture.session()
        #expect(!session.run("source \"\(dir)/latin1.qq\""))
        #expect(out.stderr.contains("latin1.qq:2:11: error: expected UTF-8 text"), "stderr: \(out.stderr)")
        #expect(out.stdout.isEmpty, "nothing of a script that is not UTF-8 runs")
        // A U+FFFD in a string is a valid character (the shell checks raw bytes itself).
        #expect(session.run("print \"\u{FFFD}\""))
        #expect(out.stdout == "\u{FFFD}\n")
        #expect(session.run("print \"still here\""))
    }
}
