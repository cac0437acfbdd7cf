#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Testing

/// Every statement that writes a file — `export` in each format, `save` as a folder,
/// .graphml and .qqs, `plot … to "f.svg"` — through the built binary: a new target is
/// written; an existing one is refused without `overwrite` and left as it was;
/// `overwrite` replaces it by rename (nothing of the old target and no temporary
/// file left behind); `--safe` refuses each with a clear error and writes nothing.
@Suite struct ReliabilityWriteTests {
    /// One kind of write: the target's name and the statement writing it.
    struct Write: Sendable, CustomTestStringConvertible {
        let target: String
        let template: String
        let folder: Bool
        var testDescription: String { template.replacing("PATH", with: target) }

        /// The statement for the target at `path`, with `overwrite` when asked.
        func statement(_ path: String, overwrite: Bool = false) -> String {
            template.replacing("PATH", with: "\"\(path)\"") + (overwrite ? " overwrite" : "")
        }
    }

    static let writes: [Write] = [
        Write(target: "rows.csv", template: "accounts | export PATH", folder: false),
        Write(target: "rows.tsv", template: "accounts | export PATH", folder: false),
        Write(target: "rows.json", template: "accounts | export PATH", folder: false),
        Write(target: "rows.jsonl", template: "accounts | export PATH", folder: false),
        Write(target: "rows.md", template: "accounts | export PATH", folder: false),
        Write(target: "saved", template: "save PATH", folder: true),
        Write(target: "saved.graphml", template: "save PATH", folder: false),
        Write(target: "saved.qqs", template: "save PATH", folder: false),
        Write(target: "chart.svg", template: "accounts | plot hist posts to PATH", folder: false),
    ]

    /// An old target: a file holding `old`, or a folder holding `old.txt`.
    private func plant(_ w: Write, in dir: TempDir) {
        if w.folder { dir.write("out/\(w.target)/old.txt", "old\n") } else { dir.write("out/\(w.target)", "old\n") }
    }

    private func isOld(_ w: Write, in dir: TempDir) -> Bool {
        w.folder ? dir.read("out/\(w.target)/old.txt") == "old\n" : dir.read("out/\(w.target)") == "old\n"
    }

    @Test(arguments: writes) func newTargetIsWritten(_ w: Write) throws {
        let dir = TempDir(); defer { dir.remove() }
        let graph = dir.writeGraph()
        dir.write("out/keep.txt", "")
        let path = dir.path + "/out/" + w.target
        let r = try qq([graph, "-c", w.statement(path)], in: dir)
        #expect(r.status == 0, "stderr: \(r.stderr)")
        #expect(Reliability.listing(dir.path + "/out") == ["keep.txt", w.target].sorted())
        #expect(w.folder ? dir.exists("out/\(w.target)/accounts.csv") : (dir.read("out/\(w.target)")?.isEmpty == false))
    }

    @Test(arguments: writes) func existingTargetIsRefused(_ w: Write) throws {
        let dir = TempDir(); defer { dir.remove() }
        let graph = dir.writeGraph()
        plant(w, in: dir)
        let path = dir.path + "/out/" + w.target
        let r = try qq([graph, "-c", w.statement(path), "-c", "print \"not reached\""], in: dir)
        #expect(r.status == 1)
        #expect(r.stderr.contains("already exists"), "stderr: \(r.stderr)")
        #expect(r.stderr.contains("overwrite"), "the hint names 'overwrite': \(r.stderr)")
        #expect(r.stdout.isEmpty)
        #expect(isOld(w, in: dir), "the old target is untouched")
        #expect(Reliability.listing(dir.path + "/out") == [w.target], "no temporary file left")
    }

    @Test(arguments: writes) func overwriteReplacesByRename(_ w: Write) throws {
        let dir = TempDir(); defer { dir.remove() }
        let graph = dir.writeGraph()
        plant(w, in: dir)
        let path = dir.path + "/out/" + w.target
        let r = try qq([graph, "-c", w.statement(path, overwrite: true)], in: dir)
        #expect(r.status == 0, "stderr: \(r.stderr)")
        #expect(!isOld(w, in: dir), "the target was replaced")
        if w.folder { #expect(Reliability.listing(path) == ["accounts.csv", "follows.csv"]) }
        #expect(Reliability.listing(dir.path + "/out") == [w.target], "no temporary file or old copy left")
        // A saved dataset reads back.
        if w.template.hasPrefix("save") {
            let back = try qq([path, "-c", "accounts | count"], in: dir)
            #expect(back.stdout == "5\n", "stderr: \(back.stderr)")
        }
    }

    @Test(arguments: writes) func safeModeRefusesAndWritesNothing(_ w: Write) throws {
        let dir = TempDir(); defer { dir.remove() }
        let graph = dir.writeGraph()
        dir.write("out/keep.txt", "")
        let path = dir.path + "/out/" + w.target
        for overwrite in [false, true] {
            let r = try qq(["--safe", graph, "-c", w.statement(path, overwrite: overwrite)], in: dir)
            #expect(r.status == 1)
            #expect(r.stderr.contains("--safe mode does not write files"), "stderr: \(r.stderr)")
            #expect(r.stdout.isEmpty)
        }
        #expect(Reliability.listing(dir.path + "/out") == ["keep.txt"])
        // An existing target under --safe stays as it was, even with overwrite.
        plant(w, in: dir)
        let r = try qq(["--safe", graph, "-c", w.statement(path, overwrite: true)], in: dir)
        #expect(r.status == 1)
        #expect(isOld(w, in: dir))
    }

    @Test func safeModeRefusesInScriptsAndKeepsGoingInTheREPL() throws {
        let dir = TempDir(); defer { dir.remove() }
        let graph = dir.writeGraph()
        let script = dir.write("s.qq", "print \"before\"\nsave \"x.qqs\"\nprint \"after\"\n")
        let r = try qq(["--safe", "--data", graph, script], in: dir)
        #expect(r.status == 1)
        #expect(r.stdout == "before\n")
        #expect(r.stderr.contains("s.qq:2:"), "stderr: \(r.stderr)")
        #expect(!dir.exists("x.qqs"))
    }
}
