// swift-tools-version:6.0
import PackageDescription

// The module list is the architecture (see docs/ARCHITECTURE.md):
//   QQData    columns, tables, CSR graph layers, the dataset, diagnostics, cancellation
//   QQIO      loaders and writers (CSV, edge lists, GraphML, gzip, snapshots), generator, sample
//   QQMetrics graph metrics (PageRank, HITS, cores, clustering, betweenness, Louvain, …)
//   QQOutput  table rendering, output formats, terminal charts and SVG
//   QQLang    the qq language: syntax, binding, plan, executor, session, help
//   qq        the executable: command line, REPL on libedit, completion, dot-commands
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
        .target(name: "QQLang", dependencies: ["QQData", "QQIO", "QQMetrics", "QQOutput"]),
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
        .executableTarget(name: "FuzzSnapshot", dependencies: ["QQIO"]),
        .testTarget(name: "QQDataTests", dependencies: ["QQData"]),
        .testTarget(name: "QQIOTests", dependencies: ["QQIO"], exclude: ["Fixtures"]),
        .testTarget(name: "QQMetricsTests", dependencies: ["QQMetrics", "QQIO"], exclude: ["Fixtures"]),
        .testTarget(name: "QQOutputTests", dependencies: ["QQOutput"], exclude: ["Golden"]),
        .testTarget(name: "QQLangTests", dependencies: ["QQLang"], exclude: ["Golden", "FuzzRegressions"]),
        .testTarget(name: "QQShellTests", dependencies: ["QQLang"]),
    ],
    swiftLanguageModes: [.v6]
)
