import QQData
import QQSyntax

/// Resolves names and types before anything runs (SPEC §3–§4): turns syntax into a
/// `LogicalPlan` (pipelines) or a `BoundExpr` (values). Every error is a `Diagnostic`
/// pointing at the node's span, with a did-you-mean hint among the names in scope.
public struct Binder: Sendable {
    public let env: BindEnvironment

    public init(env: BindEnvironment) { self.env = env }

    /// What a statement's expression turned out to be.
    public enum Bound: Sendable {
        /// A table. `parenthesized`: written in parentheses, so a 1×1 result is a value.
        case relation(LogicalPlan, parenthesized: Bool)
        /// A value (no rows around it).
        case value(BoundExpr)
    }

    /// How aggregates may appear in the expression being bound.
    package enum AggregateUse {
        /// Not allowed (no rows, or already inside an aggregate).
        case forbidden
        /// Over all current rows, giving one value broadcast to every row.
        case overRows
        /// Per group (`summarize`).
        case grouped
    }

    /// The surroundings of an expression: the relation whose rows it is evaluated over.
    package struct Context {
        package var schema: RelationSchema?
        package var aggregates: AggregateUse
        /// The stage keyword, for messages (`'where' needs …`).
        package var stage: String?

        package static let noRows = Context(schema: nil, aggregates: .forbidden, stage: nil)
    }

    // MARK: statements

    /// Binds the expression of an expression statement, `let`, or `print`.
    public func bindStatementExpression(_ e: Expr) throws(Diagnostic) -> Bound {
        switch e.kind {
        case .pipeline, .call, .name, .read:
            if isRelation(e) { return .relation(try bindRelation(e), parenthesized: false) }
        case .paren(let inner):
            if isRelation(inner) { return .relation(try bindRelation(inner), parenthesized: true) }
        default: break
        }
        return .value(try bindExpr(e, .noRows))
    }

    /// Binds a value expression with no rows around it (`set`, `param`, `assert`).
    public func bindValue(_ e: Expr) throws(Diagnostic) -> BoundExpr { try bindExpr(e, .noRows) }

    /// Binds `e` as a predicate over open accounts rows (the `set suspicious` rule).
    public func bindAccountPredicate(_ e: Expr) throws(Diagnostic) -> BoundExpr {
        let schema = RelationSchema(columns: env.storedAccountColumns, rows: .accounts(open: true))
        let b = try bindExpr(e, Context(schema: schema, aggregates: .overRows, stage: "set suspicious"))
        guard b.type == .bool || b.type == .null else {
            throw Diagnostic(.type, "the suspicious rule must be true or false, found \(TypeRules.name(b.type))", span: e.span)
        }
        return b
    }

    /// True when `e` denotes a table rather than a value: a pipeline, a table source
    /// or a graph neighbourhood.
    public func isRelation(_ e: Expr) -> Bool {
        switch e.kind {
        case .pipeline: return true
        case .name(let n):
            if BindEnvironment.reservedNames.contains(n) { return true }
            if case .table = env.scope[n] { return true }
            return false
        case .call(let f, _): return Neighbourhood(rawValue: f.name) != nil
        case .paren(let inner): return isRelation(inner)
        case .read: return true
        default: return false
        }
    }

    // MARK: names

    /// Resolves a bare name inside an expression: a visible column, then (open
    /// accounts) a stored account column or metric, then a `let`/`param` value.
    package func bindName(_ name: String, span: SourceSpan, _ ctx: Context) throws(Diagnostic) -> BoundExpr {
        if let schema = ctx.schema {
            if let i = schema.index(of: name) {
                return BoundExpr(.column(i), type: schema.columns[i].type, span: span)
            }
            if schema.rows == .accounts(open: true), let (col, type) = env.accountColumn(name) {
                return BoundExpr(.accountColumn(col, .row), type: type, span: span)
            }
        }
        switch env.scope[name] {
        case .value(let v)?: return BoundExpr(.literal(v), type: v.type, span: span)
        case .table?:
            throw Diagnostic(.type, "'\(name)' is a table, not a value", span: span,
                             hint: "count it with '(\(name) | count)' or start a pipeline with it")
        case nil: break
        }
        if BindEnvironment.reservedNames.contains(name) {
            throw Diagnostic(.type, "'\(name)' is a table, not a value", span: span,
                             hint: "count it with '(\(name) | count)' or start a pipeline with it")
        }
        throw unknownName(name, span: span, ctx)
    }

    /// `unknown column 'x'` (with rows) or `unknown name 'x'`, with a hint.
    package func unknownName(_ name: String, span: SourceSpan, _ ctx: Context) -> Diagnostic {
        guard let schema = ctx.schema else {
            return Diagnostic(.name, "unknown name '\(name)'", span: span,
                              hint: Suggest.hint(for: name, among: env.valueNames + env.tableNames))
        }
        var candidates = schema.names
        if schema.rows == .accounts(open: true) { candidates += env.accountColumnNames.filter { !candidates.contains($0) } }
        candidates += env.valueNames
        var hint = Suggest.hint(for: name, among: candidates)
        if hint == nil, schema.rows.isAccounts, schema.rows != .accounts(open: true), env.accountColumn(name) != nil {
            hint = "'\(name)' is a column of accounts, but an earlier 'select' left it out"
        }
        if hint == nil, case .edges = schema.rows, env.accountColumn(name) != nil {
            hint = "edges have 'src' and 'dst'; write 'src.\(name)' or 'dst.\(name)'"
        }
        return Diagnostic(.name, "unknown column '\(name)'", span: span, hint: hint)
    }

    /// Resolves `col` as a column of `accounts` (for `@a.col`, `src.col`, `compare … on col`).
    package func bindAccountColumn(_ id: Identifier) throws(Diagnostic) -> (AccountColumn, ValueType) {
        if let r = env.accountColumn(id.name) { return r }
        throw Diagnostic(.name, "unknown column '\(id.name)'", span: id.span,
                         hint: Suggest.hint(for: id.name, among: env.accountColumnNames))
    }

    /// Checks that `@handle` names an account of the dataset.
    package func checkAccount(_ handle: String, span: SourceSpan) throws(Diagnostic) {
        if env.dataset.handles.id(of: handle) != nil { return }
        throw unknownAccount(handle, span: span)
    }

    /// Handles whose length is within 3 of `handle` (bounded, so suggestions stay cheap on big data).
    package func nearbyHandles(_ handle: String) -> [String] {
        let store = env.dataset.handles.handles
        let n = handle.utf8.count
        var out: [String] = []
        for i in 0..<store.count where abs(store.range(i).count - n) <= 3 {
            out.append(store[i])
            if out.count >= 200_000 { break }
        }
        return out
    }
}
