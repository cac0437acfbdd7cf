import QQData
import QQSyntax
import QQSemantic
import QQEngine

/// `source "file.qq"` and `param NAME = DEFAULT`.
extension Session {
    /// How deep `source` may nest.
    package static let maxSourceDepth = 32

    /// Runs another script here. Its path is relative to the current script's folder;
    /// a file already being sourced (a cycle) and nesting past `maxSourceDepth` are errors.
    package func source(_ path: StringLiteral, _ s: Script) throws(Diagnostic) {
        let resolved = rt.resolve(path.value)
        let canonical = FileText.canonical(resolved)
        if sourceStack.contains(canonical) {
            throw Diagnostic(.runtime, "'\(path.value)' is already being run (a cycle of 'source')", span: path.span)
        }
        guard sourceStack.count < Session.maxSourceDepth else {
            throw Diagnostic(.runtime, "'source' nests more than \(Session.maxSourceDepth) scripts deep", span: path.span)
        }
        let bytes: [UInt8]
        do { bytes = try FileText.readBytes(resolved) } catch { throw error.at(path.span) }
        let shown = Paths.normalize(Paths.join(s.file.flatMap(Paths.folder), path.value))
        let nested = Script(text: String(decoding: bytes, as: UTF8.self), file: shown, directory: Paths.folder(resolved),
                            invalidUTF8: FileText.firstInvalidUTF8(bytes))
        sourceStack.append(canonical)
        defer { sourceStack.removeLast() }
        let saved = rt.directory
        defer { rt.directory = saved }
        if !runScript(nested) { throw Session.reported }
    }

    /// `param NAME = DEFAULT`: the value given on the command line (`NAME=VALUE`, read
    /// as a qq expression), else the default.
    package func param(_ name: Identifier, _ value: Expr) throws(Diagnostic) {
        if BindEnvironment.reservedNames.contains(name.name) {
            throw Diagnostic(.name, "'\(name.name)' is built in and cannot be a parameter", span: name.span)
        }
        if let i = parameters.firstIndex(where: { $0.name == name.name }) {
            let given = parameters[i]
            let v = try parameterValue(given.name, given.text)
            // The default says what kind of value the script expects: `n=abc` for
            // `param n = 10` is an error that names the parameter, not a type error later.
            if let d = try? self.value(of: try binder().bindValue(value)), !d.isNull, !v.isNull,
               d.type != v.type, !(d.type.isNumeric && v.type.isNumeric) {
                throw Diagnostic(.type, "parameter '\(given.name)=\(given.text)': expected \(TypeRules.name(d.type)) "
                                 + "like the default \(d.description), found \(TypeRules.name(v.type))", span: name.span)
            }
            rt.values[name.name] = v
            rt.tables[name.name] = nil
            usedParameters.insert(name.name)
            return
        }
        rt.tables[name.name] = nil
        rt.values[name.name] = try self.value(of: try binder().bindValue(value))
    }

    /// A command-line parameter's value: its text read as a qq expression; a bare word
    /// that names nothing is taken as text (`who=alice`).
    package func parameterValue(_ name: String, _ text: String) throws(Diagnostic) -> Value {
        do {
            let e = try Parser.parseExpression(text)
            if case .name(let n) = e.kind, rt.values[n] == nil { return .string(n) }
            return try value(of: try binder().bindValue(e))
        } catch {
            var d = error
            d.message = "parameter '\(name)=\(text)': " + d.message
            d.span = nil
            throw d
        }
    }

    /// Before a script runs: every parameter given must be declared by one of its
    /// `param` statements (or have been used by an earlier script).
    package func checkParameters(_ s: Script) -> Bool {
        let parsed = Parser.parse(s.text)
        var declared: [String] = []
        for stmt in parsed.statements { if case .param(let n, _) = stmt.kind { declared.append(n.name) } }
        for p in parameters where !declared.contains(p.name) && !usedParameters.contains(p.name) {
            let hint = Suggest.hint(for: p.name, among: declared)
                ?? (declared.isEmpty ? "this script declares no parameters" : "this script's parameters: " + declared.joined(separator: ", "))
            output.err(DiagnosticRenderer.render(Diagnostic(.name, "unknown parameter '\(p.name)'", hint: hint),
                                                 source: nil, file: s.file, color: options.color))
            return false
        }
        return true
    }
}
