// swift-tools-version:6.0
import PackageDescription

// The module list is the architecture (see docs/ARCHITECTURE.md):
//   QQData    columns, tables, CSR graph layers, the dataset, diagnostics, cancellation
//   QQIO      loaders and writers (CSV, edge lists, GraphML, gzip, snapshots), generator, sample
//   QQMetrics graph metrics (PageRank, HITS, cores, clustering, betweenness, Louvain, …)
//   QQOutput  table rendering, output formats, terminal charts and SVG
//   QQSyntax   the language's text: lexer, parser, AST, statement completeness, diagnostics renderer
//   QQSemantic binding names and types, settings, the metric registry, the logical plan (the engine seam)
//   QQEngine   the local executor: one file per stage, expression evaluation, the metric cache
//   QQSession  the interpreter: statements, settings, help, completion, tutorial lessons
//   qq         the executable: command line, REPL on libedit, dot-commands, terminal
let package = Package(
    name: "qq",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "qq", targets: ["qq"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
    ],
    targets: [
        .systemLibrary(
            name: "CLibEdit",
            pkgConfig: "libedit",
            providers: [.apt(["libedit-dev"])]
        ),
        .systemLibrary(
            name: "CZlib",
            pkgConfig: "zlib",
            providers: [.apt(["zlib1g-dev"])]
        ),
        // C helpers Swift has no spelling for (cache prefetch hints for the graph kernels).
        .target(name: "CQQSupport"),
        .target(name: "QQData"),
        .target(name: "QQIO", dependencies: ["QQData", "CZlib"]),
        .target(name: "QQMetrics", dependencies: ["QQData", "CQQSupport"]),
        .target(name: "QQOutput", dependencies: ["QQData"]),
        .target(name: "QQSyntax", dependencies: ["QQData"]),
        .target(name: "QQSemantic", dependencies: ["QQData", "QQSyntax", "QQMetrics"]),
        .target(name: "QQEngine", dependencies: ["QQData", "QQSyntax", "QQSemantic", "QQMetrics", "QQOutput"]),
        .target(name: "QQSession", dependencies: ["QQData", "QQSyntax", "QQSemantic", "QQEngine", "QQIO", "QQMetrics", "QQOutput"]),
        .executableTarget(
            name: "qq",
            dependencies: [
                "QQSession", "QQSyntax", "QQData", "QQOutput", "CLibEdit",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        // libFuzzer targets (scripts/fuzz); built normally they replay files given as arguments.
        .executableTarget(name: "FuzzLang", dependencies: ["QQSession", "QQData"]),
        .executableTarget(name: "FuzzLoad", dependencies: ["QQIO", "QQData"]),
        .executableTarget(name: "FuzzSnapshot", dependencies: ["QQIO", "QQData"]),
        .testTarget(name: "QQDataTests", dependencies: ["QQData"]),
        .testTarget(name: "QQIOTests", dependencies: ["QQIO", "QQData"], exclude: ["Fixtures"]),
        .testTarget(name: "QQMetricsTests", dependencies: ["QQMetrics", "QQIO", "QQData"], exclude: ["Fixtures"]),
        .testTarget(name: "QQOutputTests", dependencies: ["QQOutput", "QQData"], exclude: ["Golden"]),
        .testTarget(name: "QQLangTests", dependencies: ["QQSyntax", "QQSemantic", "QQEngine", "QQSession", "QQMetrics", "QQData"], exclude: ["Golden", "FuzzRegressions", "Fixtures"]),
        .testTarget(name: "QQShellTests", dependencies: ["QQSession", "QQEngine", "QQSemantic", "QQSyntax"]),
    ],
    swiftLanguageModes: [.v6]
)
