/// The `read "file"` sources a statement names, so the session can read them before
/// binding (binding needs their columns). The tree is at most about 2 × maxDepth deep
/// (see `Parser`), so the recursion is bounded.
public enum ReadPaths {
    public static func of(_ s: Statement) -> [StringLiteral] {
        var out: [StringLiteral] = []
        func item(_ i: SelectItem) { expr(i.expr) }
        func expr(_ e: Expr) {
            switch e.kind {
            case .literal, .name, .account: break
            case .read(let p): if !out.contains(p) { out.append(p) }
            case .member(let b, _), .unary(_, let b), .isNull(let b, _), .paren(let b): expr(b)
            case .binary(_, let a, let b): expr(a); expr(b)
            case .call(_, let args): args.forEach(expr)
            case .inList(let x, let l, _): expr(x); l.forEach(expr)
            case .between(let a, let b, let c, _): expr(a); expr(b); expr(c)
            case .pipeline(let src, let stages):
                expr(src)
                for st in stages { stage(st) }
            }
        }
        func stage(_ st: Stage) {
            switch st.kind {
            case .where(let e), .take(let e), .skip(let e): expr(e)
            case .sort(let keys): keys.forEach { expr($0.expr) }
            case .top(let n, let keys, let per): expr(n); keys.forEach { expr($0.expr) }; if let per { expr(per) }
            case .select(let items), .extend(let items), .distinct(let items): items.forEach(item)
            case .summarize(let a, let by): a.forEach(item); by.forEach(item)
            case .count, .export: break
            case .sample(let n, let seed): expr(n); if let seed { expr(seed) }
            case .compare(let on): on?.forEach(item)
            case .correlate(let items, _, _): items.forEach(item)
            case .plot(let p): p.args.forEach(item); if let b = p.bins { expr(b) }
            case .join(let j): expr(j.right); expr(j.leftKey); if let r = j.rightKey { expr(r) }
            }
        }
        switch s.kind {
        case .expression(let e), .print(let e), .letBinding(_, let e), .set(_, let e), .param(_, let e): expr(e)
        case .compare(let accounts, let on): accounts.forEach(expr); on?.forEach(item)
        case .assert(let c, let m): expr(c); if let m { expr(m) }
        case .generate(let a, let f, let seed, _): expr(a); expr(f); if let seed { expr(seed) }
        case .describe, .source, .help, .load, .save: break
        }
        return out
    }
}
