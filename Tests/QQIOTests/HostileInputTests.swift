import Foundation
import Testing
@testable import QQData
@testable import QQIO

/// Hostile files (issue 21): memory bombs stop at a documented limit, GraphML streams,
/// removing an overwritten target never follows a symbolic link, "no clobber" is
/// decided by the system call that puts a file in place, NaN read from a file is
/// null, and text GraphML cannot hold is refused on save. Every crafted file is made
/// here, from code.
@Suite struct HostileInputTests {
    /// `bytes` gzip-compressed by /usr/bin/gzip into `dir/name`.
    static func gzip(_ bytes: [UInt8], _ dir: String, _ name: String) throws -> String {
        let plain = Fixture.write(bytes: bytes, dir, name + ".plain")
        let out = dir + "/" + name
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/bin/sh")
        p.arguments = ["-c", "gzip -c -1 \"$0\" > \"$1\"", plain, out]
        try p.run()
        p.waitUntilExit()
        try #require(p.terminationStatus == 0)
        unlink(plain)
        return out
    }

    // MARK: limits

    @Test func gzipBombStopsAtTheLimit() throws {
        let dir = Fixture.tempDir()
        // 32 MiB of zeros: about 32 KB compressed, a ratio of 1,000:1.
        let gz = try Self.gzip([UInt8](repeating: 0x30, count: 32 << 20), dir, "bomb.csv.gz")
        let source = try ByteSource(path: gz, limit: 4 << 20)
        let e = #expect(throws: Diagnostic.self) { _ = try source.readAll() }
        #expect(e?.message.contains("decompresses to more than 4.2 MB") == true, "\(String(describing: e))")
        #expect(source.produced <= (4 << 20) + 1)
        // Exactly at the limit is still allowed.
        let exact = try ByteSource(path: gz, limit: 32 << 20)
        #expect(try exact.readAll().count == 32 << 20)
    }

    @Test func gzipLimitIsTiedToMemoryAndTheCap() throws {
        let dir = Fixture.tempDir()
        let gz = try Self.gzip(Array("a,b\n1,2\n".utf8), dir, "small.csv.gz")
        let s = try ByteSource(path: gz)
        #expect(s.isGzip)
        #expect(s.limit <= ByteSource.maxStreamBytes)
        #expect(Double(s.limit) <= MemoryGuard.memoryLimit())
        let plain = try ByteSource(path: Fixture.write("a,b\n", dir, "plain.csv"))
        #expect(plain.isRegular && plain.limit == Int.max, "a regular file is bounded by its size")
    }

    @Test func nonRegularFilesStopAtTheLimit() throws {
        let zero = try ByteSource(path: "/dev/zero", limit: 3 << 20)
        #expect(!zero.isRegular)
        let e = #expect(throws: Diagnostic.self) { _ = try zero.readAll() }
        #expect(e?.message.contains("is not a regular file and gave more than") == true, "\(String(describing: e))")
        #expect(try ByteSource(path: "/dev/zero").limit == ByteSource.maxStreamBytes)
    }

    @Test("/dev/zero and files with no markup, as GraphML, stop at once with an error", arguments: [
        "/dev/zero",
    ])
    func devZeroAsGraphML(_ target: String) throws {
        let dir = Fixture.tempDir()
        let link = dir + "/zero.graphml"
        try #require(symlink(target, link) == 0)
        let e = #expect(throws: Diagnostic.self) { _ = try load(link) }
        #expect(e?.message.contains("expected '<'") == true, "\(String(describing: e))")
    }

