#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Testing

/// The REPL in daily use, through a pseudo-terminal: Ctrl-C during a long print,
/// the progress bar of a metric, pasted statements, completion from the pipeline's
/// columns, and the aliases other shells taught (`.mode`, `.output`, `.exit`, `quit`).
@Suite(.serialized) struct ShellDailyUseTests {
    typealias Keys = PseudoTerminal

    private func start(_ dir: TempDir, _ arguments: [String]? = nil, columns: UInt16 = 100) throws -> PseudoTerminal {
        let term = try PseudoTerminal(arguments: arguments ?? [dir.path + "/graph"], environment: dir.environment,
                                      columns: columns)
        term.expectPrompt()
        return term
    }

    /// Runs a statement and waits for the next prompt (generous: the machine may be busy).
    private func run(_ statement: String, on term: PseudoTerminal, timeout: Double = 300) {
        term.type(statement + Keys.enter)
        term.expectPrompt(timeout: timeout)
    }

    @Test(.timeLimit(.minutes(20))) func ctrlCStopsALongPrintAtOnce() throws {
        let dir = TempDir(); defer { dir.remove() }
        let term = try start(dir, ["--format", "csv"])
        run("generate accounts 50k follows 1M seed 7", on: term)
        let mark = term.rawCount
        term.type("follows" + Keys.enter)
        // Printing has started and is far from done (a million rows).
        #expect(term.rawSees("src,dst", from: mark, within: 120) != nil)
        term.drain(for: 0.5)
        #expect(!term.rawContains("qq> ", from: mark + 10), "the print finished before Ctrl-C")
        let pressed = term.rawCount
        term.type(Keys.ctrlC)
        let latency = try #require(term.rawSees("qq> ", from: pressed, within: 30))
        print("shell: Ctrl-C during a million-row print: prompt after \(Int(latency * 1000)) ms")
        #expect(latency < 0.2, "prompt came back after \(latency) s")
        #expect(term.rawContains("cancelled", from: pressed))
    }

    @Test(.timeLimit(.minutes(20))) func progressBarDuringPageRankIsErased() throws {
        let dir = TempDir(); defer { dir.remove() }
        let term = try start(dir, [])
        run("generate accounts 50k follows 1M seed 7", on: term)
        // A tolerance no iterate reaches: PageRank runs all 1,000 iterations (seconds,
        // on any machine), well past the bar's half-second delay.
        run("set tolerance = 1e-300", on: term)
        run("set max_iterations = 1000", on: term)
        let mark = term.rawCount
        term.type("accounts | top 1 by pagerank | select handle" + Keys.enter)
        #expect(term.rawSees("pagerank: iterations", from: mark, within: 120) != nil, "no progress bar")
        term.expectPrompt(timeout: 300)
        // The bar was erased (carriage return, erase to end of line) before the table.
        let after = term.rawText(from: mark)
        guard let bar = after.range(of: "pagerank: iterations", options: .backwards),
              let table = after.range(of: "┌") else {
            Issue.record("no bar or no table:\n\(after)")
            return
        }
        let between = after[bar.upperBound..<table.lowerBound]
        #expect(between.contains("\r\u{1B}[K"), "the bar stayed: \(between.debugDescription)")
    }

    @Test func pastedPipelineOverSeveralLines() throws {
        let dir = TempDir(); defer { dir.remove() }
        dir.writeGraph()
        let term = try start(dir)
        // One write, as a terminal delivers a paste.
        term.type("accounts\n  | where posts > 10\n  | count\n")
        term.expect("\n2\n")
        term.expectPrompt()
        #expect(!term.transcript.contains("error"), "\(term.transcript)")
    }

    @Test func trailingAndWaitsForMore() throws {
        let dir = TempDir(); defer { dir.remove() }
        dir.writeGraph()
        let term = try start(dir)
        term.typeSlowly("accounts | where posts > 10 and")
        term.type(Keys.enter)
        term.expectPrompt(".> ")
        term.typeSlowly("posts < 100 | count")
        term.type(Keys.enter)
        term.expect("\n1\n")
    }

    @Test func tabCompletesAnEdgeColumn() throws {
        let dir = TempDir(); defer { dir.remove() }
        dir.writeGraph()
        let term = try start(dir)
        term.typeSlowly("follows | select s")
        term.type(Keys.tab)
        usleep(300_000)
        term.typeSlowly("| count")
        term.type(Keys.enter)
        term.expect("\n5\n")
    }

    @Test func tabCompletesAnExtendColumn() throws {
        let dir = TempDir(); defer { dir.remove() }
        dir.writeGraph()
        let term = try start(dir)
        term.typeSlowly("accounts | extend doubled = posts * 2 | where doub")
        term.type(Keys.tab)
        usleep(300_000)
        term.typeSlowly("> 200 | count")
        term.type(Keys.enter)
        term.expect("\n1\n")
    }

    @Test func tabCompletesAFunctionSource() throws {
        let dir = TempDir(); defer { dir.remove() }
        dir.writeGraph()
        let term = try start(dir)
        term.typeSlowly("mutu")
        term.type(Keys.tab)
        usleep(300_000)
        term.typeSlowly("@alice) | count")
        term.type(Keys.enter)
        term.expect("\n1\n")
    }

    @Test func duckdbAliases() throws {
        let dir = TempDir(); defer { dir.remove() }
        dir.writeGraph()
        let term = try start(dir)
        run(".mode csv", on: term)
        run(".maxrows 0", on: term)
        term.type(".once \(dir.path)/out.csv" + Keys.enter)
        term.expectPrompt()
        run("accounts | select handle | take 2", on: term)
        #expect(dir.read("out.csv") == "handle\nalice\nbob\n")
        term.type(".once \(dir.path)/out.csv" + Keys.enter)
        term.expect("exists")
        term.expectPrompt()
        term.typeSlowly("quit")
        term.type(Keys.enter)
        term.expect("'.quit' or press Ctrl-D")
        term.expectPrompt()
        term.typeSlowly(".exit 3")
        term.type(Keys.enter)
        #expect(term.waitForExit() == 3)
    }

    @Test func initScriptIsQuiet() throws {
        let dir = TempDir(); defer { dir.remove() }
        dir.writeGraph()
        dir.write("config/qq/init.qq", "set rows = 10\n")
        let term = try start(dir)
        #expect(!term.transcript.contains("rows = 10"), "\(term.transcript)")
        term.typeSlowly(".rows")
        term.type(Keys.enter)
        term.expect("\n10\n")
    }

    @Test func helpDotCommandCompletesTopics() throws {
        let dir = TempDir(); defer { dir.remove() }
        dir.writeGraph()
        let term = try start(dir)
        term.typeSlowly(".help whe")
        term.type(Keys.tab)
        usleep(300_000)
        term.type(Keys.enter)
        term.expect("where")
        term.expect("rows where a condition is true")
    }
}
