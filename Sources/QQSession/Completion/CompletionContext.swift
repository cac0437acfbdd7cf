import QQData
import QQMetrics
import QQOutput
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import QQSyntax
import QQSemantic
import QQEngine

/// What Tab completion may offer, from the session's state: names in scope, settings,
/// and lookups for handles and files that stay fast on a million accounts.
public struct CompletionContext: Sendable {
    /// Stored columns of `accounts` (and of let-bound tables).
    public var columns: [String]
    /// Metric column names (SPEC §5).
    public var metrics: [String]
    /// Names bound by `let` and `param`.
    public var names: [String]
    /// Setting names for `set`.
    public var settings: [String]
    /// Interaction layer names, for `received(…)`, `sent(…)`, `pagerank(…)`.
    public var layers: [String]
    /// Handles starting with a prefix (without `@`), at most `limit` of them, in load order.
    public var handles: @Sendable (_ prefix: String, _ limit: Int) -> [String]
    /// The entries of a directory (`""` is the current one); directories end in `/`. Nil when unreadable.
    public var listDirectory: @Sendable (_ path: String) -> [String]?
    /// How many handles start with a prefix (for "… N more" when the list is cut).
    public var handleCount: @Sendable (_ prefix: String) -> Int = { _ in 0 }
    /// The columns that the pipeline in the text produces (the binder's schema, and
    /// every account column and metric while its rows are open accounts); nil when
    /// the text does not bind.
    public var schema: @Sendable (_ pipeline: String) -> [String]? = { _ in nil }

    /// The values `set NAME = ` takes, where they are a fixed list.
    public func settingValues(_ name: String) -> [String] {
        switch name {
        case "format": return OutputFormat.allCases.map(\.rawValue)
        case "rows": return ["default"]
        default: return ["default"]
        }
    }

    /// A context from explicit lists; metrics and settings default to qq's own.
    public init(columns: [String] = [], metrics: [String] = MetricRegistry.all.map(\.name), names: [String] = [],
                settings: [String] = HelpRegistry.topics(in: .setting).map(\.name), layers: [String] = [],
                handles: @escaping @Sendable (String, Int) -> [String] = { _, _ in [] },
                listDirectory: @escaping @Sendable (String) -> [String]? = CompletionContext.directoryEntries) {
        self.columns = columns; self.metrics = metrics; self.names = names; self.settings = settings
        self.layers = layers; self.handles = handles; self.listDirectory = listDirectory
    }

    /// The context of a dataset: its accounts' columns, layers and handles, plus `names` in scope.
    public init(dataset: Dataset, names: [String] = []) {
        let store = dataset.handles.handles
        self.init(columns: dataset.accounts.names, names: names, layers: dataset.layers.map(\.name),
                  handles: { prefix, limit in CompletionContext.handles(in: store, prefix: prefix, limit: limit) })
    }

    /// The context of a session: its dataset, and the binder's view of `let` tables
    /// for the columns of a pipeline at the cursor.
    public init(environment env: BindEnvironment, names: [String] = []) {
        self.init(dataset: env.dataset, names: names)
        let store = env.dataset.handles.handles
        handleCount = { prefix in CompletionContext.handleCount(in: store, prefix: prefix) }
        schema = { text in CompletionContext.columns(of: text, env) }
    }

    /// The columns `text` (a pipeline, without a trailing `|`) produces, as the binder
    /// sees them; nil when it does not parse or bind.
    public static func columns(of text: String, _ env: BindEnvironment) -> [String]? {
        let parsed = Parser.parse(text)
        guard parsed.firstError == nil, parsed.statements.count == 1,
              case .expression(let e) = parsed.statements[0].kind,
              let plan = try? Binder(env: env).bindRelation(e) else { return nil }
        var names = plan.schema.names
        switch plan.schema.rows {
        case .accounts(open: true): names += env.dataset.accounts.names + MetricRegistry.all.map(\.name)
        case .edges(open: true): names += ["src", "dst"]
        default: break
        }
        return names
    }

    /// The number of handles of `store` that start with `prefix`.
    public static func handleCount(in store: StringStore, prefix: String) -> Int {
        let p = Array(prefix.utf8)
        var n = 0
        store.bytes.withUnsafeBufferPointer { b in
            store.offsets.withUnsafeBufferPointer { o in
                for i in 0..<store.count where o[i + 1] - o[i] >= p.count {
                    var k = 0
                    while k < p.count, b[o[i] + k] == p[k] { k += 1 }
                    if k == p.count { n += 1 }
                }
            }
        }
        return n
    }

    /// The `limit` alphabetically first handles of `store` that start with `prefix`, sorted.
    /// - Complexity: O(total bytes of the handles + matches × log limit) — one pass
    ///   over the store's flat buffer with no `String` per row, keeping the smallest
    ///   `limit` matches in a sorted array; about 10 ms for a million handles.
    public static func handles(in store: StringStore, prefix: String, limit: Int) -> [String] {
        let p = Array(prefix.utf8)
        var best: [Int] = []  // row indices, sorted by their text
        guard limit > 0 else { return [] }
        store.bytes.withUnsafeBufferPointer { b in
            store.offsets.withUnsafeBufferPointer { o in
                func less(_ x: Int, _ y: Int) -> Bool {
                    let xs = o[x], xe = o[x + 1], ys = o[y], ye = o[y + 1]
                    var i = 0
                    while xs + i < xe, ys + i < ye {
                        if b[xs + i] != b[ys + i] { return b[xs + i] < b[ys + i] }
                        i += 1
                    }
                    return xe - xs < ye - ys
                }
                for i in 0..<store.count where o[i + 1] - o[i] >= p.count {
                    var k = 0
                    while k < p.count, b[o[i] + k] == p[k] { k += 1 }
                    guard k == p.count else { continue }
                    if best.count == limit {
                        guard less(i, best[limit - 1]) else { continue }
                        best.removeLast()
                    }
                    var lo = 0, hi = best.count
                    while lo < hi { let mid = (lo + hi) / 2; if less(best[mid], i) { lo = mid + 1 } else { hi = mid } }
                    best.insert(i, at: lo)
                }
            }
        }
        return best.map { store[$0] }
    }

    /// The entries of directory `path` (the current directory for `""`), sorted, with
    /// a `/` after each directory.
    @Sendable public static func directoryEntries(_ path: String) -> [String]? {
        let dir = path.isEmpty ? "." : path
        guard let d = opendir(dir) else { return nil }
        defer { closedir(d) }
        var names: [String] = []
        while let e = readdir(d) {
            let name = withUnsafeBytes(of: e.pointee.d_name) { raw in
                String(decoding: raw.prefix { $0 != 0 }, as: UTF8.self)
            }
            if name == "." || name == ".." { continue }
            var st = stat()
            let full = (dir.hasSuffix("/") ? dir : dir + "/") + name
            let isDir = stat(full, &st) == 0 && (st.st_mode & S_IFMT) == S_IFDIR
            names.append(isDir ? name + "/" : name)
        }
        return names.sorted()
    }
}