    @Test func graphMLTokenLargerThanTheLimitIsAnError() throws {
        let dir = Fixture.tempDir()
        var doc = Array(#"<graphml><key id="d" for="node" attr.name="bio" attr.type="string"/><graph><node id="a"><data key="d">"#.utf8)
        // The limit is checked as each 1 MiB block is read: 2 MiB over it is caught.
        doc += [UInt8](repeating: 0x61, count: XMLScanner.maxTokenBytes + (2 << 20))
        doc += Array("</data></node></graph></graphml>\n".utf8)
        let gz = try Self.gzip(doc, dir, "long.graphml.gz")
        let e = #expect(throws: Diagnostic.self) { _ = try load(gz) }
        #expect(e?.message.contains("longer than 64 MiB") == true, "\(String(describing: e))")
    }

    @Test func graphMLGzStreamsInABoundedWindow() throws {
        let dir = Fixture.tempDir()
        var doc = #"<?xml version="1.0"?><graphml><key id="d0" for="node" attr.name="n" attr.type="long"/><graph>"#
        let nodes = 200_000
        for i in 0..<nodes { doc += "<node id=\"u\(i)\"><data key=\"d0\">\(i)</data></node>\n<!-- padding padding -->\n" }
        for i in 1..<nodes { doc += "<edge source=\"u\(i)\" target=\"u\(i - 1)\"/>\n" }
        doc += "</graph></graphml>\n"
        let size = doc.utf8.count
        let gz = try Self.gzip(Array(doc.utf8), dir, "big.graphml.gz")
        var x = XMLScanner(source: try ByteSource(path: gz), path: gz)
        var starts = 0
        while let ev = try x.next() { if case .start = ev { starts += 1 } }
        #expect(starts == 2 + 2 * nodes + nodes - 1 + 1)
        #expect(size > 20 << 20)
        #expect(x.peakWindow <= 4 << 20, "window \(x.peakWindow) bytes for a \(size)-byte document")
        let d = try load(gz).dataset
        #expect(d.accountCount == nodes)
        #expect(d.follows.edgeCount == nodes - 1)
        #expect(d.accounts.column("n")![nodes - 1] == .int(Int64(nodes - 1)))
    }

    @Test func graphMLErrorsKeepTheirLineAfterTheWindowMoves() throws {
        let dir = Fixture.tempDir()
        var doc = #"<graphml><key id="d0" for="node" attr.name="n" attr.type="long"/><graph>"# + "\n"
        for i in 0..<100_000 { doc += "<node id=\"u\(i)\"><data key=\"d0\">\(i)</data></node>\n" }
        doc += "<node id=\"bad\"><data key=\"d0\">x</data></node>\n</graph></graphml>\n"
        let path = Fixture.write(doc, dir, "late.graphml")
        let e = #expect(throws: Diagnostic.self) { _ = try load(path) }
        #expect(e?.message == "expected long for 'n', found 'x'")
        #expect(e?.position?.line == 100_002, "\(String(describing: e?.position))")
    }

    // MARK: removal never follows links

    @Test func removeTreeLeavesLinkTargetsAlone() throws {
        let dir = Fixture.tempDir()
        let victim = dir + "/victim"
        mkdir(victim, 0o755)
        Fixture.write("precious\n", victim, "keep.txt")
        let victimFile = Fixture.write("precious\n", dir, "victim.txt")
        let old = dir + "/old"
        mkdir(old, 0o755)
        mkdir(old + "/sub", 0o755)
        Fixture.write("x", old, "accounts.csv")
        symlink(victim, old + "/raw")
        symlink(victim, old + "/sub/raw")
        symlink(victimFile, old + "/sub/file")
        AtomicReplace.removeTree(old)
        #expect(!AtomicFile.exists(old))
        #expect(try String(contentsOfFile: victim + "/keep.txt", encoding: .utf8) == "precious\n")
        #expect(try String(contentsOfFile: victimFile, encoding: .utf8) == "precious\n")
        // A target that is itself a link: the link goes, the folder stays.
        let link = dir + "/link"
        symlink(victim, link)
        AtomicReplace.removeTree(link)
        #expect(!AtomicFile.exists(link))
        #expect(AtomicFile.exists(victim + "/keep.txt"))
    }

    @Test func saveOverwriteDoesNotFollowLinksInTheOldTarget() throws {
        let dir = Fixture.tempDir()
        let victim = dir + "/victim"
        mkdir(victim, 0o755)
        Fixture.write("precious\n", victim, "keep.txt")
        let target = dir + "/saved"
        mkdir(target, 0o755)
        Fixture.write("old\n", target, "old.txt")
        symlink(victim, target + "/raw")
        let d = try Generator.generate(accounts: 50, follows: 200, seed: 3, progress: NoProgress())
        try Saver.save(d, to: target, overwrite: true)
        #expect(AtomicFile.exists(victim + "/keep.txt"), "the folder the link pointed to is intact")
        #expect(try FileManager.default.contentsOfDirectory(atPath: target).sorted() == ["accounts.csv", "follows.csv"])
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir).sorted() == ["saved", "victim"])
    }

    // MARK: no clobber in the step that writes

    @Test("a target created while writing is never replaced", arguments: [false, true])
    func placeNewRefusesAnExistingTarget(_ folder: Bool) throws {
        let dir = Fixture.tempDir()
        let temp = dir + "/.t.tmp"
        if folder { mkdir(temp, 0o755); Fixture.write("new\n", temp, "accounts.csv") } else { Fixture.write("new\n", dir, ".t.tmp") }
        // Someone else's file appears at the target after the early check.
        let target = Fixture.write("theirs\n", dir, "t")
        let e = #expect(throws: Diagnostic.self) { try AtomicFile.placeNew(temp, at: target, directory: folder) }
        #expect(e?.message == "'\(target)' already exists")
        #expect(try String(contentsOfFile: target, encoding: .utf8) == "theirs\n")
        // Into a free name it goes.
        try AtomicFile.placeNew(temp, at: dir + "/free", directory: folder)
        #expect(!AtomicFile.exists(temp))
        #expect(AtomicFile.exists(folder ? dir + "/free/accounts.csv" : dir + "/free"))
    }

    @Test func exportStyleWriteRefusesAFileThatAppeared() throws {
        let dir = Fixture.tempDir()
        let target = Fixture.write("theirs\n", dir, "rows.csv")
        let e = #expect(throws: Diagnostic.self) { try AtomicFile.write("mine\n", to: target, overwrite: false) }
        #expect(e?.message == "'\(target)' already exists")
        #expect(try String(contentsOfFile: target, encoding: .utf8) == "theirs\n")
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir) == ["rows.csv"], "no temporary file left")
        try AtomicFile.write("new\n", to: dir + "/new.csv", overwrite: false)
        #expect(try String(contentsOfFile: dir + "/new.csv", encoding: .utf8) == "new\n")
    }

    // MARK: NaN and GraphML text

    @Test func nanInAFloatColumnIsNull() throws {
        let dir = Fixture.tempDir()
        Fixture.write("handle,x\na,1.5\nb,nan\nc,NaN\nd,-2\n", dir, "accounts.csv")
        Fixture.write("src,dst\na,b\n", dir, "follows.csv")
        let d = try load(dir).dataset
        let x = d.accounts.column("x")!
        #expect(x.type == .float)
        #expect(x[0] == .float(1.5) && x[1] == .null && x[2] == .null && x[3] == .float(-2))
        let g = Fixture.write(#"<graphml><key id="d" for="node" attr.name="x" attr.type="double"/><graph><node id="a"><data key="d">nan</data></node><node id="b"><data key="d">2.5</data></node></graph></graphml>"#, dir, "n.graphml")
        let gx = try load(g).dataset.accounts.column("x")!
        #expect(gx[0] == .null && gx[1] == .float(2.5))
    }

    static func dataset(handles: [String], bios: [String]) -> Dataset {
        let store = StringStore(handles)
        let index = try! HandleIndex(uniqueHandles: store)
        let table = Table(names: ["handle", "bio"], columns: [Column.from(handles.map { .string($0) }), Column.from(bios.map { .string($0) })])
        let f = CSRBuilder.build(name: "follow", nodeCount: handles.count, src: [0], dst: [UInt32(handles.count - 1)])
        return Dataset(accounts: table, handles: index, follows: f, layers: [], origin: "test")
    }

    @Test("text XML cannot hold is refused on save, with nothing written", arguments: [
        (["a\u{1}b", "c"], ["x", "y"], "the handle 'a\\u{1}b' contains U+0001"),
        (["a", "c"], ["x\u{0}", "y"], "a value of 'bio' 'x\\u{0}' contains U+0000"),
        (["a", "c"], ["x", "\u{FFFE}"], "contains U+FFFE"),
    ])
    func graphMLRefusesControlCharacters(_ handles: [String], _ bios: [String], _ message: String) throws {
        let dir = Fixture.tempDir()
        let e = #expect(throws: Diagnostic.self) { try Saver.save(Self.dataset(handles: handles, bios: bios), to: dir + "/g.graphml", overwrite: false) }
        #expect(e?.message.contains(message) == true, "\(String(describing: e?.message))")
        #expect(e?.hint?.contains(".qqs") == true)
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir).isEmpty)
    }

    @Test func tabsAndLineEndsInHandlesRoundTripThroughGraphML() throws {
        let dir = Fixture.tempDir()
        let d = Self.dataset(handles: ["tab\there", "line\nend", "cr\rhere", "amp&<>\"'", "plain"], bios: ["a\tb", "c\nd", "e\r\nf", "g", "h"])
        try Saver.save(d, to: dir + "/g.graphml", overwrite: false)
        let back = try load(dir + "/g.graphml").dataset
        #expect(back.handles.handles.count == 5)
        #expect((0..<5).map { back.handle($0) } == ["tab\there", "line\nend", "cr\rhere", "amp&<>\"'", "plain"])
        #expect(rows(back) == rows(d))
    }
}
