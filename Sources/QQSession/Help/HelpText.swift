import QQSyntax
import QQSemantic
import QQEngine
/// How help topics are laid out as text for the terminal, and as Markdown for
/// docs/REFERENCE.md.
package enum HelpText {
    /// One topic for `help NAME`:
    /// ```
    /// where (stage): keep the rows where a condition is true
    ///
    ///   … | where EXPR
    ///
    /// Rows where EXPR is false or null are dropped.
    ///
    /// Examples:
    ///   accounts | where followers > 200
    ///
    /// See also: comparison, logic
    /// ```
    package static func topic(_ t: HelpTopic, width: Int) -> String {
        var out = wrap("\(t.name) (\(t.category.rawValue)): \(t.summary)", width: width, indent: "") + "\n\n"
        out += t.syntax.map { "  " + $0 }.joined(separator: "\n") + "\n"
        if let d = t.details { out += "\n" + wrap(d, width: width, indent: "") + "\n" }
        if !t.examples.isEmpty {
            out += "\nExample\(t.examples.count > 1 ? "s" : ""):\n"
            let multiline = t.examples.contains { $0.code.contains("\n") }
            out += t.examples.map { e in
                e.code.split(separator: "\n", omittingEmptySubsequences: false).map { "  " + $0 }.joined(separator: "\n")
            }.joined(separator: multiline ? "\n\n" : "\n") + "\n"
        }
        if !t.seeAlso.isEmpty { out += "\n" + wrap("See also: " + t.seeAlso.joined(separator: ", "), width: width, indent: "") + "\n" }
        return out
    }

    /// A category for `help metrics`: each topic's name and summary, names aligned.
    package static func category(_ c: HelpTopic.Category, width: Int) -> String {
        let ts = HelpRegistry.topics(in: c)
        let nameWidth = ts.map(\.name.count).max() ?? 0
        var out = c.title + ":\n"
        for t in ts {
            let pad = String(repeating: " ", count: nameWidth - t.name.count + 2)
            let body = wrap(t.summary, width: width, indent: String(repeating: " ", count: nameWidth + 4))
            out += "  " + t.name + pad + body.dropFirst(nameWidth + 4) + "\n"
        }
        return out
    }

    /// The lowercased words of a text (letters, digits and `_`), for searching help.
    package static func words(_ text: String) -> Set<String> {
        Set(text.lowercased().split { !($0.isLetter || $0.isNumber || $0 == "_") }.map(String.init))
    }

    /// Greedy word wrap to `width` columns; every line starts with `indent`. Newlines in
    /// `text` are kept: each line is wrapped on its own.
    package static func wrap(_ text: String, width: Int, indent: String) -> String {
        text.split(separator: "\n", omittingEmptySubsequences: false)
            .map { wrapLine(String($0), width: width, indent: indent) }.joined(separator: "\n")
    }

    package static func wrapLine(_ text: String, width: Int, indent: String) -> String {
        var lines: [String] = []
        var line = indent
        for word in text.split(separator: " ", omittingEmptySubsequences: true) {
            if line.count > indent.count && line.count + 1 + word.count > width {
                lines.append(line)
                line = indent
            }
            line += (line.count > indent.count ? " " : "") + word
        }
        lines.append(line)
        return lines.joined(separator: "\n")
    }

    /// docs/REFERENCE.md: every topic, by category, with syntax, details and examples.
    package static func reference() -> String {
        var out = """
            # qq language reference

            Generated from the help registry (`Sources/QQSession/Help/`) by \
            `QQ_RECORD=1 swift test --filter HelpReferenceTests`; do not edit by hand. \
            The same text is shown by `help TOPIC` in qq, and every example marked as \
            runnable is run on the built-in sample by the test suite.

            """
        out += "\n"
        for c in HelpTopic.Category.allCases {
            let ts = HelpRegistry.topics(in: c)
            out += "- [\(c.title)](#\(anchor(c.title))): " + ts.map { "`\($0.name)`" }.joined(separator: " ") + "\n"
        }
        for c in HelpTopic.Category.allCases {
            out += "\n## \(c.title)\n"
            for t in HelpRegistry.topics(in: c) {
                out += "\n### \(t.name)\n\n\(capitalized(t.summary)).\n\n"
                out += "```\n" + t.syntax.joined(separator: "\n") + "\n```\n"
                if let d = t.details { out += "\n" + d.split(separator: "\n").joined(separator: "\n\n") + "\n" }
                if !t.examples.isEmpty {
                    out += "\nExample\(t.examples.count > 1 ? "s" : ""):\n\n```\n"
                    let multiline = t.examples.contains { $0.code.contains("\n") }
                    out += t.examples.map(\.code).joined(separator: multiline ? "\n\n" : "\n") + "\n```\n"
                }
                if !t.seeAlso.isEmpty { out += "\nSee also: " + t.seeAlso.map { "`\($0)`" }.joined(separator: ", ") + ".\n" }
            }
        }
        return out
    }

    package static func anchor(_ title: String) -> String {
        String(title.lowercased().map { $0 == " " ? "-" : $0 }.filter { $0.isLetter || $0 == "-" })
    }

    package static func capitalized(_ s: String) -> String { s.prefix(1).uppercased() + s.dropFirst() }
}

extension HelpRegistry {
    /// The Markdown text of docs/REFERENCE.md.
    public static func referenceMarkdown() -> String { HelpText.reference() }
}
