import Foundation
import Testing
import QQMetrics
@testable import QQSession
@testable import QQSyntax
@testable import QQSemantic

/// The layering of docs/ARCHITECTURE.md, checked on the sources: each target imports
/// only the targets below it, and each concept is defined once.
@Suite("Architecture") struct ArchitectureTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()

    /// What each target may import (besides the system modules), as the table in
    /// docs/ARCHITECTURE.md gives it: a target reaches only the layers below it.
    static let allowed: [String: Set<String>] = [
        "QQData": [],
        "QQIO": ["QQData", "CZlib"],
        "QQMetrics": ["QQData", "CQQSupport"],
        "QQOutput": ["QQData"],
        "QQSyntax": ["QQData"],
        "QQSemantic": ["QQData", "QQSyntax", "QQMetrics"],
        "QQEngine": ["QQData", "QQSyntax", "QQSemantic", "QQMetrics", "QQOutput"],
        "QQSession": ["QQData", "QQSyntax", "QQSemantic", "QQEngine", "QQMetrics", "QQOutput", "QQIO"],
        "QQArrow": ["QQData"],
        // The Spark engine runs the plan: it never imports the local engine or the session.
        "QQSpark": ["QQData", "QQSyntax", "QQSemantic", "QQMetrics", "QQArrow",
                    "GRPCCore", "GRPCNIOTransportHTTP2", "GRPCProtobuf", "SwiftProtobuf", "FoundationEssentials"],
        "qq": ["QQSession", "QQSyntax", "QQData", "QQOutput", "CLibEdit", "ArgumentParser", "QQSpark"],
    ]
    static let system: Set<String> = ["Glibc", "Darwin", "Dispatch", "Synchronization", "Foundation"]

    static func swiftFiles(_ folder: String) -> [URL] {
        let dir = root.appendingPathComponent(folder)
        guard let e = FileManager.default.enumerator(at: dir, includingPropertiesForKeys: nil) else { return [] }
        return e.compactMap { $0 as? URL }.filter { $0.pathExtension == "swift" }.sorted { $0.path < $1.path }
    }

    static func text(_ url: URL) -> String { (try? String(contentsOf: url, encoding: .utf8)) ?? "" }

    /// Module names a file imports (`import X`, `@testable import X`, `import struct X.Y`).
    static func imports(_ source: String) -> [String] {
        source.split(separator: "\n").compactMap { line -> String? in
            let words = line.split(separator: " ").map(String.init)
            guard let i = words.firstIndex(of: "import"), words[..<i].allSatisfy({ $0.hasPrefix("@") }), i + 1 < words.count else { return nil }
            let target = words.count > i + 2 ? words[i + 2] : words[i + 1]
            return String(target.split(separator: ".")[0])
        }
    }

    @Test("every target imports only the layers below it")
    func importsFollowTheLayering() {
        var violations: [String] = []
        for (target, ok) in Self.allowed {
            let files = Self.swiftFiles("Sources/\(target)")
            #expect(!files.isEmpty, "no sources for \(target)")
            for f in files {
                for m in Self.imports(Self.text(f)) where !ok.contains(m) && !Self.system.contains(m) {
                    violations.append("\(target)/\(f.lastPathComponent) imports \(m)")
                }
            }
        }
        #expect(violations.isEmpty, "\(violations.joined(separator: "\n"))")
    }

    @Test("the core never touches the terminal")
    func coreIsHeadless() {
        for target in Self.allowed.keys where target != "qq" {
            for f in Self.swiftFiles("Sources/\(target)") {
                let t = Self.text(f)
                #expect(!t.contains("isatty(") && !t.contains("CLibEdit") && !t.contains("sigaction("), "\(target)/\(f.lastPathComponent)")
            }
        }
    }

    /// Files of `Sources/` whose text matches `pattern` (a regular expression).
    static func definitions(_ pattern: String) -> [String] {
        let re = try! NSRegularExpression(pattern: pattern, options: [.anchorsMatchLines])
        return swiftFiles("Sources").flatMap { f -> [String] in
            let t = text(f)
            let n = re.numberOfMatches(in: t, range: NSRange(t.startIndex..., in: t))
            return Array(repeating: f.path.replacingOccurrences(of: root.path + "/", with: ""), count: n)
        }
    }

    @Test("one seeded generator, one Parallel, one settings list, one dot-command table")
    func oneOfEach() {
        #expect(Self.definitions(#"^\s*(public |package |)(@frozen )?(public |package |)struct SplitMix64\b"#) == ["Sources/QQData/Random.swift"])
        #expect(Self.definitions(#"^\s*(public |package |)enum Parallel\b"#) == ["Sources/QQData/Parallel.swift"])
        // The shifts and multipliers of SplitMix64 appear once (no private copies).
        #expect(Self.definitions(#"0xBF58_476D_1CE4_E5B9"#) == ["Sources/QQData/Random.swift"])
        // `@unchecked Sendable` pointer boxes live in the audited Parallel file only.
        // (Code generated from Spark Connect's .proto files is not ours to audit.)
        let boxes = Self.definitions(#"struct \w+(<\w+>)?: @unchecked Sendable"#).filter { !$0.hasPrefix("Sources/QQSpark/Generated/") }
        #expect(Set(boxes) == ["Sources/QQData/Parallel.swift"], "\(boxes)")
        // One settings list: the registry; `set` and help read it.
        #expect(Self.definitions(#"SettingDefinition\(name:"#).allSatisfy { $0 == "Sources/QQSession/Session/SetStatement.swift" })
        #expect(SettingRegistry.names == HelpRegistry.topics(in: .setting).map(\.name))
        #expect(Settings().seed == 42)
        // One dot-command table: `.help`, Tab, did-you-mean and the reference read it.
        #expect(Self.definitions(#"static let all: \[DotCommand\]"#) == ["Sources/QQSession/Help/DotCommands.swift"])
        #expect(HelpRegistry.topics(in: .dotCommand).map(\.name) == DotCommand.all.map(\.name))
    }

    @Test("every metric name is spelled in the metric registry alone")
    func metricNamesLiveInTheRegistry() {
        // Names that are also sources or settings are spelled by those tables too.
        let sources = Set(Keywords.sources + Neighbourhood.allCases.map(\.rawValue))
        let settings = Set(SettingRegistry.names)
        let names = MetricRegistry.definitions.keys.filter { !sources.contains($0) && !settings.contains($0) }
        #expect(names.count >= 15)
        var found: [String] = []
        // LayerStatistics names the columns of the `layers` table (`reciprocity` there is the layer's).
        // SparkMetrics keys the one table of what the Spark engine computes by registry name
        // (its keys are checked against the registry in PlanSQLTests).
        let homes = ["QQMetrics/MetricCatalog.swift", "QQMetrics/MetricRegistry.swift", "QQMetrics/LayerStatistics.swift",
                     "QQSpark/SparkMetrics.swift"]
        for f in Self.swiftFiles("Sources") where !homes.contains(where: { f.path.hasSuffix($0) }) {
            let t = Self.text(f)
            for n in names where t.contains("\"\(n)\"") { found.append("\(f.lastPathComponent): \"\(n)\"") }
        }
        #expect(found.isEmpty, "\(found.joined(separator: "\n"))")
    }

    @Test("every metric has what the registry promises")
    func registryEntriesAreComplete() {
        for d in MetricRegistry.definitions.values {
            #expect(!d.summary.isEmpty && !d.definition.isEmpty && !d.networkx.isEmpty, "\(d.name)")
            for dep in d.dependsOn { #expect(MetricRegistry.definition(dep) != nil, "\(d.name) → \(dep)") }
            for s in d.settings { #expect(SettingRegistry.names.contains(s), "\(d.name) reads unknown setting \(s)") }
            if d.layer != .none { #expect(d.layerExample != nil, "\(d.name)") }
        }
        // Help, completion and the binder take their metric names from the registry.
        #expect(Set(HelpRegistry.topics(in: .metric).map(\.name)) == Set(MetricRegistry.all.map(\.name)))
        for d in MetricRegistry.all { #expect(MetricID(d.name) != nil) }
        for d in MetricRegistry.functions where d.layer != .duration { #expect(MetricID(d.name, layer: "x") != nil) }
        for d in MetricRegistry.functions where d.layer == .duration {
            #expect(MetricID(d.name, duration: 1) != nil && MetricID(d.name) == nil && MetricID(d.name, layer: "x") == nil)
        }
    }
}
