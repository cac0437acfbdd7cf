import QQData

/// The built-in real network (`load sample "roget"`): the cross-references of Roget's
/// Thesaurus (1879), as the Stanford GraphBase encoded them and NetworkX ships them
/// (`RogetData.swift`; provenance and licence in docs/REAL_NETWORK.md).
///
/// Each of the 1,022 categories is an account whose handle is the category's name
/// (`@existence`, `@"present time"`); a cross-reference from category A to category
/// B is a follow A → B, so `followers` counts the categories that refer to B. There
/// are no interaction layers and no profile columns besides `category`, the number
/// Roget gave the category. It is a link graph, as the web and blog networks are:
/// references, not people, so engagement and posting habits do not exist here.
///
/// File format: lines starting with `*` are comments; a record is
/// `NUMBERname:TARGET TARGET …`, continued on the next line when it ends with `\`;
/// targets are category numbers. The one self-reference is dropped, as every load drops
/// self-follows (NetworkX's example keeps it as a self-loop).
public enum RogetThesaurus {
    /// The name `load sample "…"` takes.
    public static let name = "roget"

    /// Builds the dataset.
    ///
    /// - Complexity: O(text length + m log m) for m cross-references.
    public static func make() -> Dataset {
        let records = parse(text)
        var h = ColumnBuilder(type: .string, capacity: records.count)
        var c = ColumnBuilder(type: .int, capacity: records.count)
        var row: [Int: UInt32] = [:]
        for (i, r) in records.enumerated() {
            h.append(.string(r.name)); c.append(.int(Int64(r.number)))
            row[r.number] = UInt32(i)
        }
        var src: [UInt32] = [], dst: [UInt32] = []
        for (i, r) in records.enumerated() {
            for t in r.targets {
                guard let j = row[t] else { continue }
                src.append(UInt32(i)); dst.append(j)
            }
        }
        let follows = CSRBuilder.build(name: "follow", nodeCount: records.count, src: src, dst: dst)
        let table = Table(names: ["handle", "category"], columns: [h.finish(), c.finish()])
        let index: HandleIndex
        do {
            index = try HandleIndex(uniqueHandles: StringStore(records.map(\.name)))
        } catch {
            preconditionFailure("Roget category names repeat: \(error.handle)")
        }
        return Dataset(accounts: table, handles: index, follows: follows, layers: [],
                       origin: "sample \"\(name)\"", isSample: true)
    }

    struct Record { var number: Int; var name: String; var targets: [Int] }

    /// The records of the file, in file order.
    static func parse(_ text: String) -> [Record] {
        var records: [Record] = []
        var pending = ""
        for raw in text.split(separator: "\n", omittingEmptySubsequences: false) {
            let line = String(raw)
            if pending.isEmpty && (line.hasPrefix("*") || line.isEmpty) { continue }
            if line.hasSuffix("\\") { pending += line.dropLast(); continue }
            let record = pending + line
            pending = ""
            guard let colon = record.firstIndex(of: ":") else { continue }
            let head = record[..<colon]
            let digits = head.prefix { $0.isASCII && $0.isNumber }
            guard let number = Int(digits) else { continue }
            let name = String(head.dropFirst(digits.count))
            let targets = record[record.index(after: colon)...].split(separator: " ").compactMap { Int($0) }
            records.append(Record(number: number, name: name, targets: targets))
        }
        return records
    }
}
