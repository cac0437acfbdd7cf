import Foundation
import Testing
import QQData
@testable import QQSession

/// `save "g.graphml" with …` and `save "g.gexf" with …` (SPEC §11): metric columns as
/// node attributes, checked by the GEXF 1.3 structural test and by NetworkX's readers.
@Suite struct SaveWithTests {
    static let blogs = GoldenTests.root + "/data/blogs"
    static let metrics = "pagerank, community, kcore, rr = received(repost)"

    /// Saves the blogs fixture with metrics to a fresh folder; returns the folder and
    /// qq's own values as CSV lines (`handle,pagerank,community,kcore,rr`).
    static func saved() throws -> (String, [[String]]) {
        let dir = NSTemporaryDirectory() + "qq-savewith-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        let (session, out) = EngineFixture.session(Dataset.empty(), format: "csv")
        let ok = session.run("""
            load "\(blogs)"
            save "\(dir)/g.graphml" with \(metrics)
            save "\(dir)/g.gexf" with \(metrics)
            accounts | select handle, \(metrics)
            """, file: "save-with")
        #expect(ok, "stderr: \(out.stderr)")
        let rows = out.stdout.split(separator: "\n").dropFirst()
            .map { $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init) }
        return (dir, rows)
    }

    @Test func gexfPassesTheStructuralTest() throws {
        let (dir, rows) = try SaveWithTests.saved()
        let data = try Data(contentsOf: URL(fileURLWithPath: dir + "/g.gexf"))
        #expect(GEXFStructure.problems(data) == [])
        let text = String(decoding: data, as: UTF8.self)
        #expect(rows.count == 16)
        #expect(text.components(separatedBy: "<node ").count - 1 == 16)
        #expect(text.contains("title=\"pagerank\" type=\"double\""))
        #expect(text.contains("title=\"rr\" type=\"double\""))
        #expect(text.contains("title=\"kcore\" type=\"long\""))
    }

    @Test func theStructuralTestFindsFaults() {
        let bad = """
            <gexf xmlns="http://gexf.net/1.3" version="1.3"><graph defaultedgetype="directed">
            <attributes class="node"><attribute id="0" title="x" type="long"/></attributes>
            <nodes><node id="a"><attvalues><attvalue for="0" value="1.5"/><attvalue for="9" value="1"/></attvalues></node></nodes>
            <edges><edge id="0" source="a" target="b"/><edge id="0" source="a" target="a" weight="heavy"/></edges>
            </graph></gexf>
            """
        let p = GEXFStructure.problems(Data(bad.utf8))
        #expect(p.contains("attvalue '1.5' is not a long"))
        #expect(p.contains("attvalue for an undeclared node attribute"))
        #expect(p.contains("edge 0 names a missing node"))
        #expect(p.contains("duplicate edge id '0'"))
        #expect(p.contains("edge 0 weight 'heavy'"))
    }

    /// NetworkX reads both files; GraphML attribute values equal qq's exactly.
    @Test(.enabled(if: ReferencePython.enabled)) func networkxReadsBothWithEqualValues() throws {
        let (dir, rows) = try SaveWithTests.saved()
        let program = """
            import sys, networkx as nx
            for name, g in (("graphml", nx.read_graphml(sys.argv[1])), ("gexf", nx.read_gexf(sys.argv[2]))):
                print(name, g.number_of_nodes(), g.number_of_edges())
                for n, a in g.nodes(data=True):
                    print(name, n, repr(a["pagerank"]), a["community"], a["kcore"], repr(a["rr"]))
            """
        let r = try ReferencePython.script(program, [dir + "/g.graphml", dir + "/g.gexf"])
        try #require(r.status == 0, "python: \(r.output)")
        let lines = r.output.split(separator: "\n").map { $0.split(separator: " ").map(String.init) }
        // 65 follows and 22 reposts, kept apart (a multigraph when a pair has both).
        #expect(lines.filter { $0.count == 3 }.map { $0[1...].joined(separator: " ") } == ["16 87", "16 87"])
        for format in ["graphml", "gexf"] {
            let nodes = lines.filter { $0.count == 6 && $0[0] == format }
            #expect(nodes.count == rows.count)
            for (got, want) in zip(nodes, rows) {
                #expect(got[1] == want[0])
                #expect(Double(got[2]) == Double(want[1]), "\(format) pagerank of \(want[0])")
                #expect(got[3] == want[2] && got[4] == want[3], "\(format) community, kcore of \(want[0])")
                #expect(Double(got[5]) == Double(want[4]), "\(format) rr of \(want[0])")
            }
        }
    }

    /// Edge times become spells: a follow from its start, an instant per interaction event.
    @Test func edgeTimesBecomeSpells() throws {
        let dir = NSTemporaryDirectory() + "qq-spells-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        let timed = WindowReferenceTests.folder
        let (session, out) = EngineFixture.session(Dataset.empty(), format: "csv")
        #expect(session.run("load \"\(timed)\"\nsave \"\(dir)/t.gexf\" with pagerank\ninteractions | count", file: "spells"),
                "stderr: \(out.stderr)")
        let data = try Data(contentsOf: URL(fileURLWithPath: dir + "/t.gexf"))
        #expect(GEXFStructure.problems(data) == [])
        let text = String(decoding: data, as: UTF8.self)
        #expect(text.contains("mode=\"dynamic\" timeformat=\"double\""))
        // One instant spell per timed repost event.
        let instants = text.components(separatedBy: "<spell ").dropFirst().filter { part in
            let start = part.split(separator: "\"")[1], end = part.split(separator: "\"")[3]
            return start == end
        }
        let events = Int(out.stdout.trimmingCharacters(in: .whitespacesAndNewlines)) ?? -1
        #expect(instants.count > 0 && instants.count <= events)
        if ReferencePython.enabled {
            let r = try ReferencePython.script("""
                import sys, networkx as nx
                g = nx.read_gexf(sys.argv[1])
                print(g.graph["mode"], sum(len(d.get("spells", [])) for _, _, d in g.edges(data=True) if d["layer"] != "follows"))
                """, [dir + "/t.gexf"])
            #expect(r.status == 0, "python: \(r.output)")
            #expect(r.output.trimmingCharacters(in: .whitespacesAndNewlines) == "dynamic \(instants.count)")
        }
    }
}
