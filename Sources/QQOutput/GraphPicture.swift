import QQData

/// `plot graph [color EXPR] [size EXPR]` (SPEC §11): the follow graph induced by the
/// rows flowing in, laid out by `GraphLayout` and drawn in full as SVG, or summarised
/// in the terminal (counts, components, groups, the largest nodes and a small map).
public struct GraphPicture: Sendable {
    /// One name per vertex (handles).
    public var names: [String]
    /// Follow edges between vertices (indices into `names`).
    public var edges: [(UInt32, UInt32)]
    /// The colour group of each vertex (`color EXPR` as text; nil = null), or nil.
    public var groups: [String?]?
    public var groupName: String
    /// The size value of each vertex (`size EXPR`; nil = null), or nil for degree.
    public var sizes: [Double?]?
    public var sizeName: String
    public var seed: UInt64

    public init(names: [String], edges: [(UInt32, UInt32)], groups: [String?]?, groupName: String,
                sizes: [Double?]?, sizeName: String, seed: UInt64) {
        self.names = names; self.edges = edges; self.groups = groups; self.groupName = groupName
        self.sizes = sizes; self.sizeName = sizeName; self.seed = seed
    }

    /// Tableau 10, the colours of the groups in order of first appearance; the
    /// tenth and later groups share grey.
    static let palette = ["#4e79a7", "#f28e2b", "#e15759", "#76b7b2", "#59a14f",
                          "#edc948", "#b07aa1", "#ff9da7", "#9c755f"]
    static let other = "#bab0ac"

    /// Refuses graphs past `GraphLayout.limit` with a way to narrow the rows.
    public func check() throws(Diagnostic) {
        guard names.count <= GraphLayout.limit else {
            throw Diagnostic(.runtime, "'plot graph' lays out at most \(GraphLayout.limit.formatted) accounts; these rows hold \(names.count.formatted)",
                             hint: "narrow the rows first, e.g. accounts | top 500 by pagerank | plot graph")
        }
        guard !names.isEmpty else {
            throw Diagnostic(.runtime, "'plot graph' has no accounts to draw", hint: "the rows flowing in are empty")
        }
    }

    /// The layout (deterministic for a seed), scaled to fill [0, 1]² with its aspect
    /// ratio kept and centred.
    public func layout() throws(Diagnostic) -> (x: [Double], y: [Double]) {
        try check()
        var (x, y) = try GraphLayout.fruchtermanReingold(n: names.count, edges: edges, seed: seed)
        let x0 = x.min()!, x1 = x.max()!, y0 = y.min()!, y1 = y.max()!
        let span = max(x1 - x0, y1 - y0)
        guard span > 0 else { return (x, y) }
        let ox = (1 - (x1 - x0) / span) / 2, oy = (1 - (y1 - y0) / span) / 2
        for i in x.indices { x[i] = ox + (x[i] - x0) / span; y[i] = oy + (y[i] - y0) / span }
        return (x, y)
    }

    /// Groups in order of first appearance with their sizes ("null" for nulls).
    func groupCounts() -> [(String, Int)] {
        guard let groups else { return [] }
        var order: [String] = [], counts: [String: Int] = [:]
        for g in groups {
            let key = g ?? "null"
            if counts[key] == nil { order.append(key) }
            counts[key, default: 0] += 1
        }
        return order.map { ($0, counts[$0]!) }
    }

    /// The colour of every vertex.
    func colours() -> [String] {
        guard let groups else { return Array(repeating: SVGWriter.mark, count: names.count) }
        var index: [String: Int] = [:]
        for (i, (g, _)) in groupCounts().enumerated() { index[g] = i }
        return groups.map { g in
            let i = index[g ?? "null"]!
            return g == nil || i >= GraphPicture.palette.count ? GraphPicture.other : GraphPicture.palette[i]
        }
    }

    /// Degree in the induced graph (both directions), the default size.
    func degrees() -> [Double] {
        var d = [Double](repeating: 0, count: names.count)
        for (a, b) in edges where a != b { d[Int(a)] += 1; d[Int(b)] += 1 }
        return d
    }

    /// The size values (degree when no `size`), nulls as the smallest.
    func sizeValues() -> [Double] {
        guard let sizes else { return degrees() }
        let finite = sizes.compactMap { $0 }.filter { $0.isFinite }
        let low = finite.min() ?? 0
        return sizes.map { v in v.flatMap { $0.isFinite ? $0 : nil } ?? low }
    }

    /// Vertex indices by size, largest first (ties in row order).
    func bySize() -> [Int] {
        let s = sizeValues()
        return names.indices.sorted { s[$0] != s[$1] ? s[$0] > s[$1] : $0 < $1 }
    }

    /// Weakly connected components and isolated vertices of the induced graph.
    func components() -> (count: Int, isolated: Int) {
        var parent = Array(0..<names.count)
        func find(_ v: Int) -> Int {
            var v = v
            while parent[v] != v { parent[v] = parent[parent[v]]; v = parent[v] }
            return v
        }
        for (a, b) in edges { let ra = find(Int(a)), rb = find(Int(b)); if ra != rb { parent[max(ra, rb)] = min(ra, rb) } }
        let d = degrees()
        return (names.indices.filter { find($0) == $0 }.count, d.filter { $0 == 0 }.count)
    }

    var sizeTitle: String { sizes == nil ? "degree" : sizeName }
}

extension Int {
    /// With thousands separators, as tables print counts.
    var formatted: String { NumberText.grouped(Int64(self)) }
}
