import QQData
import Testing
@testable import QQSession
@testable import QQEngine
@testable import QQSemantic
@testable import QQSyntax

@Suite("Completion")
struct SyntaxCompleterTests {
    static let handles = ["ada_lovelace", "alan_turing", "ana_atlas", "nina_quark", "odd one", "max_influence"]
    static let files: [String: [String]] = [
        "": ["data/", "graph.graphml", "notes.qq", ".hidden"],
        "data/": ["accounts.csv", "follows.csv", "more/"],
    ]
    static let context = CompletionContext(
        columns: ["handle", "name", "topic", "posts"], names: ["bigs"], layers: ["repost", "mention"],
        handles: { prefix, limit in Array(SyntaxCompleterTests.handles.filter { $0.hasPrefix(prefix) }.prefix(limit)) },
        listDirectory: { SyntaxCompleterTests.files[$0] })

    /// `‸` marks the cursor; the result is `start:candidates` with the candidates joined by spaces.
    static func complete(_ marked: String) -> String {
        let parts = marked.split(separator: "‸", omittingEmptySubsequences: false)
        let line = parts.joined()
        let cursor = parts[0].utf8.count
        let c = Completer.complete(line: line, cursor: cursor, context: context)
        return "\(c.start):" + c.candidates.joined(separator: " ")
    }

    @Test(arguments: [
        // statement start
        ("le‸", "0:let"),
        ("acc‸", "0:accounts"),
        ("b‸", "0:bigs"),
        ("print 1; des‸", "9:describe"),
        // stages after a pipe
        ("accounts | wh‸", "11:where"),
        ("accounts | s‸", "11:sample select skip sort summarize"),
        ("accounts | where x > 1 | co‸", "25:compare confusion correlate count"),
        // columns, metrics and functions in expressions
        ("accounts | where fol‸", "17:followers following"),
        ("accounts | where followers > 10 and po‸", "36:posts"),
        ("accounts | where followers > 10 and pow‸", "36:pow"),
        ("accounts | select handle, pag‸", "26:pagerank"),
        ("accounts | top 5 by audience_q‸", "20:audience_quality"),
        ("print med‸", "6:median"),
        ("accounts | where src.fol‸", "21:followers following"),
        ("accounts | top 5 by received(re‸", "29:repost"),
        // clause words after an operand
        ("accounts | top 10 b‸", "18:between by"),
        ("accounts | sort followers d‸", "26:desc"),
        ("accounts | correlate a, b m‸", "26:matches method"),
        ("accounts | sample 5 s‸", "20:seed startswith"),
        ("load \"x\" l‸", "9:lenient"),
        // keywords after a keyword
        ("accounts | plot s‸", "16:scatter"),
        ("accounts | correlate a, b method k‸", "33:kendall"),
        ("compare @a, @b on eng‸", "18:engagement"),
        ("set dam‸", "4:damping"),
        ("set ‸", "4:betweenness_exact_limit betweenness_samples damping engine format max_iterations rows seed since suspicious today tolerance until"),
        ("help whe‸", "5:where"),
        ("help .ro‸", "5:.rows"),
        ("help pagerank(‸", "5:"),
        ("describe ‸", "9:accounts bigs follows interactions layers truth"),
        ("load s‸", "5:sample"),
        // handles
        ("compare @a‸", "8:@ada_lovelace @alan_turing @ana_atlas"),
        ("print @max‸", "6:@max_influence"),
        ("compare @\"od‸", "8:@\"odd one\""),
        ("print @o‸", "6:@\"odd one\""),
        // paths inside quotes
        ("load \"‸", "6:data/ graph.graphml\" notes.qq\""),
        ("load \"da‸", "6:data/"),
        ("load \"data/f‸", "6:data/follows.csv\""),
        ("load follows \"data/‸", "14:data/accounts.csv\" data/follows.csv\" data/more/"),
        ("load layer repost 'data/a‸", "19:data/accounts.csv'"),
        ("source \"n‸", "8:notes.qq\""),
        ("load \".‸", "6:.hidden\""),
        ("print \"da‸", "9:"),
        // dot-commands
        (".r‸", "0:.read .report .rows .run"),
        (".read da‸", "6:data/"),
        (".mode l‸", "6:line"),
        ("  .ti‸", "2:.timer"),
        (".run no‸", "5:notes.qq"),
        (".run \"data/‸", "6:data/accounts.csv\" data/follows.csv\" data/more/"),
        (".format j‸", "8:json jsonl"),
        (".timer o‸", "7:off on"),
        (".help co‸", "6:coalesce common_followers community compare comparison confusion contains correlate count count_distinct"),
        // nothing after a comment or inside a non-path string
        ("accounts # wh‸", "11:"),
    ])
    func completes(_ marked: String, _ expected: String) {
        #expect(SyntaxCompleterTests.complete(marked) == expected, "\(marked)")
    }

    @Test("the cursor in the middle of a line completes the text before it")
    func middle() {
        let c = Completer.complete(line: "accounts | wh | count", cursor: 13, context: SyntaxCompleterTests.context)
        #expect(c == Completions(start: 11, candidates: ["where"]))
    }

    @Test("handle lookup over a store is by prefix, sorted, capped at the first ones, counted")
    func handleStore() {
        let store = StringStore(["bob", "alice", "albert", "al", "carol"])
        #expect(CompletionContext.handles(in: store, prefix: "al", limit: 10) == ["al", "albert", "alice"])
        #expect(CompletionContext.handles(in: store, prefix: "al", limit: 2) == ["al", "albert"])
        #expect(CompletionContext.handles(in: store, prefix: "", limit: 1) == ["al"])
        #expect(CompletionContext.handleCount(in: store, prefix: "al") == 3)
    }

    @Test("a dataset's context lists its columns, layers and handles")
    func datasetContext() {
        let ctx = CompletionContext(dataset: Dataset.empty(), names: ["x"])
        #expect(ctx.columns == ["handle"])
        #expect(ctx.names == ["x"])
        #expect(ctx.metrics.contains("pagerank"))
        #expect(ctx.handles("a", 5).isEmpty)
    }

    @Test("the directory lister reads a real directory")
    func realDirectory() throws {
        let here = String(#filePath.dropLast("SyntaxCompleterTests.swift".count))
        let entries = try #require(CompletionContext.directoryEntries(here))
        #expect(entries.contains("SyntaxCompleterTests.swift"))
        #expect(CompletionContext.directoryEntries(here + "no-such-dir") == nil)
    }
}
