import QQData

/// Drawing a `GraphPicture`: the whole graph as SVG, or a compact summary for the
/// terminal. Both start from the same seeded layout.
extension GraphPicture {
    static let side = 760.0
    static let margin = 40.0
    /// How many of the largest vertices get their name written beside them.
    static let named = 12

    /// The graph as a standalone SVG document: edges as light lines with the follow
    /// direction shown by a small arrowhead, vertices as circles (area ∝ size, colour by
    /// group) with a tooltip, the largest named, and a legend of groups.
    public func svg() throws(Diagnostic) -> String {
        let (x, y) = try layout()
        let legendRows = groupCounts().count
        let legend = legendRows == 0 ? 0 : 28 + 18 * Double(min(legendRows, 10))
        var w = SVGWriter(width: GraphPicture.side + 2 * GraphPicture.margin,
                          height: GraphPicture.side + 2 * GraphPicture.margin + 30 + legend)
        let top = 30 + GraphPicture.margin
        func px(_ v: Int) -> Double { GraphPicture.margin + x[v] * GraphPicture.side }
        func py(_ v: Int) -> Double { top + y[v] * GraphPicture.side }
        let title = "follow graph of \(names.count.formatted) accounts" + (groups == nil ? "" : " by \(groupName)")
        w.text(w.width / 2, 24, title, "text-anchor=\"middle\" font-size=\"16\" fill=\"\(SVGWriter.ink)\"")
        let radius = radii()

        w.raw("<defs><marker id=\"arrow\" viewBox=\"0 0 6 6\" refX=\"6\" refY=\"3\" markerWidth=\"5\" markerHeight=\"5\" orient=\"auto\"><path d=\"M0,0 L6,3 L0,6 z\" fill=\"#999999\"/></marker></defs>\n")
        w.open("g", "stroke=\"#999999\" stroke-opacity=\"0.45\" stroke-width=\"0.8\" marker-end=\"url(#arrow)\"")
        for (a, b) in edges where a != b {
            let u = Int(a), v = Int(b)
            // Stop the line at the target's rim so the arrowhead shows.
            let ex = px(v) - px(u), ey = py(v) - py(u)
            let d = max((ex * ex + ey * ey).squareRoot(), 1e-9)
            let cut = min(radius[v] + 1, d / 2)
            w.line(px(u), py(u), px(v) - ex / d * cut, py(v) - ey / d * cut)
        }
        w.close("g")

        let fill = colours()
        let s = sizes
        w.open("g", "stroke=\"#ffffff\" stroke-width=\"0.8\"")
        for v in names.indices {
            var tip = names[v]
            if let g = groups?[v] ?? nil { tip += " · \(groupName) \(g)" }
            if let s, let value = s[v] { tip += " · \(sizeName) \(NumberText.compact(value))" }
            w.raw("<circle cx=\"\(SVGWriter.num(px(v)))\" cy=\"\(SVGWriter.num(py(v)))\" r=\"\(SVGWriter.num(radius[v]))\" fill=\"\(fill[v])\"><title>\(SVGWriter.escape(tip))</title></circle>\n")
        }
        w.close("g")

        w.open("g", "font-size=\"11\" fill=\"\(SVGWriter.ink)\"")
        for v in bySize().prefix(GraphPicture.named) {
            w.text(px(v) + radius[v] + 2, py(v) + 4, names[v])
        }
        w.close("g")

        if legendRows > 0 {
            var ly = top + GraphPicture.side + GraphPicture.margin + 10
            w.text(GraphPicture.margin, ly, groupName, "font-size=\"12\" font-weight=\"bold\" fill=\"\(SVGWriter.ink)\"")
            let colourOf = Dictionary(zip(groups!.map { $0 ?? "null" }, fill), uniquingKeysWith: { a, _ in a })
            for (i, (g, n)) in groupCounts().enumerated() where i < 10 {
                ly += 18
                let more = i == 9 && legendRows > 10 ? " and \(legendRows - 9) more groups" : ""
                w.raw("<circle cx=\"\(SVGWriter.num(GraphPicture.margin + 6))\" cy=\"\(SVGWriter.num(ly - 4))\" r=\"5\" fill=\"\(i == 9 && legendRows > 10 ? GraphPicture.other : colourOf[g]!)\"/>\n")
                w.text(GraphPicture.margin + 16, ly, "\(g) (\(n.formatted))\(more)", "font-size=\"12\" fill=\"\(SVGWriter.ink)\"")
            }
        }
        let desc = "Fruchterman–Reingold layout, \(GraphLayout.iterations(for: names.count)) iterations, seed \(seed); "
            + "\(edges.count.formatted) follows among \(names.count.formatted) accounts; circle area by \(sizeTitle)"
        return w.document(title: title, description: desc)
    }

    /// Radii in px: area proportional to the size value, 3 to 14 px.
    func radii() -> [Double] {
        let s = sizeValues()
        let lo = s.min() ?? 0, hi = s.max() ?? 0
        return s.map { v in
            let t = hi > lo ? (v - lo) / (hi - lo) : 0.3
            return (9 + t * (196 - 9)).squareRoot()
        }
    }

    /// The terminal form: what the graph holds, its groups and largest vertices, and a
    /// small map of the layout (each cell shows the group of a vertex placed there:
    /// `a` for the first group, `b` for the second, …; `•` without groups).
    public func summary(width: Int) throws(Diagnostic) -> String {
        let (x, y) = try layout()
        let (parts, isolated) = components()
        var out = "follow graph: \(names.count.formatted) accounts, \(edges.count.formatted) follows among them, "
            + "\(parts.formatted) component\(parts == 1 ? "" : "s")"
            + (isolated > 0 ? " (\(isolated.formatted) isolated)" : "") + "\n"
        let counts = groupCounts()
        let marks = Array("abcdefghijklmnopqrstuvwxyz")
        if !counts.isEmpty {
            let shown = counts.prefix(marks.count).enumerated().map { "\(marks[$0.offset]) \($0.element.0) \($0.element.1.formatted)" }
            out += "by \(groupName): " + shown.joined(separator: ", ") + (counts.count > marks.count ? ", …" : "") + "\n"
        }
        let s = sizeValues()
        let top = bySize().prefix(5).map { "@\(names[$0]) \(NumberText.compact(s[$0]))" }
        out += "largest by \(sizeTitle): " + top.joined(separator: ", ") + "\n"
        // The map: up to 60×16 cells, the first vertex placed in a cell names it.
        let cols = max(20, min(60, width - 2)), rows = 16
        var grid = Array(repeating: Array(repeating: Character(" "), count: cols), count: rows)
        var index: [String: Int] = [:]
        for (i, (g, _)) in counts.enumerated() { index[g] = i }
        for v in names.indices {
            let c = min(cols - 1, Int(x[v] * Double(cols - 1) + 0.5)), r = min(rows - 1, Int(y[v] * Double(rows - 1) + 0.5))
            guard grid[r][c] == " " else { continue }
            if let groups, let i = index[groups[v] ?? "null"], i < marks.count { grid[r][c] = marks[i] } else { grid[r][c] = "•" }
        }
        let rule = String(repeating: "─", count: cols)
        out += "┌" + rule + "┐\n"
        for row in grid { out += "│" + String(row) + "│\n" }
        out += "└" + rule + "┘\n"
        out += "Fruchterman–Reingold layout, seed \(seed); the whole graph: plot graph … to \"graph.svg\"\n"
        return out
    }
}
