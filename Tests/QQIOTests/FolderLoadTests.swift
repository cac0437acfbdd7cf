import Testing
@testable import QQData
@testable import QQIO

/// Loading CSV folders and single edge lists (SPEC §1–§2).
@Suite struct FolderLoadTests {
    func folder(_ files: [String: String]) -> String {
        let dir = Fixture.tempDir()
        for (name, text) in files { Fixture.write(text, dir, name) }
        return dir
    }

    @Test func accountsFollowsAndLayersWithOrderAndTypes() throws {
        let dir = folder([
            "accounts.csv": "\u{FEFF}username,posts,score,verified,joined,bio\r\ncarol,3,1.5,true,2020-01-31,\"likes \"\"quotes\"\"\"\r\nalice,,2,FALSE,2019-12-01,\"two\nlines\"\r\nbob,7,-0.5,false,,plain\r\n",
            "follows.csv": "src,dst\nalice,bob\nalice,bob\nbob,bob\ndave,alice\nerin,dave\n",
            "repost.csv": "src,dst,weight\nbob,alice,2\nbob,alice,3.5\nfrank,carol,1\n",
            "mention.csv.gz": "",
            "notes.txt": "ignored",
        ])
        // A .csv.gz that is really gzip: written by the test through the fixture helper.
        let gz = try! [UInt8](Data(contentsOf: URL(fileURLWithPath: Fixture.path("gzip/edges.csv.gz"))))
        Fixture.write(bytes: gz, dir, "mention.csv.gz")
        let d = try load(dir).dataset
        #expect(d.accounts.names == ["handle", "posts", "score", "verified", "joined", "bio"])
        #expect(d.accounts.columns.map(\.type) == [.string, .int, .float, .bool, .date, .string])
        // File rows first, then edge-only accounts in order of appearance: follows, then layers by name.
        #expect(Array((0..<6).map { d.handle($0) }) == ["carol", "alice", "bob", "dave", "erin", "u000"])
        #expect(d.createdFromEdges == d.accountCount - 3)
        #expect(d.accounts.columns[1][1] == .null)
        #expect(d.accounts.columns[5][0] == .string("likes \"quotes\""))
        #expect(d.accounts.columns[5][1] == .string("two\nlines"))
        #expect(d.accounts.columns[4][0] == .date(CivilDate(year: 2020, month: 1, day: 31).daysSinceEpoch))
        #expect(edges(d, d.follows) == ["alice->bob", "dave->alice", "erin->dave"])
        #expect(d.follows.droppedSelfLoops == 1 && d.follows.duplicateRows == 1)
        #expect(d.layers.map(\.name) == ["mention", "repost"])
        #expect(edges(d, d.layer(named: "repost")!) == ["bob->alice 5.5", "frank->carol 1.0"])
        expectConsistent(d)
    }

    @Test func edgeListFormats() throws {
        let dir = Fixture.tempDir()
        let snap = Fixture.write("# Directed graph\n# FromNodeId\tToNodeId\n0\t1\n1\t2\n2\t0\n# trailing comment\n2\t1\n", dir, "snap.txt")
        var d = try load(snap).dataset
        #expect(edges(d, d.follows) == ["0->1", "1->2", "2->0", "2->1"])
        let spaces = Fixture.write("% konect style\n10 20\n  20   30  \n\n30 10\n", dir, "pairs.txt")
        d = try load(spaces).dataset
        #expect(edges(d, d.follows) == ["10->20", "20->30", "30->10"])
        let named = Fixture.write("weight,follower,followee\n1,a,b\n2,b,c\n", dir, "named.csv")
        d = try load(named).dataset
        #expect(edges(d, d.follows) == ["a->b", "b->c"])
        let headerless = Fixture.write("a,b\nb,c\n", dir, "plain.csv")
        d = try load(headerless).dataset
        #expect(edges(d, d.follows) == ["a->b", "b->c"])
        let guessed = Fixture.write("user,friend\n1,2\n2,3\n", dir, "guess.csv")
        d = try load(guessed).dataset
        #expect(edges(d, d.follows) == ["1->2", "2->3"])
        let tsv = Fixture.write("source\ttarget\nx y\tz\n", dir, "t.tsv")
        d = try load(tsv).dataset
        #expect(edges(d, d.follows) == ["x y->z"])
    }

