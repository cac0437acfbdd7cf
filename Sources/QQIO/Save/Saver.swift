#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import QQData

/// `save "path"` (SPEC §2): the format follows the name — `.qqs` a binary snapshot,
/// `.graphml` GraphML, `.gexf` GEXF 1.3 (SPEC §11), anything else a CSV folder that `load` reads back identically.
/// Output is written under a temporary name beside the target and renamed into place,
/// so a failed save leaves nothing half-written; an existing target is refused unless
/// `overwrite`.
public enum Saver {
    /// Writes `dataset` to `path` by extension: folder (CSV), .graphml, .qqs.
    public static func save(_ dataset: Dataset, to path: String, overwrite: Bool) throws(Diagnostic) {
        var target = path
        while target.count > 1 && target.hasSuffix("/") { target.removeLast() }
        try AtomicFile.checkTarget(target, overwrite: overwrite)
        let lower = target.lowercased()
        let temp = AtomicFile.temporaryPath(for: target)
        if lower.hasSuffix(".qqs") || lower.hasSuffix(".graphml") || lower.hasSuffix(".gexf") {
            do {
                if lower.hasSuffix(".qqs") {
                    try Snapshot.write(dataset, to: temp)
                } else if lower.hasSuffix(".gexf") {
                    try GEXFWriter.write(dataset, to: temp)
                } else {
                    try GraphMLWriter.write(dataset, to: temp)
                }
            } catch {
                // A failed or cancelled write leaves no temporary file behind.
                unlink(temp)
                throw error
            }
        } else {
            if lower.hasSuffix(".csv") || lower.hasSuffix(".gz") || lower.hasSuffix(".json") {
                throw Diagnostic(.io, "'\(path)' names a file, but a dataset is saved as a folder, a .graphml, a .gexf or a .qqs file",
                                 hint: "use 'export' to write one table as a file")
            }
            for l in dataset.layers where !validLayerFileName(l.name) {
                throw Diagnostic(.io, "layer '\(l.name)' cannot be a file name in a CSV folder", hint: "save as .qqs or .graphml instead")
            }
            guard mkdir(temp, 0o755) == 0 else { throw AtomicFile.ioError("cannot create folder '\(path)'") }
            do {
                try CSVFolderWriter.write(dataset, into: temp)
            } catch {
                AtomicReplace.removeTree(temp)
                throw error
            }
        }
        try AtomicReplace.commit(temp: temp, target: target, overwrite: overwrite)
    }

    static func validLayerFileName(_ name: String) -> Bool {
        !name.isEmpty && !name.contains("/") && !name.hasPrefix(".") && name != "accounts" && name != "follows"
    }
}
