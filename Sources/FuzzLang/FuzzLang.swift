import QQData
import QQSession

// libFuzzer target for the language: lexer, parser, binder and executor.
//
// Each input is run as a script in a fresh `--safe` session over a tiny generated
// dataset, so every statement that reaches the executor finishes in microseconds.
// Inputs that would read or write files, or replace the dataset, are cut down to
// the statements before them: the fuzzer explores the language, not the disk.
//
// Built by `scripts/fuzz` with `-sanitize=fuzzer,address -DFUZZ`; without `FUZZ` the
// same body runs each file named on the command line (regression replay).

/// Discards everything a session writes.
final class NullOutput: SessionOutput {
    func out(_ text: String) {}
    func err(_ text: String) {}
}

enum FuzzLang {
    /// Words whose statements touch files or replace the dataset.
    static let banned = ["load", "save", "source", "generate", "export", " to ", "param"]

    static func run(_ bytes: UnsafeBufferPointer<UInt8>) {
        // The language is UTF-8 text; bytes that are not are an error (the banned words
        // are looked for in the text decoded with replacement).
        let text = String(decoding: bytes, as: UTF8.self)
        let lowered = text.lowercased()
        if banned.contains(where: { lowered.contains($0) }) { return }
        var options = SessionOptions()
        options.safe = true
        options.width = 80
        options.today = CivilDate(year: 2024, month: 1, day: 31)
        let session = Session(options: options, output: NullOutput())
        _ = session.run("generate accounts 40 follows 160 seed 3")
        _ = session.run(utf8: Array(bytes), file: "fuzz.qq")
        // Whatever happened, the session must still answer.
        _ = session.run("accounts | count")
    }
}

#if FUZZ
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzLangTestOneInput(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    FuzzLang.run(UnsafeBufferPointer(start: data, count: size))
    return 0
}
#else
@main
struct FuzzLangReplay {
    static func main() {
        for path in CommandLine.arguments.dropFirst() {
            guard let bytes = FileBytes.read(path) else { print("cannot read \(path)"); continue }
            bytes.withUnsafeBufferPointer { FuzzLang.run($0) }
            print("ok \(path)")
        }
    }
}
#endif
