import QQData

/// One step of an XML document, as GraphML needs it.
enum XMLEvent {
    /// `<name a="v">` (or `<name/>`, followed by an `.end`); `offset` is where `<` is.
    case start(name: String, attributes: [String: String], offset: Int)
    case end(name: String, offset: Int)
    /// Character data (entities decoded, CDATA included).
    case text(String)
}

/// A small pull scanner over XML bytes: elements, attributes, text, the five named
/// entities and numeric character references, CDATA, and skipping of comments,
/// processing instructions and DOCTYPE. Namespace prefixes are dropped from element
/// names (GraphML is one vocabulary). It checks that tags nest; it does not validate.
struct XMLScanner {
    let bytes: [UInt8]
    let path: String
    private(set) var pos = 0
    private var stack: [String] = []
    private var pendingEnd: (String, Int)? = nil

    init(bytes: [UInt8], path: String) {
        self.bytes = bytes; self.path = path
        if bytes.count >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF { pos = 3 }
    }

    /// `file:line:column` of a byte offset, for errors.
    func position(_ offset: Int) -> FilePosition {
        var line = 1, col = 1
        var k = 0
        while k < offset && k < bytes.count {
            if bytes[k] == 10 { line += 1; col = 1 } else if bytes[k] & 0xC0 != 0x80 { col += 1 }
            k += 1
        }
        return FilePosition(file: path, line: line, column: col)
    }

    func error(_ message: String, at offset: Int, hint: String? = nil) -> Diagnostic {
        Diagnostic(.io, message, position: position(offset), hint: hint)
    }

    private func starts(_ s: String, at i: Int) -> Bool {
        let u = Array(s.utf8)
        guard i + u.count <= bytes.count else { return false }
        for k in 0..<u.count where bytes[i + k] != u[k] { return false }
        return true
    }

    private func find(_ s: String, from i: Int) -> Int? {
        var j = i
        while j < bytes.count { if starts(s, at: j) { return j }; j += 1 }
        return nil
    }

    /// The next event, or nil at the end of the document.
    mutating func next() throws(Diagnostic) -> XMLEvent? {
        if let (name, off) = pendingEnd { pendingEnd = nil; return .end(name: name, offset: off) }
        while pos < bytes.count {
            if bytes[pos] != 60 {
                let startText = pos
                while pos < bytes.count && bytes[pos] != 60 { pos += 1 }
                let text = try decode(startText, pos)
                if stack.isEmpty {
                    if text.contains(where: { !$0.isWhitespace }) { throw error("expected '<', found text outside the document element", at: startText) }
                    continue
                }
                return .text(text)
            }
            let open = pos
            if starts("<!--", at: pos) {
                guard let e = find("-->", from: pos + 4) else { throw error("unterminated comment: expected '-->'", at: open) }
                pos = e + 3; continue
            }
            if starts("<![CDATA[", at: pos) {
                guard let e = find("]]>", from: pos + 9) else { throw error("unterminated CDATA section: expected ']]>'", at: open) }
                let s = String(decoding: bytes[(pos + 9)..<e], as: UTF8.self)
                pos = e + 3
                return .text(s)
            }
            if starts("<?", at: pos) {
                guard let e = find("?>", from: pos + 2) else { throw error("unterminated processing instruction: expected '?>'", at: open) }
                pos = e + 2; continue
            }
            if starts("<!", at: pos) {
                guard let e = find(">", from: pos + 2) else { throw error("unterminated declaration: expected '>'", at: open) }
                pos = e + 1; continue
            }
            if starts("</", at: pos) {
                pos += 2
                let name = localName(scanName())
                skipSpace()
                guard pos < bytes.count && bytes[pos] == 62 else { throw error("expected '>' to close '</\(name)'", at: pos) }
                pos += 1
                guard let top = stack.popLast() else { throw error("unexpected closing tag '</\(name)>'", at: open) }
                guard top == name else { throw error("expected '</\(top)>', found '</\(name)>'", at: open) }
                return .end(name: name, offset: open)
            }
            pos += 1
            let name = localName(scanName())
            if name.isEmpty { throw error("expected an element name after '<'", at: pos) }
            var attributes: [String: String] = [:]
            while true {
                skipSpace()
                guard pos < bytes.count else { throw error("unterminated tag '<\(name)': expected '>'", at: open) }
                if bytes[pos] == 62 { pos += 1; stack.append(name); break }
                if bytes[pos] == 47 {
                    guard pos + 1 < bytes.count && bytes[pos + 1] == 62 else { throw error("expected '/>'", at: pos) }
                    pos += 2
                    pendingEnd = (name, open)
                    break
                }
                let attrAt = pos
                let key = scanName()
                if key.isEmpty { throw error("expected an attribute name or '>' in '<\(name)', found '\(RecordScanner.show(bytes[pos]))'", at: pos) }
                skipSpace()
                guard pos < bytes.count && bytes[pos] == 61 else { throw error("expected '=' after attribute '\(key)'", at: attrAt) }
                pos += 1; skipSpace()
                guard pos < bytes.count, bytes[pos] == 34 || bytes[pos] == 39 else { throw error("expected a quoted value for attribute '\(key)'", at: pos) }
                let q = bytes[pos]
                let vs = pos + 1
                pos = vs
                while pos < bytes.count && bytes[pos] != q { pos += 1 }
                guard pos < bytes.count else { throw error("unterminated value of attribute '\(key)'", at: vs - 1) }
                attributes[key] = try decode(vs, pos)
                pos += 1
            }
            return .start(name: name, attributes: attributes, offset: open)
        }
        if let top = stack.last { throw error("expected '</\(top)>' before the end of the file", at: bytes.count) }
        return nil
    }

