import QQData
import QQSyntax

/// Real handles (SPEC §7): a handle token is `@` and letters, digits and `_ . - @`; it
/// names the longest dotted prefix that is an account, and what follows is column
/// access. `@atrios.blogspot.com.pagerank` is the PageRank of `atrios.blogspot.com`;
/// `@alice.followers` is alice's followers unless `alice.followers` is an account too,
/// in which case the longer account wins and a note says so.
extension Binder {
    /// The account a handle expression names and the column it reads, if any; nil when
    /// `e` is not a handle. Throws `unknown account` for the whole token when no
    /// prefix is an account.
    package func resolveHandle(_ e: Expr) throws(Diagnostic) -> (handle: String, column: Identifier?)? {
        guard let token = e.handleToken else {
            switch e.kind {
            case .account(let h):
                try checkAccount(h, span: e.span)
                return (h, nil)
            case .member(let base, let field):
                guard case .account(let h) = base.kind else { return nil }
                try checkAccount(h, span: base.span)
                return (h, field)
            default:
                return nil
            }
        }
        let handles = env.dataset.handles
        let bytes = Array(token.utf8)
        let dots = bytes.indices.filter { bytes[$0] == UInt8(ascii: ".") }
        if handles.id(of: token) != nil {
            if let p = dots.last {
                let prefix = String(decoding: bytes[..<p], as: UTF8.self)
                let rest = String(decoding: bytes[(p + 1)...], as: UTF8.self)
                if handles.id(of: prefix) != nil, Binder.isColumnName(rest), env.accountColumn(rest) != nil {
                    env.notes.add("'@\(token)' is the account '\(token)', not the column '\(rest)' of '@\(prefix)'; "
                                  + "write @\(HandleSyntax.quoted(prefix)).\(rest) for that")
                }
            }
            return (token, nil)
        }
        for p in dots.reversed() {
            let prefix = String(decoding: bytes[..<p], as: UTF8.self)
            guard handles.id(of: prefix) != nil else { continue }
            let rest = String(decoding: bytes[(p + 1)...], as: UTF8.self)
            guard Binder.isColumnName(rest) else { break }
            let start = e.span.start + 1 + p + 1
            return (prefix, Identifier(rest, span: SourceSpan(start, e.span.end)))
        }
        throw unknownAccount(token, span: e.span)
    }

    /// True when `e` is a handle token (or quoted handle) that names a whole account.
    public func namesWholeAccount(_ e: Expr) -> Bool {
        switch e.kind {
        case .account: return true
        case .member:
            guard let r = try? resolveHandle(e) else { return false }
            return r.column == nil
        default: return false
        }
    }

    /// A handle that starts with `prefix` followed by a character a bare handle cannot
    /// hold (`@john` for `john doe`): the user likely stopped at that character.
    private func quotedCompletion(of prefix: String) -> String? {
        let store = env.dataset.handles.handles
        let p = Array(prefix.utf8)
        for i in 0..<min(store.count, 1_000_000) {
            let r = store.range(i)
            guard r.count > p.count else { continue }
            let matches = store.bytes.withUnsafeBufferPointer { b in
                b[r.lowerBound..<(r.lowerBound + p.count)].elementsEqual(p)
            }
            if matches, case let h = store[i], !HandleSyntax.isBare(h) { return h }
        }
        return nil
    }

    /// A word that can name a column after a handle: a letter or `_`, then word bytes.
    static func isColumnName(_ s: String) -> Bool {
        let u = Array(s.utf8)
        guard let f = u.first, (f >= 97 && f <= 122) || (f >= 65 && f <= 90) || f == 95 else { return false }
        return u.allSatisfy { Lexer.isWordByte($0) }
    }

    /// `unknown account '@token'`, suggesting the nearest handles in a form that reads back.
    package func unknownAccount(_ handle: String, span: SourceSpan) -> Diagnostic {
        var hint = Suggest.closest(handle, among: nearbyHandles(handle)).map { "did you mean '\(HandleSyntax.written($0))'?" }
        if hint == nil {
            // `@john_doe.posts`: the nearest account to a dotted prefix, with the column.
            let bytes = Array(handle.utf8)
            for p in bytes.indices.reversed() where bytes[p] == UInt8(ascii: ".") {
                let prefix = String(decoding: bytes[..<p], as: UTF8.self)
                let rest = String(decoding: bytes[(p + 1)...], as: UTF8.self)
                guard Binder.isColumnName(rest), let near = Suggest.closest(prefix, among: nearbyHandles(prefix)) else { continue }
                hint = "did you mean '\(HandleSyntax.written(near)).\(rest)'?"
                break
            }
        }
        if hint == nil, let quoted = quotedCompletion(of: handle) {
            hint = "did you mean '\(HandleSyntax.written(quoted))'? (a handle with spaces is written in quotes)"
        }
        if hint == nil, !HandleSyntax.isBare(handle) {
            hint = "write a handle with other characters in quotes: \(HandleSyntax.written(handle))"
        }
        return Diagnostic(.name, "unknown account '@\(handle)'", span: span, hint: hint)
    }
}
