import QQData
import QQMetrics
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

    /// Handles of `store` that start with `prefix`, in order, at most `limit`.
    /// - Complexity: O(total bytes of the handles) — one pass over the store's flat
    ///   buffer with no `String` per row; about 10 ms for a million handles.
    public static func handles(in store: StringStore, prefix: String, limit: Int) -> [String] {
        let p = Array(prefix.utf8)
        var out: [String] = []
        store.bytes.withUnsafeBufferPointer { b in
            store.offsets.withUnsafeBufferPointer { o in
                var i = 0
                while i < store.count, out.count < limit {
                    let start = o[i], end = o[i + 1]
                    if end - start >= p.count {
                        var k = 0
                        while k < p.count, b[start + k] == p[k] { k += 1 }
                        if k == p.count { out.append(String(decoding: UnsafeBufferPointer(rebasing: b[start..<end]), as: UTF8.self)) }
                    }
                    i += 1
                }
            }
        }
        return out
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