    @Test func headerlessThirdNumericColumnIsWeight() throws {
        let base = try load(Fixture.write("a,b\n", Fixture.tempDir(), "f.csv")).dataset
        let dir = Fixture.tempDir()
        let p = Fixture.write("a,b,2\nb,a,0.5\na,b,1\n", dir, "w.csv")
        let r = try Loader.loadLayer(name: "reply", path: p, into: base, options: LoadOptions())
        #expect(edges(r.dataset, r.dataset.layer(named: "reply")!) == ["a->b 3.0", "b->a 0.5"])
        #expect(edges(r.dataset, r.dataset.follows) == ["a->b"])
        #expect(edges(base, base.follows) == ["a->b"])
    }

    @Test func partialLoadsReplaceOnePartAndDropTheSample() throws {
        var sample = try load(Fixture.write("s1,s2\n", Fixture.tempDir(), "s.csv")).dataset
        sample.isSample = true
        let dir = Fixture.tempDir()
        let f = Fixture.write("alice,bob\nbob,carol\n", dir, "f.csv")
        let r1 = try Loader.loadFollows(path: f, into: sample, options: LoadOptions())
        #expect(r1.dataset.accountCount == 3)
        #expect(!r1.dataset.isSample)
        // Accounts file: its rows first, missing accounts after, edges renumbered.
        let a = Fixture.write("handle,age\ncarol,30\nzed,40\nalice,20\n", dir, "a.csv")
        let r2 = try Loader.loadAccounts(path: a, into: r1.dataset, options: LoadOptions())
        let d = r2.dataset
        #expect((0..<d.accountCount).map { d.handle($0) } == ["carol", "zed", "alice", "bob"])
        #expect(edges(d, d.follows).sorted() == ["alice->bob", "bob->carol"])
        #expect(d.accounts.column("age")![3] == .null)
        #expect(d.createdFromEdges == 1)
        expectConsistent(d)
        // The input dataset is untouched.
        #expect(r1.dataset.accountCount == 3 && r1.dataset.accounts.names == ["handle"])
    }

    @Test func keyColumnByNameAndQuotedTextStaysText() throws {
        let dir = folder(["accounts.csv": "name,user_id,zip,n\nAl,1,\"01234\",\"5\"\nBo,2,\"00042\",6\n"])
        let d = try load(dir).dataset
        #expect(d.accounts.names == ["handle", "name", "zip", "n"])
        #expect((0..<2).map { d.handle($0) } == ["1", "2"])
        #expect(d.accounts.column("zip")![0] == .string("01234"))
        #expect(d.accounts.column("n")!.type == .int)
    }

    @Test func parallelChunksMatchSequentialScan() throws {
        // Large enough for two chunks, with quoted fields spanning lines near the middle.
        var text = "handle,bio,posts\n"
        for i in 0..<100_000 {
            let bio = i % 7 == 0 ? "\"line one\nline \"\"two\"\",\r\nend\"" : "bio\(i)"
            text += "h\(i),\(bio),\(i % 13 == 0 ? "" : String(i))\r\n"
        }
        let dir = folder(["accounts.csv": text])
        let d = try load(dir).dataset
        #expect(d.accountCount == 100_000)
        #expect(d.accounts.column("bio")![7] == .string("line one\nline \"two\",\r\nend"))
        #expect(d.accounts.column("bio")![99_999] == .string("bio99999"))
        #expect(d.accounts.column("posts")![26] == .null)
        #expect(d.accounts.column("posts")![99_998] == .int(99_998))
        // Errors after the split still name the right line.
        let bad = folder(["accounts.csv": text + "late,row\n"])
        // 1 header line, 100,000 records, two extra lines in each of the 14,286 multi-line ones.
        let e = #expect(throws: Diagnostic.self) { try load(bad) }
        #expect(e?.position == FilePosition(file: bad + "/accounts.csv", line: 128_574, column: 9))
        #expect(e?.message == "expected 3 fields, found 2")
    }
}

import Foundation
