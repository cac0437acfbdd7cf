/// The `.qqs` snapshot, version 2: the whole dataset as typed arrays in aligned
/// sections, found through a section table, each with its own checksum.
///
/// Layout (little-endian):
/// ```
/// header, 64 bytes:  "QQSNAP\0\0" · version u32 (2) · flags u32 (0) · file length u64 ·
///                    section count u64 · table checksum u64 · 24 zero bytes
/// section table:     count × 32 bytes: kind u32 · index u32 · offset u64 · length u64 · checksum u64
/// sections:          each at a multiple of 64 bytes, its length exact, zero padding between
/// ```
/// A section is one array (`SnapshotFormat.Kind` says which and of what element type);
/// `index` is the column (1 …) or layer (0 = follows) it belongs to. The table checksum
/// covers the header's first 32 bytes and the table; a section's checksum covers its bytes.
/// Every section starts on a 64-byte boundary, so the arrays could be used in place
/// from a memory mapping of the file. See docs/FORMATS.md for the validation rules.
enum SnapshotFormat {
    static let magic: [UInt8] = Array("QQSNAP".utf8) + [0, 0]
    static let version: UInt32 = 2
    static let headerSize = 64
    static let entrySize = 32
    static let alignment = 64
    /// More sections than any dataset needs (a column or layer takes at most six).
    static let maxSections = 1 << 16
    /// Sections are read and checksummed in blocks of this size, on both cores.
    static let blockSize = 4 << 20

    /// Fixed words at the start of the `meta` section: account count, column count
    /// (without `handle`), layer count (follows first), accounts created from edges,
    /// flags (bit 0: saved from the sample), `HandleIndex.tableVersion`. Then two words
    /// per column (type, has a validity mask) and four per layer (weighted, self-loops
    /// dropped, duplicate rows, edge count).
    static let metaFixedWords = 6

    /// A datetime or duration column is stored as an `intColumn` section (microseconds).
    enum ColumnType: UInt64 { case null = 0, int, float, bool, date, string, datetime, duration }

    /// What a section holds. The element size is fixed by the kind alone, so every
    /// section can be read (and checksummed) before anything in it is interpreted.
    enum Kind: UInt32, CaseIterable {
        case meta = 1             // [u64]
        case nameOffsets = 2      // [i64] column names, then layer names
        case nameBytes = 3        // [u8]
        case handleOffsets = 4    // [i64]
        case handleBytes = 5      // [u8]
        case handleTable = 6      // [u64] `HandleIndex.table`
        case intColumn = 7        // [i64]
        case floatColumn = 8      // [f64]
        case boolColumn = 9       // [u8] 0 or 1
        case dateColumn = 10      // [i32] days since 1970-01-01
        case stringOffsets = 11   // [i64]
        case stringBytes = 12     // [u8]
        case validity = 13        // [u64] bit set = value present
        case outOffsets = 14      // [i64]
        case outTargets = 15      // [u32]
        case outWeights = 16      // [f64]
        case inOffsets = 17       // [i64]
        case inTargets = 18       // [u32]
        case inWeights = 19       // [f64]
        // Time (SPEC §8); a layer has either follow times or events, or neither.
        case followTimes = 20     // [i64] earliest time of each out edge (`EdgeEvents.untimed` if none)
        case eventSources = 21    // [u32] an interaction layer's events, in file order
        case eventTargets = 22    // [u32]
        case eventTimes = 23      // [i64]
        case eventWeights = 24    // [f64]
        case followWeights = 25   // [f64] the follow layer's weight column (SPEC §9), parallel to out targets

        var elementSize: Int {
            switch self {
            case .nameBytes, .handleBytes, .boolColumn, .stringBytes: return 1
            case .dateColumn, .outTargets, .inTargets, .eventSources, .eventTargets: return 4
            default: return 8
            }
        }

        var label: String {
            switch self {
            case .meta: return "meta"
            case .nameOffsets: return "name offsets"
            case .nameBytes: return "names"
            case .handleOffsets: return "handle offsets"
            case .handleBytes: return "handles"
            case .handleTable: return "handle index"
            case .intColumn, .floatColumn, .boolColumn, .dateColumn: return "column values"
            case .stringOffsets: return "column string offsets"
            case .stringBytes: return "column strings"
            case .validity: return "column null mask"
            case .outOffsets: return "out offsets"
            case .outTargets: return "out targets"
            case .outWeights: return "out weights"
            case .inOffsets: return "in offsets"
            case .inTargets: return "in targets"
            case .inWeights: return "in weights"
            case .followTimes: return "follow times"
            case .eventSources: return "event sources"
            case .eventTargets: return "event targets"
            case .eventTimes: return "event times"
            case .eventWeights: return "event weights"
            case .followWeights: return "follow weights"
            }
        }
    }

