import QQData

/// The `<spells>` of GEXF edges (SPEC §11: "GEXF carries edge times as spells").
/// Datasets without edge times have none, and the graph is written static.
struct EdgeSpells {
    /// GEXF's `timeformat` for the spells written.
    static let timeformat = "integer"
    let isEmpty = true

    init(_ d: Dataset) {}

    /// The spells of the follow edge at CSR position `k`.
    func follow(_ k: Int) -> String { "" }

    /// The spells of the pair `s → t` of interaction layer `layer`.
    func interaction(_ layer: Int, _ s: Int, _ t: Int) -> String { "" }
}
