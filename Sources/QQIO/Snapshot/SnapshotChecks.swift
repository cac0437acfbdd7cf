import QQData

/// Checks of a snapshot's arrays, each a small parser over one array: they return
/// what is wrong (a phrase for "'f.qqs' is a damaged snapshot: …"), or nil.
enum SnapshotChecks {
    /// An offset array of `rows + 1` entries from 0, never decreasing, ending at `total`.
    static func offsets(_ o: [Int], rows: Int, total: Int, what: String) -> String? {
        guard o.count == rows + 1 else { return "\(what) has \(o.count) entries, expected \(rows + 1)" }
        return o.withUnsafeBufferPointer { p -> String? in
            if p[0] != 0 { return "\(what) do not start at 0" }
            for i in 0..<rows where p[i + 1] < p[i] { return "\(what) not increasing at row \(i)" }
            if p[rows] != total { return "\(what) end at \(p[rows]), expected \(total)" }
            return nil
        }
    }

    /// Strings as a `StringStore`: valid offsets, valid UTF-8, every string boundary on
    /// a character boundary.
    static func strings(offsets o: [Int], bytes: [UInt8], count: Int, what: String) -> String? {
        if let why = offsets(o, rows: count, total: bytes.count, what: "\(what) offsets") { return why }
        return bytes.withUnsafeBufferPointer { b -> String? in
            if let at = invalidUTF8(b) { return "\(what) are not valid UTF-8 (byte \(at))" }
            for i in 0..<count where o[i] < b.count && b[o[i]] & 0xC0 == 0x80 {
                return "\(what) offsets split a character at row \(i)"
            }
            return nil
        }
    }

    /// The index of the first byte that is not valid UTF-8 (RFC 3629: no overlong
    /// forms, no surrogates, nothing past U+10FFFF), or nil.
    static func invalidUTF8(_ p: UnsafeBufferPointer<UInt8>) -> Int? {
        let n = p.count
        guard let base = p.baseAddress else { return nil }
        let raw = UnsafeRawPointer(base)
        var i = 0
        @inline(__always) func cont(_ k: Int) -> Bool { k < n && p[k] & 0xC0 == 0x80 }
        while i < n {
            if i + 8 <= n && raw.loadUnaligned(fromByteOffset: i, as: UInt64.self) & 0x8080_8080_8080_8080 == 0 {
                i += 8
                continue
            }
            let b = p[i]
            if b < 0x80 { i += 1; continue }
            if b < 0xC2 { return i }
            if b < 0xE0 {
                guard cont(i + 1) else { return i }
                i += 2
            } else if b < 0xF0 {
                guard cont(i + 1), cont(i + 2) else { return i }
                let c = p[i + 1]
                if (b == 0xE0 && c < 0xA0) || (b == 0xED && c > 0x9F) { return i }
                i += 3
            } else if b < 0xF5 {
                guard cont(i + 1), cont(i + 2), cont(i + 3) else { return i }
                let c = p[i + 1]
                if (b == 0xF0 && c < 0x90) || (b == 0xF4 && c > 0x8F) { return i }
                i += 4
            } else {
                return i
            }
        }
        return nil
    }

    /// A column name: not empty and at most as long as a data file's field (64 KiB);
    /// a layer name also has no control characters.
    static func name(_ s: String, layer: Bool) -> Bool {
        !s.isEmpty && s.utf8.count <= 1 << 16 && !(layer && s.unicodeScalars.contains { $0.value < 0x20 || $0.value == 0x7F })
    }

    /// A name or handle from the file as a message shows it: control characters
    /// escaped (a file must not drive the terminal), at most 40 characters.
    static func shown(_ s: String) -> String {
        var out = ""
        for (i, c) in s.unicodeScalars.enumerated() {
            if i == 40 { out += "…"; break }
            out += c.value < 0x20 || c.value == 0x7F || (0x80..<0xA0).contains(c.value) ? c.escaped(asASCII: true) : String(c)
        }
        return out
    }

    /// Dates the loaders can produce: 0000-01-01 … 9999-12-31.
    static let dateRange: ClosedRange<Int32> = CivilDate(year: 0, month: 1, day: 1).daysSinceEpoch...CivilDate(year: 9999, month: 12, day: 31).daysSinceEpoch
}
