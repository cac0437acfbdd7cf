import Testing

/// Ctrl-C through a pseudo-terminal while long statements run on a big generated
/// graph (see `BigGraph`): each returns to the prompt promptly, and the next
/// statements see the dataset and the metric caches as they were. Latencies are
/// printed (`reliability: Ctrl-C during …`) and asserted against a generous bound.
@Suite(.serialized) struct ReliabilityCancellationTests {
    /// qq on the big graph's snapshot, at its first prompt, in csv mode (exact values).
    private func start(_ g: BigGraph) throws -> PseudoTerminal {
        let term = try PseudoTerminal(arguments: ["--format", "csv", g.snapshot], environment: g.environment, columns: 200)
        term.expect("qq> ", timeout: 600)
        return term
    }

    /// The dataset is the one qq started on.
    private func expectUnchanged(_ term: PseudoTerminal, _ g: BigGraph, sourceLocation: SourceLocation = #_sourceLocation) {
        let count = Reliability.answer("accounts | count", on: term)
        #expect(count.contains("\n\(g.accounts)\n"), "after Ctrl-C: \(count)", sourceLocation: sourceLocation)
    }

    @Test(.timeLimit(.minutes(30))) func duringGenerate() throws {
        let g = try #require(BigGraph.shared)
        let term = try start(g)
        let latency = Reliability.cancel("generate accounts 1M follows 20M seed 11", on: term, after: 1.5)
        #expect(try #require(latency) < Reliability.latencyBound)
        expectUnchanged(term, g)
    }

    @Test(.timeLimit(.minutes(30))) func duringLoad() throws {
        let g = try #require(BigGraph.shared)
        let term = try start(g)
        let latency = Reliability.cancel("load \"\(g.csvFolder)\"", on: term, after: 1.5)
        #expect(try #require(latency) < Reliability.latencyBound)
        expectUnchanged(term, g)
        // The caches still answer for the dataset qq started on.
        _ = Reliability.answer(Reliability.tightTolerance, on: term)
        let top = Reliability.answer("accounts | top 5 by pagerank | select handle, pagerank", on: term)
        #expect(top.contains(g.topPageRank), "after a cancelled load:\n\(top)\nfresh:\n\(g.topPageRank)")
    }

    @Test(.timeLimit(.minutes(30))) func duringPageRank() throws {
        let g = try #require(BigGraph.shared)
        let term = try start(g)
        // Early in the computation: on an idle machine the whole PageRank can finish in
        // a second or two, and a later Ctrl-C would find nothing left to cancel.
        _ = Reliability.answer(Reliability.tightTolerance, on: term)
        let latency = Reliability.cancel("accounts | top 5 by pagerank", on: term, after: 0.3)
        #expect(try #require(latency) < Reliability.latencyBound)
        // Nothing half-computed was cached: the next run equals a fresh process's.
        let top = Reliability.answer("accounts | top 5 by pagerank | select handle, pagerank", on: term)
        #expect(top.contains(g.topPageRank), "after a cancelled pagerank:\n\(top)\nfresh:\n\(g.topPageRank)")
        expectUnchanged(term, g)
    }

    @Test(.timeLimit(.minutes(30))) func duringSortOfAMillionRows() throws {
        let g = try #require(BigGraph.shared)
        #expect(g.accounts >= 1_000_000, "the sort test needs 1M rows")
        let term = try start(g)
        // One numeric key and a text key: the two sorting paths.
        let numeric = Reliability.cancel("accounts | sort posts desc | take 3", on: term, after: 0.3)
        #expect(try #require(numeric) < Reliability.latencyBound)
        let text = Reliability.cancel("accounts | sort lang, handle desc | take 3", on: term, after: 0.3)
        #expect(try #require(text) < Reliability.latencyBound)
        let first = Reliability.answer("accounts | sort handle desc | take 1 | select handle", on: term)
        #expect(first.contains("\nhandle\nu\(g.accounts - 1)\n"), "after a cancelled sort: \(first)")
        expectUnchanged(term, g)
    }
}

/// Ctrl-C during the heavier metrics, on a graph generated in the session.
@Suite(.serialized) struct ReliabilityMetricCancellationTests {
    static let graph = "generate accounts 50k follows 500k seed 5"

    private func start(_ dir: TempDir) throws -> PseudoTerminal {
        let term = try PseudoTerminal(arguments: ["--format", "csv"], environment: dir.environment, columns: 200)
        term.expect("qq> ", timeout: 60)
        _ = Reliability.answer(Self.graph, on: term)
        return term
    }

    /// What a fresh qq prints for `statements` on the same generated graph.
    private func fresh(_ statements: [String], _ dir: TempDir) throws -> String {
        let r = try qq(["--format", "csv", "-c", Self.graph] + statements.flatMap { ["-c", $0] }, in: dir)
        #expect(r.status == 0, "stderr: \(r.stderr)")
        return r.stdout
    }

    @Test(.timeLimit(.minutes(30))) func duringBetweenness() throws {
        let dir = TempDir(); defer { dir.remove() }
        let term = try start(dir)
        // Exact betweenness on 50k accounts: 50k breadth-first searches.
        _ = Reliability.answer("set betweenness_exact_limit = 100000", on: term)
        let latency = Reliability.cancel("accounts | top 3 by betweenness", on: term, after: 1.5)
        #expect(try #require(latency) < Reliability.latencyBound)
        // Sampled betweenness afterwards equals a fresh computation.
        let settings = ["set betweenness_exact_limit = 1000", "set betweenness_samples = 16"]
        for s in settings { _ = Reliability.answer(s, on: term) }
        let query = "accounts | top 3 by betweenness | select handle, betweenness"
        let after = Reliability.answer(query, on: term)
        let expected = try fresh(settings + [query], dir)
        #expect(!expected.isEmpty && after.contains(expected), "after Ctrl-C:\n\(after)\nfresh:\n\(expected)")
    }

    @Test(.timeLimit(.minutes(30))) func duringLouvain() throws {
        let dir = TempDir(); defer { dir.remove() }
        let term = try start(dir)
        let query = "accounts | summarize count_distinct(community) as communities"
        let latency = Reliability.cancel(query, on: term, after: 1.0)
        #expect(try #require(latency) < Reliability.latencyBound)
        let after = Reliability.answer(query, on: term)
        let expected = try fresh([query], dir)
        #expect(!expected.isEmpty && after.contains(expected), "after Ctrl-C:\n\(after)\nfresh:\n\(expected)")
    }
}
