import QQData

extension ParserCore {
    // stage := 'where' or_expr | 'sort' sort_keys | 'top' or_expr 'by' sort_keys [ 'per' or_expr ]
    //        | 'take' or_expr | 'skip' or_expr | 'select' items | 'extend' items
    //        | 'summarize' [ items ] [ 'by' items ] | 'distinct' items | 'count'
    //        | 'sample' or_expr [ 'seed' or_expr ] | 'compare' [ 'on' name { ',' name } ]
    //        | 'correlate' items [ 'method' name ] | 'plot' plot | 'export' STRING [ 'overwrite' ]
    //        | join
    package mutating func parseStage() throws(Diagnostic) -> Stage {
        let first = peek
        guard case .word(let name) = first.kind else { throw error(expected: "a stage name after '|'") }
        guard Keywords.stages.contains(name) else {
            let hint = Suggest.hint(for: name, among: Keywords.stages)
                ?? "stages are: \(Keywords.stages.joined(separator: ", "))"
            throw error("unknown stage '\(name)'", at: first.span, hint: hint)
        }
        advance()
        let kind: Stage.Kind
        switch name {
        case "where": kind = .where(try parseOr())
        case "sort": kind = .sort(try parseSortKeys())
        case "top":
            if peek.keyword == "by" { throw error(expected: "a count after 'top'", hint: "top 10 by pagerank") }
            let n = try parseOr()
            guard eat("by") else { throw error(expected: "'by' after 'top \(src.slice(n.span))'", hint: "top 10 by followers") }
            let keys = try parseSortKeys()
            if at("by") {
                throw error("'top' takes one 'by'", at: peek.span,
                            hint: "for the first rows of every group write 'per': top \(src.slice(n.span)) by … per GROUP")
            }
            kind = .top(count: n, by: keys, per: eat("per") ? try parseOr() : nil)
        case "take": kind = .take(try parseOr())
        case "skip": kind = .skip(try parseOr())
        case "select": kind = .select(try parseItems())
        case "extend":
            let items = try parseItems()
            if let bad = items.first(where: { $0.alias == nil }) {
                throw error("'extend' needs a name for each column", at: bad.expr.span,
                            hint: "write 'extend name = \(bad.text)'")
            }
            kind = .extend(items)
        case "summarize":
            if peek.endsStatement || at(.pipe) {
                throw error(expected: "an aggregate, such as count() or avg(followers)")
            }
            let aggregates = at("by") ? [] : try parseItems()
            let by = eat("by") ? try parseItems() : []
            kind = .summarize(aggregates: aggregates, by: by)
        case "distinct": kind = .distinct(try parseItems())
        case "count": kind = .count
        case "sample":
            let n = try parseOr()
            let seed = eat("seed") ? Optional(try parseOr()) : nil
            kind = .sample(count: n, seed: seed)
        case "compare":
            let on = eat("on") ? Optional(try parseItems()) : nil
            kind = .compare(on: on)
        case "correlate": kind = try parseCorrelate(first.span)
        case "plot": kind = .plot(try parsePlot())
        case "join": kind = .join(try parseJoin())
        default:
            let path = try expectString("a file path in quotes, such as \"out.csv\"")
            kind = .export(path: path, overwrite: eat("overwrite"))
        }
        return Stage(kind, span: SourceSpan(first.span.start, previousEnd))
    }

    // sort_keys := sort_key { ',' sort_key }
    // sort_key := or_expr [ 'asc' | 'desc' ]
    package mutating func parseSortKeys() throws(Diagnostic) -> [SortKey] {
        var keys: [SortKey] = []
        repeat {
            let e = try parseOr()
            let desc: Bool? = eat("desc") ? true : eat("asc") ? false : nil
            keys.append(SortKey(expr: e, descending: desc))
        } while eat(.comma)
        return keys
    }