    private mutating func skipSpace() {
        while pos < bytes.count, bytes[pos] == 32 || bytes[pos] == 9 || bytes[pos] == 10 || bytes[pos] == 13 { pos += 1 }
    }

    private mutating func scanName() -> String {
        let s = pos
        while pos < bytes.count {
            let c = bytes[pos]
            if c == 32 || c == 9 || c == 10 || c == 13 || c == 62 || c == 47 || c == 61 || c == 60 { break }
            pos += 1
        }
        return String(decoding: bytes[s..<pos], as: UTF8.self)
    }

    private func localName(_ n: String) -> String {
        if let c = n.lastIndex(of: ":") { return String(n[n.index(after: c)...]) }
        return n
    }

    /// Text with entities decoded; invalid UTF-8 is an error with its position.
    private func decode(_ from: Int, _ to: Int) throws(Diagnostic) -> String {
        let bad = bytes.withUnsafeBufferPointer { RecordScanner.firstInvalidUTF8($0.baseAddress!, from, to) }
        if let bad { throw error("expected UTF-8 text, found byte 0x\(hex(bytes[bad]))", at: bad) }
        var out = [UInt8]()
        out.reserveCapacity(to - from)
        var i = from
        while i < to {
            let c = bytes[i]
            if c != 38 { out.append(c); i += 1; continue }
            var j = i + 1
            while j < to && bytes[j] != 59 && j - i < 12 { j += 1 }
            guard j < to && bytes[j] == 59 else { throw error("expected ';' to end the entity reference", at: i) }
            let name = String(decoding: bytes[(i + 1)..<j], as: UTF8.self)
            switch name {
            case "lt": out.append(60)
            case "gt": out.append(62)
            case "amp": out.append(38)
            case "quot": out.append(34)
            case "apos": out.append(39)
            default:
                var scalar: UInt32? = nil
                if name.hasPrefix("#x") || name.hasPrefix("#X") { scalar = UInt32(name.dropFirst(2), radix: 16) }
                else if name.hasPrefix("#") { scalar = UInt32(name.dropFirst(), radix: 10) }
                guard let v = scalar, let u = Unicode.Scalar(v) else { throw error("unknown entity '&\(name);'", at: i) }
                out.append(contentsOf: Array(String(Character(u)).utf8))
            }
            i = j + 1
        }
        return String(decoding: out, as: UTF8.self)
    }
}
