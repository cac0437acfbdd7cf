// swift-tools-version:6.1
import PackageDescription

// The module list is the architecture (see docs/ARCHITECTURE.md):
//   QQData    columns, tables, CSR graph layers, the dataset, diagnostics, cancellation
//   QQIO      loaders and writers (CSV, edge lists, GraphML, gzip, snapshots), generator, sample
//   QQMetrics graph metrics (PageRank, HITS, cores, clustering, betweenness, Louvain, …)
//   QQOutput  table rendering, output formats, terminal charts and SVG
//   QQLang    the qq language: syntax, binding, plan, executor, session, help
//   qq        the executable: command line, REPL on libedit, completion, dot-commands
//   QQArrow   Arrow IPC stream decoder into qq tables (no dependencies beyond QQData)
//   QQSpark   the Spark Connect engine (trait "Spark": `swift build --traits Spark`)
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
        .target(name: "QQLang", dependencies: ["QQData", "QQIO", "QQMetrics", "QQOutput"]),
        .target(name: "QQArrow", dependencies: ["QQData"]),
        // Its sources compile to nothing without the Spark trait (`#if Spark`).
        .target(
            name: "QQSpark",
            dependencies: [
                "QQLang", "QQArrow",
                .product(name: "GRPCCore", package: "grpc-swift-2", condition: .when(traits: ["Spark"])),
                .product(name: "GRPCNIOTransportHTTP2", package: "grpc-swift-nio-transport", condition: .when(traits: ["Spark"])),
                .product(name: "GRPCProtobuf", package: "grpc-swift-protobuf", condition: .when(traits: ["Spark"])),
                .product(name: "SwiftProtobuf", package: "swift-protobuf", condition: .when(traits: ["Spark"])),
            ]
        ),
        .executableTarget(
            name: "qq",
            dependencies: [
                "QQLang", "CLibEdit",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        // libFuzzer targets (scripts/fuzz); built normally they replay files given as arguments.
        .executableTarget(name: "FuzzLang", dependencies: ["QQLang"]),
        .executableTarget(name: "FuzzLoad", dependencies: ["QQIO"]),
        .testTarget(name: "QQDataTests", dependencies: ["QQData"]),
        .testTarget(name: "QQIOTests", dependencies: ["QQIO"], exclude: ["Fixtures"]),
        .testTarget(name: "QQMetricsTests", dependencies: ["QQMetrics", "QQIO"], exclude: ["Fixtures"]),
        .testTarget(name: "QQOutputTests", dependencies: ["QQOutput"], exclude: ["Golden"]),
        .testTarget(name: "QQLangTests", dependencies: ["QQLang"], exclude: ["Golden", "FuzzRegressions"]),
        .testTarget(name: "QQShellTests", dependencies: ["QQLang"]),
        .testTarget(name: "QQArrowTests", dependencies: ["QQArrow"]),
        .testTarget(name: "QQSparkTests", dependencies: ["QQSpark", "QQLang", "QQIO"]),
    ],
    swiftLanguageModes: [.v6]
)
