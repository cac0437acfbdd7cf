import Foundation
import QQData
import QQIO
import Testing

/// Writes the sample as a CSV folder (accounts.csv, follows.csv, one CSV per interaction
/// layer, and truth.csv with each account's planted role and community) for
/// `scripts/check-sample`, which verifies the planted properties with NetworkX.
/// Runs only when `QQ_SAMPLE_OUT` names the folder to write.
@Test(.enabled(if: ProcessInfo.processInfo.environment["QQ_SAMPLE_OUT"] != nil))
func exportSampleForCheck() throws {
    let dir = ProcessInfo.processInfo.environment["QQ_SAMPLE_OUT"]!
    try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
    let d = SampleDataset.make()
    let truth = SampleDataset.truth()

    var accounts = SampleCSV(d.accounts.names)
    for i in 0..<d.accountCount { accounts.row(d.accounts.row(i).map(\.description)) }
    try accounts.write(dir + "/accounts.csv")

    var follows = SampleCSV(["src", "dst"])
    for v in 0..<d.accountCount {
        for u in d.follows.out.neighbors(v) { follows.row([d.handle(v), d.handle(Int(u))]) }
    }
    try follows.write(dir + "/follows.csv")

    for layer in d.layers {
        var csv = SampleCSV(["src", "dst", "weight"])
        let w = layer.out.weights ?? []
        for v in 0..<d.accountCount {
            for k in layer.out.offsets[v]..<layer.out.offsets[v + 1] {
                csv.row([d.handle(v), d.handle(Int(layer.out.targets[k])), Value.formatFloat(w[k])])
            }
        }
        try csv.write(dir + "/\(layer.name).csv")
    }

    var t = SampleCSV(["handle", "role", "community"])
    for i in 0..<d.accountCount { t.row([d.handle(i), truth.roles[i].rawValue, truth.community[i]]) }
    try t.write(dir + "/truth.csv")

    let written = try String(contentsOfFile: dir + "/follows.csv", encoding: .utf8)
    #expect(written.split(separator: "\n").count == d.follows.edgeCount + 1)
}

/// A minimal RFC 4180 writer: fields with a comma, quote or line break are quoted.
struct SampleCSV {
    private var text: String

    init(_ header: [String]) { text = ""; row(header) }

    mutating func row(_ fields: [String]) {
        text += fields.map(SampleCSV.field).joined(separator: ",") + "\n"
    }

    static func field(_ s: String) -> String {
        guard s.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return s }
        return "\"" + s.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }

    func write(_ path: String) throws { try text.write(toFile: path, atomically: true, encoding: .utf8) }
}
