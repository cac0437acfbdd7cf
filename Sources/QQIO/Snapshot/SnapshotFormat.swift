/// The `.qqs` snapshot: the whole dataset as raw arrays, so that reloading is a few
/// large `read(2)` calls straight into array storage plus one checksum pass.
///
/// Layout (little-endian, every item padded to 8 bytes):
/// ```
/// header, 64 bytes: "QQSNAP\0\0" · version u32 · flags u32 · payload length u64 ·
///                   payload checksum u64 · zero padding
/// payload:  origin str · isSample u64 · createdFromEdges u64 · accountCount u64 ·
///           handles (bytes [u8], offsets [i64]) · hash table version u64 ·
///           hash table [u64] (`HandleIndex.table`, rebuilt instead when the version differs) ·
///           column count u64 ·
///           per column: name str · type u64 · validity (bit count u64, words [u64]) · data ·
///           layer count u64 (the follow layer first) ·
///           per layer: name str · weighted u64 · self-loops u64 · duplicates u64 ·
///           out CSR · in CSR  (offsets [i64] · targets [u32] · weights [f64] if weighted) ·
///           time kind u64 (0 none, 1 follow times [i64] parallel to the out targets,
///           2 events: src [u32] · dst [u32] · times [i64] · weights [f64])   (version 2)
/// ```
/// An array is its element count (u64) then its raw bytes; a string is a byte array.
/// The checksum is XXH64-style rounds over the payload's 8-byte words in four lanes.
enum SnapshotFormat {
    static let magic: [UInt8] = Array("QQSNAP".utf8) + [0, 0]
    static let version: UInt32 = 2
    static let headerSize = 64

    enum ColumnType: UInt64 { case null = 0, int, float, bool, date, string, datetime, duration }
}

/// A running checksum over 8-byte words (the payload is always a multiple of 8 bytes).
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

    mutating func add(_ raw: UnsafeRawBufferPointer) {
        precondition(raw.count % 8 == 0)
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