    // items := item { ',' item }
    // item := name '=' or_expr | or_expr [ 'as' name ]
    package mutating func parseItems() throws(Diagnostic) -> [SelectItem] {
        var items: [SelectItem] = []
        repeat {
            if case .word(let w) = peek.kind, peek(1).isOp(.assign), !Keywords.expression.contains(w) {
                let name = Identifier(w, span: advance().span)
                advance()
                let e = try parseOr()
                items.append(SelectItem(expr: e, alias: name, text: src.slice(e.span)))
            } else if case .quotedWord(let w) = peek.kind, peek(1).isOp(.assign) {
                let name = Identifier(w, span: advance().span)
                advance()
                let e = try parseOr()
                items.append(SelectItem(expr: e, alias: name, text: src.slice(e.span)))
            } else {
                let e = try parseOr()
                let alias = eat("as") ? Optional(try parseName("a column name after 'as'")) : nil
                items.append(SelectItem(expr: e, alias: alias, text: src.slice(e.span)))
            }
        } while eat(.comma)
        return items
    }

    // correlate := 'correlate' items [ 'method' ( 'spearman' | 'pearson' | 'kendall' ) ] [ 'long' ]
    package mutating func parseCorrelate(_ keyword: SourceSpan) throws(Diagnostic) -> Stage.Kind {
        let items = try parseItems()
        if items.count < 2 {
            throw error("'correlate' needs at least two expressions", at: keyword.union(items[0].expr.span),
                        hint: "correlate followers, pagerank")
        }
        var method: Identifier?
        if eat("method") {
            let m = try parseName("'spearman', 'pearson' or 'kendall'")
            guard Keywords.correlationMethods.contains(m.name) else {
                throw error("unknown correlation method '\(m.name)'", at: m.span,
                            hint: Suggest.hint(for: m.name, among: Keywords.correlationMethods)
                                ?? "methods are spearman, pearson and kendall")
            }
            method = m
        }
        return .correlate(items, method: method, long: eat("long"))
    }

    // plot := ( 'hist' item | 'scatter' item ',' item | 'bar' item ',' item | 'line' item ',' item )
    //         { 'bins' or_expr | 'log' | 'to' STRING [ 'overwrite' ] }
    package mutating func parsePlot() throws(Diagnostic) -> PlotSpec {
        let kindToken = peek
        guard case .word(let k) = kindToken.kind, let kind = PlotSpec.Kind(rawValue: k) else {
            if case .word(let k) = kindToken.kind {
                throw error("unknown plot kind '\(k)'", at: kindToken.span,
                            hint: Suggest.hint(for: k, among: Keywords.plotKinds) ?? "plots are hist, scatter, bar and line")
            }
            throw error(expected: "'hist', 'scatter', 'bar' or 'line'")
        }
        advance()
        let args = try parseItems()
        let wanted = kind == .hist ? 1 : 2
        if args.count != wanted {
            let shape = kind == .hist ? "one expression" : kind == .scatter || kind == .line ? "two expressions: X, Y" : "two expressions: LABEL, VALUE"
            throw error("'plot \(k)' takes \(shape)", at: args[0].expr.span.union(args[args.count - 1].expr.span))
        }
        var spec = PlotSpec(kind: kind, args: args, bins: nil, log: false, file: nil, overwrite: false)
        while let w = peek.keyword, ["bins", "log", "to"].contains(w) {
            let option = advance()
            switch w {
            case "bins":
                guard kind == .hist else { throw error("'bins' applies to 'plot hist' only", at: option.span) }
                guard spec.bins == nil else { throw error("'bins' is given twice", at: option.span) }
                spec.bins = try parseOr()
            case "log":
                guard !spec.log else { throw error("'log' is given twice", at: option.span) }
                spec.log = true
            default:
                guard spec.file == nil else { throw error("'to' is given twice", at: option.span) }
                spec.file = try expectString("an SVG file path in quotes, such as \"chart.svg\"")
                spec.overwrite = eat("overwrite")
            }
        }
        return spec
    }
}
