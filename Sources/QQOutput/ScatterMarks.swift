import QQData

/// `plot scatter X, Y [log] [color EXPR] [label EXPR [top K]]` (SPEC §11): points
/// coloured by group with a legend, and the K points with the largest Y named.
///
/// The SVG draws each group in its colour (Tableau 10 in order of first appearance;
/// the tenth group on shares grey) and writes each label beside its point. The
/// terminal chart stays one braille layer; the legend and the labelled points follow
/// it as text lines.
enum ScatterMarks {
    /// Indices of the points `PlotData.points` keeps (finite, and positive on a log scale).
    static func kept(_ c: Chart) -> [Int] {
        c.x.indices.filter { i in
            let x = c.x[i], y = c.y[i]
            return x.isFinite && y.isFinite && !(c.log && (x <= 0 || y <= 0))
        }
    }

    /// Groups in order of first appearance with their counts.
    static func groupCounts(_ groups: [String]) -> [(String, Int)] {
        var order: [String] = [], counts: [String: Int] = [:]
        for g in groups {
            if counts[g] == nil { order.append(g) }
            counts[g, default: 0] += 1
        }
        return order.map { ($0, counts[$0]!) }
    }

    static func colour(_ index: Int) -> String {
        index < GraphPicture.palette.count ? GraphPicture.palette[index] : GraphPicture.other
    }

    /// Points by group, labels, and a legend at the top right of the plot area.
    static func draw(_ w: inout SVGWriter, _ c: Chart, step: Int, radius: Double, opacity: Double,
                     at position: (Double, Double) -> (Double, Double)) {
        let keep = kept(c)
        let grouped = c.groups.count == c.x.count
        let order = grouped ? groupCounts(keep.map { c.groups[$0] }) : []
        var index: [String: Int] = [:]
        for (i, (g, _)) in order.enumerated() { index[g] = i }
        let sample = stride(from: 0, to: keep.count, by: step).map { keep[$0] }
        for gi in (grouped ? Array(order.indices) : [0]) {
            let fill = grouped ? colour(gi) : SVGWriter.mark
            w.open("g", "fill=\"\(fill)\" fill-opacity=\"\(opacity)\"")
            for i in sample where !grouped || index[c.groups[i]] == gi {
                let (x, y) = position(c.x[i], c.y[i])
                w.circle(x, y, r: radius)
            }
            w.close("g")
        }
        if c.pointLabels.count == c.x.count {
            w.open("g", "font-size=\"11\" fill=\"\(SVGWriter.ink)\"")
            // Greedy placement: beside the point, else a line further down or up
            // (with a leader line), never over a label already placed; to the left
            // of the point near the right edge.
            var placed: [(x0: Double, x1: Double, y: Double)] = []
            for i in keep where !c.pointLabels[i].isEmpty {
                let (x, y) = position(c.x[i], c.y[i])
                w.raw("<circle cx=\"\(SVGWriter.num(x))\" cy=\"\(SVGWriter.num(y))\" r=\"\(SVGWriter.num(radius + 1.5))\" fill=\"none\" stroke=\"\(SVGWriter.ink)\"/>\n")
                let text = c.pointLabels[i]
                let tw = SVGWriter.textWidth(text, size: 11)
                let left = x + radius + 3 + tw > w.width - 8
                let x0 = left ? x - radius - 3 - tw : x + radius + 3
                var ty = y - radius - 1
                for k in 0..<12 {
                    let step = Double((k + 1) / 2) * 13 * (k % 2 == 1 ? 1 : -1)
                    let candidate = y - radius - 1 + step
                    if !placed.contains(where: { abs($0.y - candidate) < 12 && $0.x0 < x0 + tw && x0 < $0.x1 }) {
                        ty = candidate
                        break
                    }
                }
                placed.append((x0, x0 + tw, ty))
                if abs(ty - (y - radius - 1)) > 1 {
                    w.raw("<line x1=\"\(SVGWriter.num(x))\" y1=\"\(SVGWriter.num(y))\" x2=\"\(SVGWriter.num(left ? x0 + tw : x0))\" y2=\"\(SVGWriter.num(ty - 4))\" stroke=\"\(SVGWriter.muted)\" stroke-width=\"0.6\"/>\n")
                }
                w.text(x0, ty, text)
            }
            w.close("g")
        }
        guard grouped else { return }
        // Legend: top left of the plot area (labels favour the top right).
        var y = 70.0
        let x = 100.0
        w.text(x, y, c.groupName, "font-size=\"12\" font-weight=\"bold\" fill=\"\(SVGWriter.ink)\"")
        for (i, (g, n)) in order.enumerated() where i < 10 {
            y += 16
            let more = i == 9 && order.count > 10
            w.raw("<circle cx=\"\(SVGWriter.num(x + 5))\" cy=\"\(SVGWriter.num(y - 4))\" r=\"4.5\" fill=\"\(colour(i))\"/>\n")
            w.text(x + 14, y, more ? "\(order.count - 9) more groups" : "\(g) (\(NumberText.grouped(Int64(n))))",
                   "font-size=\"11\" fill=\"\(SVGWriter.ink)\"")
        }
    }

    /// The terminal's text under the chart: groups with counts, and the labelled points.
    static func legend(_ c: Chart) -> String {
        let keep = kept(c)
        var out = ""
        if c.groups.count == c.x.count, !c.groups.isEmpty {
            let parts = groupCounts(keep.map { c.groups[$0] }).map { "\($0.0) \(NumberText.grouped(Int64($0.1)))" }
            out += "by \(c.groupName): " + parts.joined(separator: ", ") + " (colours in the SVG: plot … to \"chart.svg\")\n"
        }
        if c.pointLabels.count == c.x.count {
            let named = keep.filter { !c.pointLabels[$0].isEmpty }
                .map { "\(c.pointLabels[$0]) (\(NumberText.compact(c.x[$0])), \(NumberText.compact(c.y[$0])))" }
            if !named.isEmpty { out += "largest \(c.yLabel): " + named.joined(separator: ", ") + "\n" }
        }
        return out
    }
}