    /// One row of the section table.
    struct Entry: Equatable {
        var kind: Kind
        var index: Int
        var offset: Int
        var length: Int
        var checksum: UInt64

        var count: Int { length / kind.elementSize }
    }

    /// `x` rounded up to the section alignment (callers bound `x` first).
    static func aligned(_ x: Int) -> Int { (x + alignment - 1) & ~(alignment - 1) }

    /// Where the first section may start after a table of `count` entries.
    static func dataStart(sections count: Int) -> Int { aligned(headerSize + count * entrySize) }

    /// The checksum of a section's bytes: each `blockSize` block hashed on its own (so
    /// blocks can be hashed on both cores as they are read), then the block hashes.
    static func combine(blockHashes: [UInt64], length: Int) -> UInt64 {
        var c = SnapshotChecksum()
        var words = blockHashes.map(\.littleEndian)
        words.append(UInt64(length).littleEndian)
        words.withUnsafeBytes { c.add($0) }
        return c.value
    }

    /// The hash of one block; a last partial word counts as if zero-padded.
    static func hash(_ raw: UnsafeRawBufferPointer) -> UInt64 {
        var c = SnapshotChecksum()
        let whole = raw.count & ~7
        if whole > 0 { c.add(UnsafeRawBufferPointer(rebasing: raw[0..<whole])) }
        if whole < raw.count {
            var last: UInt64 = 0
            withUnsafeMutableBytes(of: &last) { l in
                for k in whole..<raw.count { l[k - whole] = raw[k] }
            }
            withUnsafeBytes(of: &last) { c.add($0) }
        }
        return c.value
    }

    /// Number of `blockSize` blocks in `length` bytes (at least one).
    static func blockCount(_ length: Int) -> Int { max(1, (length + blockSize - 1) / blockSize) }
}

/// A running checksum over 8-byte words: XXH64-style rounds in four lanes.
struct SnapshotChecksum {
    private var lanes: (UInt64, UInt64, UInt64, UInt64) =
        (0x60EA_27EE_ADC0_B5D6, 0xC2B2_AE3D_27D4_EB4F, 0x0, 0x61C8_8646_80B5_83EB)
    private var words = 0
    private static let p1: UInt64 = 0x9E37_79B1_85EB_CA87
    private static let p2: UInt64 = 0xC2B2_AE3D_27D4_EB4F

    @inline(__always) private static func round(_ acc: UInt64, _ w: UInt64) -> UInt64 {
        let a = acc &+ w &* p2
        return ((a << 31) | (a >> 33)) &* p1
    }

    /// Adds whole words; `raw.count` must be a multiple of 8.
    mutating func add(_ raw: UnsafeRawBufferPointer) {
        let n = raw.count / 8
        guard n > 0, let base = raw.baseAddress else { return }
        var i = 0
        // Bring the lane position back to 0, then run four lanes at once.
        while i < n && (words + i) & 3 != 0 { step(base.loadUnaligned(fromByteOffset: i * 8, as: UInt64.self), lane: (words + i) & 3); i += 1 }
        var (a, b, c, d) = lanes
        while i + 4 <= n {
            a = SnapshotChecksum.round(a, base.loadUnaligned(fromByteOffset: i * 8, as: UInt64.self))
            b = SnapshotChecksum.round(b, base.loadUnaligned(fromByteOffset: i * 8 + 8, as: UInt64.self))
            c = SnapshotChecksum.round(c, base.loadUnaligned(fromByteOffset: i * 8 + 16, as: UInt64.self))
            d = SnapshotChecksum.round(d, base.loadUnaligned(fromByteOffset: i * 8 + 24, as: UInt64.self))
            i += 4
        }
        lanes = (a, b, c, d)
        while i < n { step(base.loadUnaligned(fromByteOffset: i * 8, as: UInt64.self), lane: (words + i) & 3); i += 1 }
        words += n
    }

    @inline(__always) private mutating func step(_ w: UInt64, lane: Int) {
        switch lane {
        case 0: lanes.0 = SnapshotChecksum.round(lanes.0, w)
        case 1: lanes.1 = SnapshotChecksum.round(lanes.1, w)
        case 2: lanes.2 = SnapshotChecksum.round(lanes.2, w)
        default: lanes.3 = SnapshotChecksum.round(lanes.3, w)
        }
    }

    var value: UInt64 {
        let (a, b, c, d) = lanes
        var h = ((a << 1) | (a >> 63)) &+ ((b << 7) | (b >> 57)) &+ ((c << 12) | (c >> 52)) &+ ((d << 18) | (d >> 46))
        h ^= UInt64(words)
        h ^= h >> 33; h = h &* SnapshotChecksum.p2; h ^= h >> 29
        return h
    }
}
