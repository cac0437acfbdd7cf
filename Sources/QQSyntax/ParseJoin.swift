import QQData

extension ParserCore {
    // join := 'join' [ 'left' | 'anti' ] primary 'on' ( additive '==' additive | additive )
    //
    // `left` and `anti` are kinds only when a table follows them: `join left on handle`
    // joins a table called `left`.
    package mutating func parseJoin() throws(Diagnostic) -> JoinSpec {
        var kind = JoinSpec.Kind.inner
        if let w = peek.keyword, Keywords.joinKinds.contains(w), peek(1).keyword != "on" {
            advance()
            kind = w == "left" ? .left : .anti
        }
        if at("on") || peek.endsStatement || at(.pipe) {
            throw error(expected: "a table to join: (PIPELINE), a let name or read \"file\"",
                        hint: "accounts | join (read \"labels.csv\") on handle")
        }
        let right = try parsePrimary()
        guard eat("on") else {
            throw error(expected: "'on' and the key column", hint: "join … on handle, or join … on handle == id")
        }
        let left = try parseAdditive()
        if at(.assign) {
            throw error("'=' does not compare values", at: peek.span, hint: "did you mean '=='?")
        }
        var rightKey: Expr?
        if eat(.eq) { rightKey = try parseAdditive() }
        return JoinSpec(kind: kind, right: right, leftKey: left, rightKey: rightKey)
    }
}
