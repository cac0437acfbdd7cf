import QQData

/// The AST as compact S-expressions, for parser tests and debugging:
/// `accounts | where followers > 10k` dumps as `(pipe accounts (where (> followers 10000)))`.
///
/// Recursive, which is safe because the parser bounds tree depth (`Parser.maxDepth`).
public enum ASTDump {
    /// One statement as an S-expression.
    public static func statement(_ s: Statement) -> String {
        switch s.kind {
        case .expression(let e): return expr(e)
        case .letBinding(let n, let v): return "(let \(n.name) \(expr(v)))"
        case .set(let n, let v): return "(set \(n.name) \(expr(v)))"
        case .param(let n, let v): return "(param \(n.name) \(expr(v)))"
        case .compare(let accounts, let on):
            return "(compare" + accounts.map { " " + expr($0) }.joined() + names(on) + ")"
        case .describe(let t): return t.map { "(describe \($0.name))" } ?? "(describe)"
        case .print(let e): return "(print \(expr(e)))"
        case .assert(let e, let m): return "(assert \(expr(e))" + (m.map { " " + expr($0) } ?? "") + ")"
        case .source(let p): return "(source \(quote(p.value)))"
        case .help(let t): return t.map { "(help \(quote($0)))" } ?? "(help)"
        case .load(let target, let lenient):
            let t: String
            switch target {
            case .path(let p): t = quote(p.value)
            case .follows(let p): t = "follows " + quote(p.value)
            case .accounts(let p): t = "accounts " + quote(p.value)
            case .layer(let n, let p): t = "layer \(n.name) " + quote(p.value)
            case .layers(let p, let by, let time): t = "layers " + quote(p.value) + " by \(by)" + (time.map { " time \($0)" } ?? "")
            case .sample: t = "sample"
            }
            return "(load \(t)\(lenient ? " lenient" : ""))"
        case .generate(let a, let f, let seed, let times):
            return "(generate \(expr(a)) \(expr(f))" + (seed.map { " (seed \(expr($0)))" } ?? "") + (times ? " times" : "") + ")"
        case .save(let p, let overwrite): return "(save \(quote(p.value))\(overwrite ? " overwrite" : ""))"
        }
    }

    /// One expression as an S-expression (`(+ a 1)`, `(. @alice followers)`).
    public static func expr(_ e: Expr) -> String {
        switch e.kind {
        case .literal(let v): return literal(v)
        case .name(let n): return n
        case .account(let h): return "@" + h
        case .member(let b, let m): return "(. \(expr(b)) \(m.name))"
        case .unary(let op, let x): return "(\(op == .negate ? "neg" : op.rawValue) \(expr(x)))"
        case .binary(let op, let l, let r): return "(\(op.rawValue) \(expr(l)) \(expr(r)))"
        case .call(let f, let args): return "(call \(f.name)" + args.map { " " + expr($0) }.joined() + ")"
        case .inList(let x, let items, let neg):
            return "(\(neg ? "not-in" : "in") \(expr(x)) (" + items.map(expr).joined(separator: " ") + "))"
        case .between(let x, let lo, let hi, let neg):
            return "(\(neg ? "not-between" : "between") \(expr(x)) \(expr(lo)) \(expr(hi)))"
        case .isNull(let x, let neg): return "(\(neg ? "is-not-null" : "is-null") \(expr(x)))"
        case .pipeline(let src, let stages): return "(pipe \(expr(src))" + stages.map { " " + stage($0) }.joined() + ")"
        case .paren(let x): return "(paren \(expr(x)))"
        case .read(let p): return "(read \(quote(p.value)))"
        }
    }

    /// One stage as an S-expression (`(top 10 (by pagerank))`).
    public static func stage(_ s: Stage) -> String {
        switch s.kind {
        case .where(let e): return "(where \(expr(e)))"
        case .sort(let keys): return "(sort" + keys.map { " " + key($0) }.joined() + ")"
        case .top(let n, let by, let per):
            return "(top \(expr(n)) (by" + by.map { " " + key($0) }.joined() + ")" + (per.map { " (per \(expr($0)))" } ?? "") + ")"
        case .join(let j):
            return "(join\(j.kind == .inner ? "" : " " + j.kind.rawValue) \(expr(j.right)) (on \(expr(j.leftKey))"
                + (j.rightKey.map { " " + expr($0) } ?? "") + "))"
        case .take(let n): return "(take \(expr(n)))"
        case .skip(let n): return "(skip \(expr(n)))"
        case .select(let items): return "(select" + items.map { " " + item($0) }.joined() + ")"
        case .extend(let items): return "(extend" + items.map { " " + item($0) }.joined() + ")"
        case .summarize(let aggs, let by):
            return "(summarize" + aggs.map { " " + item($0) }.joined()
                + (by.isEmpty ? "" : " (by" + by.map { " " + item($0) }.joined() + ")") + ")"
        case .distinct(let items): return "(distinct" + items.map { " " + item($0) }.joined() + ")"
        case .count: return "count"
        case .sample(let n, let seed): return "(sample \(expr(n))" + (seed.map { " (seed \(expr($0)))" } ?? "") + ")"
        case .compare(let on): return "(compare" + names(on) + ")"
        case .correlate(let items, let method, let long):
            return "(correlate" + items.map { " " + item($0) }.joined() + (method.map { " (method \($0.name))" } ?? "")
                + (long ? " long" : "") + ")"
        case .plot(let p):
            var s = "(plot \(p.kind.rawValue)" + p.args.map { " " + item($0) }.joined()
            if let b = p.bins { s += " (bins \(expr(b)))" }
            if p.log { s += " log" }
            if let f = p.file { s += " (to \(quote(f.value))\(p.overwrite ? " overwrite" : ""))" }
            return s + ")"
        case .export(let p, let overwrite): return "(export \(quote(p.value))\(overwrite ? " overwrite" : ""))"
        }
    }

    package static func key(_ k: SortKey) -> String {
        guard let d = k.descending else { return expr(k.expr) }
        return "(\(d ? "desc" : "asc") \(expr(k.expr)))"
    }

    package static func item(_ i: SelectItem) -> String {
        guard let a = i.alias else { return expr(i.expr) }
        return "(as \(expr(i.expr)) \(a.name))"
    }

    package static func names(_ on: [SelectItem]?) -> String {
        guard let on else { return "" }
        return " (on" + on.map { " " + ($0.alias.map { a in "(as \(a.name) " } ?? "") + expr($0.expr) + ($0.alias == nil ? "" : ")") }.joined() + ")"
    }

    package static func literal(_ v: Value) -> String {
        switch v {
        case .string(let s): return quote(s)
        case .null: return "null"
        case .float(let d): return Value.formatFloat(d)
        default: return v.description
        }
    }

    package static func quote(_ s: String) -> String {
        var out = "\""
        for c in s {
            switch c {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\t": out += "\\t"
            default: out.append(c)
            }
        }
        return out + "\""
    }
}
