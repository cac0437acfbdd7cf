import Testing
@testable import QQSession
@testable import QQEngine
@testable import QQSemantic
@testable import QQSyntax

@Suite("Suggestions")
struct DiagnosticSuggestTests {
    static let names = ["accounts", "follows", "interactions", "followers", "following", "pagerank", "handle"]

    @Test(arguments: [
        ("acounts", "accounts"),
        ("acount", "accounts"),
        ("folowers", "followers"),
        ("follwoing", "following"),
        ("Pagerank", "pagerank"),
        ("pagernak", "pagerank"),
        ("handel", "handle"),
        ("hnadle", "handle"),
    ])
    func suggests(_ typed: String, _ expected: String) {
        #expect(Suggest.closest(typed, among: DiagnosticSuggestTests.names) == expected)
    }

    @Test("nothing beyond the cut-off, and nothing for an exact name", arguments: [
        "xyz", "p", "fol", "zzzzzzzzz", "accounts",
    ])
    func noSuggestion(_ typed: String) {
        #expect(Suggest.closest(typed, among: DiagnosticSuggestTests.names) == nil)
    }

    @Test("ties are broken the same way whatever the order")
    func ties() {
        let a = Suggest.closest("cat", among: ["bat", "cot", "hat"])
        let b = Suggest.closest("cat", among: ["hat", "bat", "cot"])
        #expect(a == "cot")
        #expect(b == "cot")
        #expect(Suggest.closest("ab", among: ["xb", "ax"]) == "ax")
    }

    @Test("distance is the optimal string alignment distance", arguments: [
        ("", "abc", 3), ("abc", "abc", 0), ("abc", "acb", 1), ("ca", "abc", 3), ("kitten", "sitting", 3), ("ABC", "abc", 0),
    ])
    func distance(_ a: String, _ b: String, _ d: Int) {
        #expect(Suggest.distance(a, b) == d)
    }

    @Test("the hint's shape")
    func hint() {
        #expect(Suggest.hint(for: "acounts", among: ["accounts"]) == "did you mean 'accounts'?")
        #expect(Suggest.hint(for: "q", among: ["accounts"]) == nil)
    }
}
