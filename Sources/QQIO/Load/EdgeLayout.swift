import QQData

/// Which fields of an edge list hold the source, the target and the weight (SPEC §2):
/// by header names (`src,dst`, `source,target`, `follower,followee`, `from,to`), or
/// the first two columns; a weight column by name (`weight`, `count`, …) or, without a
/// header, a third column whose values are numbers.
struct EdgeLayout: Sendable, Equatable {
    var hasHeader: Bool
    var src: Int
    var dst: Int
    var weight: Int?
    var fieldCount: Int
    /// The time column (SPEC §8): by header name, or named by `load layers … time`.
    var time: Int? = nil
    /// `load layers … by COLUMN`: the column whose values name each row's layer.
    var label: Int? = nil

    static let pairs: [(String, String)] = [
        ("src", "dst"), ("source", "target"), ("follower", "followee"), ("from", "to"),
        ("src_id", "dst_id"), ("source_id", "target_id"), ("follower_id", "followee_id"),
    ]
    static let weightNames: Set<String> = ["weight", "weights", "count", "w", "times", "n", "value"]
    static let headerWords: Set<String> = Set(pairs.flatMap { [$0.0, $0.1] }).union(weightNames)
        .union(["id", "user", "handle", "timestamp", "time", "date", "layer", "type"])

    /// Decides the layout from the first records (`rows[0]` is the header when there is one).
    static func detect(_ rows: [[PeekField]], path: String, line: Int) throws(Diagnostic) -> EdgeLayout {
        guard let first = rows.first else {
            throw Diagnostic(.io, "empty file: expected an edge list (source and target on each line)",
                             position: FilePosition(file: path, line: line, column: 1))
        }
        guard first.count >= 2 else {
            throw Diagnostic(.io, "no usable columns: expected at least two columns (source and target), found \(first.count)",
                             position: FilePosition(file: path, line: line, column: 1),
                             hint: "an edge list has a source and a target on each line, separated by ',', a tab or spaces")
        }
        let names = first.map { $0.text.trimmingSpaces.lowercased() }
        for (a, b) in pairs {
            if let s = names.firstIndex(of: a), let d = names.firstIndex(of: b) {
                let w = names.firstIndex { weightNames.contains($0) }
                return EdgeLayout(hasHeader: true, src: s, dst: d, weight: w, fieldCount: first.count)
            }
        }
        let data = Array(rows.dropFirst())
        let header = looksLikeHeader(first, names: names, data: data)
        if header {
            var w = names.firstIndex { weightNames.contains($0) }
            if w == nil, first.count >= 3, !data.isEmpty, data.allSatisfy({ $0.count > 2 && isNumber($0[2]) }),
               !["time", "date", "id", "stamp"].contains(where: { names[2].contains($0) }) {
                w = 2
            }
            return EdgeLayout(hasHeader: true, src: 0, dst: 1, weight: w, fieldCount: first.count)
        }
        let numericThird = first.count >= 3 && rows.allSatisfy { $0.count > 2 && isNumber($0[2]) }
        return EdgeLayout(hasHeader: false, src: 0, dst: 1, weight: numericThird ? 2 : nil, fieldCount: first.count)
    }

    /// A first row is a header when all its fields are known column words, or when it
    /// has text where the following rows have numbers.
    private static func looksLikeHeader(_ first: [PeekField], names: [String], data: [[PeekField]]) -> Bool {
        if names.allSatisfy({ headerWords.contains($0) }) { return true }
        guard !data.isEmpty else { return false }
        for c in 0..<first.count {
            if !isNumber(first[c]) && !first[c].isNull && data.allSatisfy({ $0.count > c && isNumber($0[c]) }) { return true }
        }
        return false
    }

    /// Applies the time column found by header name, or the columns `load layers` names
    /// (a header name, or a 1-based position; files without a header only by position).
    mutating func resolve(_ names: [String], columns: EdgeColumns?, path: String, line: Int) throws(Diagnostic) {
        let lower = names.map { $0.trimmingSpaces.lowercased() }
        if hasHeader, let t = lower.firstIndex(where: { TimeColumnName.exact.contains($0) }), t != src, t != dst {
            time = t
            if weight == t { weight = nil }
        }
        guard let columns else { return }
        func find(_ c: String, _ what: String) throws(Diagnostic) -> Int {
            if let k = Int(c) {
                guard k >= 1 && k <= fieldCount else {
                    throw Diagnostic(.io, "no column \(k): the file has \(fieldCount) columns",
                                     position: FilePosition(file: path, line: line, column: 1))
                }
                return k - 1
            }
            if hasHeader, let i = lower.firstIndex(of: c.lowercased()) { return i }
            throw Diagnostic(.io, "no column '\(c)' for \(what)", position: FilePosition(file: path, line: line, column: 1),
                             hint: hasHeader ? "columns: " + names.joined(separator: ", ") : "the file has no header: name columns by position, 1 to \(fieldCount)")
        }
        label = try find(columns.by, "the layer names")
        if let t = columns.time { time = try find(t, "the time") }
        for c in [label, time] where c != nil && (c == src || c == dst) {
            throw Diagnostic(.io, "column \(c! + 1) holds the edges' \(c == src ? "sources" : "targets")",
                             position: FilePosition(file: path, line: line, column: 1))
        }
        if weight == label || weight == time { weight = nil }
    }

    static func isNumber(_ f: PeekField) -> Bool {
        var t = Array(f.text.utf8)
        return t.withUnsafeMutableBufferPointer { FieldParsing.double(UnsafeBufferPointer($0)) != nil }
    }
}

extension String {
    /// The text without leading and trailing spaces and tabs.
    var trimmingSpaces: String {
        var s = Substring(self)
        while let c = s.first, c == " " || c == "\t" { s.removeFirst() }
        while let c = s.last, c == " " || c == "\t" { s.removeLast() }
        return String(s)
    }
}

/// The columns `load layers "file" by COLUMN [time COLUMN]` names.
public struct EdgeColumns: Sendable, Equatable {
    public var by: String
    public var time: String?
    public init(by: String, time: String?) { self.by = by; self.time = time }
}
