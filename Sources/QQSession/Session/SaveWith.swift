import QQData
import QQSyntax
import QQEngine

/// `save "g.graphml" with pagerank, community, …` (SPEC §11): the columns written
/// beside the accounts' own are computed as `accounts | select ITEMS` would compute
/// them, so metrics, metric functions of a layer (`pagerank(repost)`) and any
/// expression over accounts work, with the names `select` gives them.
extension Session {
    /// The dataset with one more accounts column per item (a name already present
    /// is replaced by the computed column).
    package func datasetWith(_ items: [SelectItem]) throws(Diagnostic) -> Dataset {
        let whole = SourceSpan(items[0].expr.span.start, items[items.count - 1].expr.span.end)
        let source = Expr(.name("accounts"), span: SourceSpan(whole.start, whole.start))
        let pipeline = Expr(.pipeline(source, [Stage(.select(items), span: whole)]), span: whole)
        guard case .frame(let f) = try Executor(rt: rt).run(try binder().bindRelation(pipeline)),
              f.count == dataset.accountCount else {
            throw Diagnostic(.internal, "save with: the computed columns do not cover every account", span: whole)
        }
        var d = dataset
        for (i, name) in f.names.enumerated() where name != "handle" {
            d.accounts.set(name, f.column(i))
        }
        return d
    }
}
