import Testing

/// `--engine` and `set engine` (SPEC §12) in the default build, which has no Spark
/// engine: asking for one is an error that says how to build it, never a local run;
/// "local" is the default engine; anything else is misuse.
@Suite struct EngineOptionTests {
    @Test func aSparkAddressWithoutTheTraitSaysHowToBuildIt() throws {
        let dir = TempDir(); defer { dir.remove() }
        let r = try qq(["--engine", "sc://127.0.0.1:15002", "-c", "accounts | count"], in: dir)
        #if Spark
        // A Spark build tries to connect instead (nothing listens on that port in tests).
        #expect(r.status == 1)
        #else
        #expect(r.status == 1)
        #expect(r.stderr.contains("this qq was built without the Spark engine"), "stderr: \(r.stderr)")
        #expect(r.stderr.contains("swift build --traits Spark"), "stderr: \(r.stderr)")
        #endif
        #expect(r.stdout.isEmpty, "the pipeline ran: \(r.stdout)")
    }

    @Test func setEngineWithoutTheTraitFailsAndKeepsTheLocalEngine() throws {
        let dir = TempDir(); defer { dir.remove() }
        let graph = dir.writeGraph()
        let r = try qq(["--data", graph, "-c", "set engine = \"sc://127.0.0.1:15002\""], in: dir)
        #expect(r.status == 1)
        #if !Spark
        #expect(r.stderr.contains("this qq was built without the Spark engine"), "stderr: \(r.stderr)")
        #endif
        let local = try qq(["--engine", "local", "--data", graph, "-c", "set engine = \"local\"", "-c", "accounts | count"], in: dir)
        #expect(local.status == 0, "stderr: \(local.stderr)")
        #expect(local.stdout == "5\n")
    }

    @Test(arguments: ["spark", "http://127.0.0.1:15002", ""])
    func anythingElseIsMisuse(engine: String) throws {
        let dir = TempDir(); defer { dir.remove() }
        let r = try qq(["--engine", engine, "-c", "1"], in: dir)
        #expect(r.status == 2)
        #expect(r.stderr.contains("--engine takes 'local' or a Spark Connect address"), "stderr: \(r.stderr)")
    }
}
