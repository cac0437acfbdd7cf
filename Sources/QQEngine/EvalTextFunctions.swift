import QQData
import QQSyntax
import QQSemantic

/// The text functions of SPEC §7. Positions count characters (grapheme clusters) from
/// 1; a null argument gives null. Patterns are `matches`' regular expressions.
extension Evaluator {
    package func textFunction(_ fn: ScalarFunction, _ args: [BoundExpr], _ e: BoundExpr) throws(Diagnostic) -> Column {
        var columns: [Column] = []
        for a in args { columns.append(try eval(a)) }
        var programs: [String: RegexProgram] = [:]
        func program(_ pattern: String) throws(Diagnostic) -> RegexProgram {
            if let p = programs[pattern] { return p }
            do {
                let p = try RegexProgram(pattern: pattern, captures: true)
                programs[pattern] = p
                return p
            } catch {
                throw Diagnostic(.runtime, "invalid regular expression: \(error.message)", span: args[1].span)
            }
        }
        var b = ColumnBuilder(type: .string, capacity: count)
        for i in 0..<count {
            if columns.contains(where: { $0.isNull(i) }) { b.appendNull(); continue }
            guard case .string(let s) = columns[0][i] else { b.appendNull(); continue }
            var result: String?
            do throws(Diagnostic) {
                switch fn {
                case .substr:
                    let length = columns.count > 2 ? columns[2].int64s[i] : nil
                    result = TextFunctions.substr(s, start: columns[1].int64s[i], length: length)
                case .split_part:
                    guard case .string(let sep) = columns[1][i] else { break }
                    result = TextFunctions.splitPart(s, sep, columns[2].int64s[i])
                case .trim:
                    result = TextFunctions.trim(s)
                case .replace:
                    guard case .string(let p) = columns[1][i], case .string(let with) = columns[2][i] else { break }
                    result = try TextFunctions.replace(s, try program(p), with)
                case .extract:
                    guard case .string(let p) = columns[1][i] else { break }
                    let group = columns.count > 2 ? columns[2].int64s[i] : 0
                    let prog = try program(p)
                    guard group >= 0, group <= Int64(prog.groupCount) else {
                        throw Diagnostic(.runtime, "the pattern has \(prog.groupCount) group\(prog.groupCount == 1 ? "" : "s"), so there is no group \(group)",
                                         span: args[2].span)
                    }
                    result = try TextFunctions.extract(s, prog, Int(group))
                default:
                    break
                }
            } catch {
                throw error.kind == .cancelled || error.span != nil ? error : error.at(e.span)
            }
            if let result { b.append(.string(result)) } else { b.appendNull() }
            if i & 4095 == 4095 { try Cancellation.check() }
        }
        return b.finish()
    }
}

/// The row-level text operations, on one value each.
package enum TextFunctions {
    /// Characters `start` through `start + length - 1` (1-based, as SQL's SUBSTRING:
    /// the window is clipped to the text, so `substr("abc", 0, 2)` is "a"); null for a
    /// negative length.
    package static func substr(_ s: String, start: Int64, length: Int64?) -> String? {
        if let length, length < 0 { return nil }
        let n = Int64(s.count)
        let from = max(start, 1)
        let end = length.map { start.addingReportingOverflow($0).overflow ? Int64.max : start + $0 } ?? Int64.max
        let to = min(end, n + 1)
        guard from < to else { return "" }
        let a = s.index(s.startIndex, offsetBy: Int(from - 1))
        let b = s.index(a, offsetBy: Int(to - from))
        return String(s[a..<b])
    }

    /// Field `i` (1-based; negative counts from the end) of `s` split at `sep`; "" past
    /// the last field; null for 0.
    package static func splitPart(_ s: String, _ sep: String, _ i: Int64) -> String? {
        guard i != 0 else { return nil }
        let b = Array(s.utf8), p = Array(sep.utf8)
        var parts: [Range<Int>] = []
        var start = 0, j = 0
        if !p.isEmpty {
            while j + p.count <= b.count {
                if b[j..<(j + p.count)].elementsEqual(p) { parts.append(start..<j); j += p.count; start = j } else { j += 1 }
            }
        }
        parts.append(start..<b.count)
        let k = i > 0 ? Int(clamping: i) - 1 : parts.count + Int(clamping: i)
        return k >= 0 && k < parts.count ? String(decoding: b[parts[k]], as: UTF8.self) : ""
    }

    /// `s` without leading and trailing white space.
    package static func trim(_ s: String) -> String {
        let scalars = s.unicodeScalars
        guard let first = scalars.firstIndex(where: { !$0.properties.isWhitespace }) else { return "" }
        let last = scalars.lastIndex(where: { !$0.properties.isWhitespace })!
        return String(scalars[first...last])
    }

    /// Every match of `p` replaced by `with`, in which `$0`…`$9` stand for the match and
    /// its groups and `$$` for a dollar sign.
    package static func replace(_ s: String, _ p: RegexProgram, _ with: String) throws(Diagnostic) -> String {
        let text = Array(s.unicodeScalars)
        var out = String.UnicodeScalarView()
        var pos = 0
        let template = Array(with.unicodeScalars)
        while pos <= text.count, let m = try p.firstMatch(text, from: pos) {
            out.append(contentsOf: text[pos..<m[0]])
            var k = 0
            while k < template.count {
                let c = template[k]
                if c == "$", k + 1 < template.count {
                    let d = template[k + 1]
                    if d == "$" { out.append("$"); k += 2; continue }
                    if let g = Int(String(d)), g <= p.groupCount {
                        if m[2 * g] >= 0 { out.append(contentsOf: text[m[2 * g]..<m[2 * g + 1]]) }
                        k += 2
                        continue
                    }
                }
                out.append(c)
                k += 1
            }
            if m[1] == m[0] {
                // An empty match: keep the next character and move past it.
                if m[1] < text.count { out.append(text[m[1]]) }
                pos = m[1] + 1
            } else {
                pos = m[1]
            }
        }
        if pos < text.count { out.append(contentsOf: text[pos...]) }
        return String(out)
    }

    /// The text of group `group` (0: the whole match) of the first match; null when
    /// there is no match or the group took no part in it.
    package static func extract(_ s: String, _ p: RegexProgram, _ group: Int) throws(Diagnostic) -> String? {
        let text = Array(s.unicodeScalars)
        guard let m = try p.firstMatch(text, from: 0), m[2 * group] >= 0 else { return nil }
        var out = String.UnicodeScalarView()
        out.append(contentsOf: text[m[2 * group]..<m[2 * group + 1]])
        return String(out)
    }
}
