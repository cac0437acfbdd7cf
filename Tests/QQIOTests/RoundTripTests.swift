import Foundation
import Testing
@testable import QQData
@testable import QQIO

/// save → load gives the same data, for every format; GraphML agrees with NetworkX.
@Suite struct RoundTripTests {
    /// A dataset with every column type, nulls, awkward text and handles, and two layers.
    static func rich() throws -> Dataset {
        let dir = Fixture.tempDir()
        Fixture.write(#"""
        handle,posts,score,ok,joined,bio,zip,empty
        alice,10,0.1,true,2021-03-04,"comma, and ""quote""",01234,
        "bob, jr",,1e-05,false,,"line
        break",00042,
        #hash,-7,123456.5,,1999-12-31,,"",
        Zoë,3,-0.0,true,2024-02-29,plain,x,
        " sp ",0,2.5,false,2000-01-01,true,5,

        """#, dir, "accounts.csv")
        Fixture.write("src,dst\nalice,\"bob, jr\"\n\"bob, jr\",alice\n#hash,Zoë\nZoë,alice\nnewbie,alice\n\" sp \",#hash\n", dir, "follows.csv")
        Fixture.write("src,dst,weight\nalice,Zoë,2.5\nZoë,alice,1\nZoë,alice,1\nghost,alice,0.125\n", dir, "repost.csv")
        Fixture.write("from\tto\nalice\t#hash\n", dir, "mention.tsv")
        let d = try load(dir).dataset
        #expect(d.accounts.columns.map(\.type) == [.string, .int, .float, .bool, .date, .string, .string, .null])
        #expect(d.accounts.column("zip")![0] == .string("01234"))
        #expect(d.accounts.column("bio")![4] == .string("true"))
        return d
    }

    @Test func csvFolder() throws {
        for d in [try RoundTripTests.rich(), try Generator.generate(accounts: 3000, follows: 30000, seed: 5, progress: NoProgress())] {
            let out = Fixture.tempDir() + "/saved"
            try Saver.save(d, to: out, overwrite: false)
            let back = try load(out).dataset
            expectSameData(d, back)
            expectConsistent(back)
            // Refuses to clobber, then replaces with overwrite.
            let e = #expect(throws: Diagnostic.self) { try Saver.save(d, to: out, overwrite: false) }
            #expect(e?.message == "'\(out)' already exists")
            try Saver.save(d, to: out, overwrite: true)
            expectSameData(d, try load(out).dataset)
            let leftovers = try FileManager.default.contentsOfDirectory(atPath: (out as NSString).deletingLastPathComponent)
            #expect(leftovers == ["saved"])
        }
    }

    @Test func snapshot() throws {
        for d in [try RoundTripTests.rich(), try Generator.generate(accounts: 3000, follows: 30000, seed: 5, progress: NoProgress())] {
            let p = Fixture.tempDir() + "/g.qqs"
            try Saver.save(d, to: p, overwrite: false)
            let back = try load(p).dataset
            expectSameData(d, back)
            #expect(back.follows.droppedSelfLoops == d.follows.droppedSelfLoops)
            #expect(back.createdFromEdges == d.createdFromEdges)
            #expect(back.layers.map(\.duplicateRows) == d.layers.map(\.duplicateRows))
        }
    }

    @Test func damagedSnapshots() throws {
        let d = try RoundTripTests.rich()
        let dir = Fixture.tempDir()
        let p = dir + "/g.qqs"
        try Saver.save(d, to: p, overwrite: false)
        var bytes = try [UInt8](Data(contentsOf: URL(fileURLWithPath: p)))
        let cut = Fixture.write(bytes: Array(bytes[0..<(bytes.count / 2)]), dir, "cut.qqs")
        let e1 = #expect(throws: Diagnostic.self) { try load(cut) }
        #expect(e1?.message == "'\(cut)' is a damaged snapshot: its size does not match its header (truncated?)")
        bytes[bytes.count - 3] ^= 0x40
        let flipped = Fixture.write(bytes: bytes, dir, "flip.qqs")
        let e2 = #expect(throws: Diagnostic.self) { try load(flipped) }
        #expect(e2?.message.hasPrefix("'\(flipped)' is a damaged snapshot") == true)
        let notSnap = Fixture.write("hello", dir, "x.qqs")
        let e3 = #expect(throws: Diagnostic.self) { try load(notSnap) }
        #expect(e3?.message.contains("is not a qq snapshot") == true)
    }

    @Test func graphmlSelf() throws {
        let d = try RoundTripTests.rich()
        let p = Fixture.tempDir() + "/g.graphml"
        try Saver.save(d, to: p, overwrite: false)
        let back = try load(p).dataset
        // GraphML has no null-typed column: the all-null column comes back as an all-null string column.
        #expect(back.accounts.column("empty")!.nullCount == d.accountCount)
        var expected = d
        expected.accounts.set("empty", Column(.null(d.accountCount)))
        var got = back
        got.accounts.set("empty", Column(.null(d.accountCount)))
        expectSameData(expected, got)
    }

    @Test func networkxFixturesLoad() throws {
        for name in ["nx_social.graphml", "nx_social.graphml.gz", "nx_karate.graphml"] {
            let r = try load(Fixture.path("graphml/" + name))
            let d = r.dataset
            let base = name.replacingOccurrences(of: ".graphml.gz", with: "").replacingOccurrences(of: ".graphml", with: "")
            let json = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: Fixture.path("graphml/\(base).expected.json")))) as! [String: Any]
            let nodes = json["nodes"] as! [[Any]]
            #expect((0..<d.accountCount).map { d.handle($0) } == nodes.map { $0[0] as! String })
            for (i, node) in nodes.enumerated() {
                let attrs = node[1] as! [String: Any]
                for (k, col) in zip(d.accounts.names.dropFirst(), d.accounts.columns.dropFirst()) {
                    let mine = col[i]
                    switch attrs[k] {
                    case nil: #expect(mine == .null, "\(name) node \(i) \(k)")
                    case let s as String: #expect(mine == .string(s), "\(name) node \(i) \(k)")
                    case let n as NSNumber:
                        switch col.type {
                        case .bool: #expect(mine == .bool(n.boolValue))
                        case .int: #expect(mine == .int(n.int64Value))
                        default: #expect(mine == .float(n.doubleValue), "\(name) node \(i) \(k)")
                        }
                    default: Issue.record("unexpected attribute \(k)")
                    }
                }
            }
            let theirs = (json["edges"] as! [[Any]]).map { e -> String in
                let layer = e[2] as? String
                return layer == nil ? "\(e[0])->\(e[1])" : "\(layer!):\(e[0])->\(e[1]) \((e[3] as! NSNumber).doubleValue)"
            }.sorted()
            var mine = edges(d, d.follows)
            for l in d.layers { mine += edges(d, l).map { "\(l.name):\($0)" } }
            #expect(mine.sorted() == theirs, "\(name)")
        }
        let social = try load(Fixture.path("graphml/nx_social.graphml")).dataset
        #expect(social.accounts.columns.map(\.type) == [.string, .int, .float, .bool, .string])
        #expect(social.accounts.names == ["handle", "posts", "score", "verified", "name"])
        let karate = try load(Fixture.path("graphml/nx_karate.graphml"))
        #expect(karate.dataset.follows.edgeCount == 156)
        #expect(karate.warnings.map(\.message) == ["78 undirected edges were read as edges in both directions"])
    }

    /// qq's GraphML output read by NetworkX gives the same graph. Needs python3 with networkx.
    @Test(.enabled(if: NetworkXProbe.python != nil, "skipped: no python3 with networkx (run scripts/make-fixtures to make .venv)"))
    func networkxReadsQQOutput() throws {
        let d = try RoundTripTests.rich()
        let p = Fixture.tempDir() + "/g.graphml"
        try Saver.save(d, to: p, overwrite: false)
        let theirs = try NetworkXProbe.describe(p)
        var mine: [String] = []
        for i in 0..<d.accountCount {
            var cells: [String] = []
            for (k, col) in zip(d.accounts.names.dropFirst(), d.accounts.columns.dropFirst()) where !col.isNull(i) {
                switch col[i] {
                case .int(let v): cells.append("\(k)=int:\(v)")
                case .float(let v): cells.append("\(k)=float:\(v)")
                case .bool(let v): cells.append("\(k)=bool:\(v ? "True" : "False")")
                case let v: cells.append("\(k)=str:\(v)")
                }
            }
            mine.append((["N", d.handle(i)] + cells.sorted()).joined(separator: "\t").replacingOccurrences(of: "\n", with: "\\n"))
        }
        var es = edges(d, d.follows).map { "E\t\($0)\t\t" }
        for l in d.layers {
            for v in 0..<d.accountCount {
                for k in l.out.offsets[v]..<l.out.offsets[v + 1] {
                    es.append("E\t\(d.handle(v))->\(d.handle(Int(l.out.targets[k])))\t\(l.name)\t\(l.out.weights![k])")
                }
            }
        }
        #expect(theirs == mine + es.sorted())
    }
}

/// Finds a Python with networkx and asks it to describe a GraphML file.
enum NetworkXProbe {
    static let python: String? = {
        let repo = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().path
        for candidate in [repo + "/.venv/bin/python", "/usr/bin/python3", "/usr/local/bin/python3"] + pathPythons() {
            guard FileManager.default.isExecutableFile(atPath: candidate) else { continue }
            if (try? run(candidate, ["-c", "import networkx"])) != nil { return candidate }
        }
        return nil
    }()

    static func pathPythons() -> [String] {
        (ProcessInfo.processInfo.environment["PATH"] ?? "").split(separator: ":").map { $0 + "/python3" }
    }

    static func run(_ exe: String, _ args: [String]) throws -> String {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: exe)
        p.arguments = args
        let out = Pipe()
        p.standardOutput = out
        p.standardError = FileHandle.nullDevice
        try p.run()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        guard p.terminationStatus == 0 else { throw CocoaError(.fileReadUnknown) }
        return String(decoding: data, as: UTF8.self)
    }

    static let script = #"""
    import sys, networkx as nx
    G = nx.read_graphml(sys.argv[1])
    for n in G.nodes:
        cells = sorted(f"{k}={type(v).__name__}:{v!r}" if isinstance(v, float) else f"{k}={type(v).__name__}:{v}" for k, v in G.nodes[n].items())
        print("\t".join(["N", n] + cells).replace("\n", "\\n"))
    es = []
    edges = G.edges(data=True, keys=True) if G.is_multigraph() else G.edges(data=True)
    for e in edges:
        d = e[-1]
        es.append(f"E\t{e[0]}->{e[1]}\t{d.get('layer', '')}\t{d['weight']!r}" if 'weight' in d else f"E\t{e[0]}->{e[1]}\t{d.get('layer', '')}\t")
    for line in sorted(es):
        print(line)
    """#

    static func describe(_ path: String) throws -> [String] {
        try run(python!, ["-c", script, path]).split(separator: "\n", omittingEmptySubsequences: true).map(String.init)
    }
}
