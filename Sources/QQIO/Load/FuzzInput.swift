#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import QQData

/// How an input of the FuzzLoad target becomes a load, in one place for the fuzzer
/// (Sources/FuzzLoad) and the regression replays (Tests/QQIOTests): the first byte
/// picks the file name, hence the format (its value mod 6 indexes `kinds`), and its
/// top bit asks for `lenient`; the rest is the file's content.
public enum FuzzInput {
    public static let kinds: [(name: String, asAccounts: Bool)] = [
        ("follows.csv", false), ("accounts.csv", true), ("edges.tsv", false),
        ("edges.txt", false), ("graph.graphml", false), ("follows.csv.gz", false),
    ]

    /// Writes the input's file into `folder`, loads it and removes it. Returns the file
    /// name used and the diagnostic the load threw (nil when it succeeded); nil for an
    /// empty input or a file that cannot be written.
    public static func load(_ bytes: UnsafeBufferPointer<UInt8>, in folder: String) -> (file: String, error: Diagnostic?)? {
        guard let first = bytes.first else { return nil }
        let kind = kinds[Int(first) % kinds.count]
        let path = "\(folder)/qq-fuzz-\(getpid())-\(kind.name)"
        guard let f = fopen(path, "wb") else { return nil }
        if bytes.count > 1 { fwrite(bytes.baseAddress! + 1, 1, bytes.count - 1, f) }
        fclose(f)
        defer { unlink(path) }
        let options = LoadOptions(lenient: first & 0x80 != 0)
        do {
            if kind.asAccounts {
                _ = try Loader.loadAccounts(path: path, into: Dataset.empty(), options: options)
            } else {
                _ = try Loader.load(path: path, options: options)
            }
            return (kind.name, nil)
        } catch {
            return (kind.name, error)
        }
    }
}
