import QQData
import QQOutput
import QQSemantic

/// `plot graph [color EXPR] [size EXPR] [to "file.svg"]` (SPEC §11): the follow graph
/// induced by the account rows flowing in — those accounts, and the follows between
/// two of them — laid out by Fruchterman–Reingold with `set seed`. The terminal gets
/// a summary; `to` writes the whole drawing. Past `GraphLayout.limit` accounts it
/// refuses before any work, saying how to narrow the rows.
extension Executor {
    package func plotGraph(_ f: Frame, _ spec: PlotPlan) throws(Diagnostic) -> Result {
        let picture: GraphPicture
        do {
            picture = try graphPicture(f, spec)
            try picture.check()
        } catch { throw error.at(spec.span) }
        guard let file = spec.file else {
            if rt.wantsChartSVG { rt.chartSVG = try? picture.svg() }
            do { return .chart(try picture.summary(width: rt.width)) } catch { throw error.at(spec.span) }
        }
        guard !rt.safe else { throw Diagnostic(.runtime, "--safe mode does not write files ('plot … to')", span: spec.span) }
        do {
            try AtomicFile.write(try picture.svg(), to: rt.resolve(file), overwrite: spec.overwrite)
        } catch { throw error.at(spec.span) }
        return .done("wrote \(file)")
    }

    /// The picture's data: names, induced edges (in row order of the source, then of
    /// its follows), colour groups and sizes.
    package func graphPicture(_ f: Frame, _ spec: PlotPlan) throws(Diagnostic) -> GraphPicture {
        let ids = f.accountIDs(.row)
        let d = rt.dataset
        let handles = ids.map { d.handle(Int($0)) }
        var edges: [(UInt32, UInt32)] = []
        if ids.count <= GraphLayout.limit {
            var position = [Int32](repeating: -1, count: d.accountCount)
            for (i, v) in ids.enumerated() where position[Int(v)] < 0 { position[Int(v)] = Int32(i) }
            for (i, v) in ids.enumerated() where position[Int(v)] == Int32(i) {
                for t in d.follows.out.neighbors(Int(v)) where position[Int(t)] >= 0 {
                    edges.append((UInt32(i), UInt32(position[Int(t)])))
                }
            }
        }
        let ev = Evaluator(frame: f, rt: rt)
        let groups: [String?]? = try spec.color.map { (c) throws(Diagnostic) in
            let col = try ev.eval(c.expr)
            return (0..<f.count).map { col.isNull($0) ? nil : ValueText.plain(col[$0]) }
        }
        let sizes: [Double?]? = try spec.size.map { (s) throws(Diagnostic) in
            let col = try ev.eval(s.expr)
            return (0..<f.count).map { col.isNull($0) ? nil : col.double($0) }
        }
        return GraphPicture(names: handles, edges: edges, groups: groups, groupName: spec.color?.name ?? "",
                            sizes: sizes, sizeName: spec.size?.name ?? "", seed: rt.settings.kernelSeed)
    }
}
