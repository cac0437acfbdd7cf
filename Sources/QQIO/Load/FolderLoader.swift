#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import QQData

/// `load "dir"` (SPEC §2): `accounts.csv`, `follows.csv`, and every other `NAME.csv`
/// as interaction layer NAME (each may also be `.tsv`, and gzipped with `.gz`); other
/// files are left alone. Accounts come first, then follows, then layers by name, which
/// fixes the order of accounts first seen in edge files.
enum FolderLoader {
    static let extensions = [".csv", ".csv.gz", ".tsv", ".tsv.gz"]

    static func load(folder: String, options: LoadOptions) throws(Diagnostic) -> (Dataset, [Diagnostic]) {
        var files: [String: String] = [:]
        for name in try listFiles(folder) {
            let lower = name.lowercased()
            guard let ext = extensions.first(where: { lower.hasSuffix($0) }) else { continue }
            let stem = String(name.dropLast(ext.count))
            guard !stem.isEmpty, !stem.hasPrefix(".") else { continue }
            if let other = files[stem] {
                throw Diagnostic(.io, "both '\(other)' and '\(name)' are in '\(folder)': expected one file per part",
                                 hint: "remove or rename one of them")
            }
            files[stem] = name
        }
        let dir = folder.hasSuffix("/") ? folder : folder + "/"
        let accountsFile = files.removeValue(forKey: "accounts")
        let followsFile = files.removeValue(forKey: "follows")
        if accountsFile == nil && followsFile == nil && files.isEmpty {
            throw Diagnostic(.io, "no data in '\(folder)': expected accounts.csv, follows.csv or NAME.csv files")
        }
        var a = DatasetAssembly(index: HandleIndex(), accountRows: 0)
        if let f = accountsFile {
            let (acc, w) = try AccountsReader.read(path: dir + f, options: options)
            a = DatasetAssembly(index: acc.index, accountRows: acc.index.count)
            a.names = acc.names; a.columns = acc.columns
            a.warnings += w
        }
        if let f = followsFile { a.follows = try a.readLayer(nil, path: dir + f, options: options) }
        for stem in files.keys.sorted() {
            a.layers.append(try a.readLayer(stem, path: dir + files[stem]!, options: options))
        }
        return (a.finish(origin: folder), a.warnings)
    }

    /// Names of the regular files in `folder` (not recursive).
    static func listFiles(_ folder: String) throws(Diagnostic) -> [String] {
        let dir = folder.hasSuffix("/") ? folder : folder + "/"
        return try listAll(folder).filter { name in
            var st = stat()
            return stat(dir + name, &st) == 0 && (st.st_mode & S_IFMT) == S_IFREG
        }
    }

    /// Every entry of `folder` but `.` and `..`, sorted.
    static func listAll(_ folder: String) throws(Diagnostic) -> [String] {
        guard let d = opendir(folder) else { throw AtomicFile.ioError("cannot read folder '\(folder)'") }
        defer { closedir(d) }
        var names: [String] = []
        while let e = readdir(d) {
            let name = withUnsafePointer(to: &e.pointee.d_name) {
                String(cString: UnsafeRawPointer($0).assumingMemoryBound(to: CChar.self))
            }
            if name != "." && name != ".." { names.append(name) }
        }
        return names.sorted()
    }
}
