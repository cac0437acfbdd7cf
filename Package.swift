// swift-tools-version:6.1
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
//   QQArrow    Arrow IPC stream decoder into qq tables (no dependencies beyond QQData)
//   QQSpark    the Spark Connect engine (trait "Spark": `swift build --traits Spark`)
let package = Package(
    name: "qq",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "qq", targets: ["qq"]),
    ],
    // The Spark engine's gRPC dependencies are built only with `--traits Spark`.
    traits: [
        .trait(name: "Spark", description: "The Spark Connect engine (gRPC + protobuf)"),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/grpc/grpc-swift-2", exact: "2.4.3"),
        .package(url: "https://github.com/grpc/grpc-swift-nio-transport", exact: "2.9.2"),
        .package(url: "https://github.com/grpc/grpc-swift-protobuf", exact: "2.4.1"),
        .package(url: "https://github.com/apple/swift-protobuf", exact: "1.39.0"),
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
        .target(name: "QQArrow", dependencies: ["QQData"]),
        // Its sources compile to nothing without the Spark trait (`#if Spark`); the
        // session reaches it only through `PlanEngine`, registered by the executable.
        .target(
            name: "QQSpark",
            dependencies: [
                "QQData", "QQSyntax", "QQSemantic", "QQMetrics", "QQArrow",
                .product(name: "GRPCCore", package: "grpc-swift-2", condition: .when(traits: ["Spark"])),
                .product(name: "GRPCNIOTransportHTTP2", package: "grpc-swift-nio-transport", condition: .when(traits: ["Spark"])),
                .product(name: "GRPCProtobuf", package: "grpc-swift-protobuf", condition: .when(traits: ["Spark"])),
                .product(name: "SwiftProtobuf", package: "swift-protobuf", condition: .when(traits: ["Spark"])),
            ]
        ),
        .executableTarget(
            name: "qq",
            dependencies: [
                "QQSession", "QQSyntax", "QQData", "QQOutput", "CLibEdit",
                .target(name: "QQSpark", condition: .when(traits: ["Spark"])),
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
        .testTarget(name: "QQArrowTests", dependencies: ["QQArrow", "QQData"]),
        .testTarget(name: "QQSparkTests", dependencies: ["QQSpark", "QQArrow", "QQSession", "QQEngine", "QQSemantic", "QQSyntax", "QQMetrics", "QQIO", "QQData"]),
    ],
    swiftLanguageModes: [.v6]
)
