#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import CLibEdit
import QQData
import QQSession

/// Line editing with libedit's native API (`el_gets`): emacs keys, history with Up
/// and Ctrl-R incremental search, and Tab completion. Callbacks reach this object
/// through `EL_CLIENTDATA`, so there is no global state.
///
/// Tab asks the session (`Session.completions`), unless more input is already
/// waiting on stdin: then the Tab is part of pasted text and is inserted as a
/// literal tab (libedit shows it as spaces), so a paste never triggers completion.
/// A unique candidate is inserted with a space after it; several are listed in
/// columns, with "… N more" when the session left some out.
final class LibEditor: LineEditor {
    private let el: OpaquePointer
    private let hist: OpaquePointer
    private var promptText: UnsafeMutablePointer<CChar>
    private let session: Session
    private let file: HistoryFile?
    private(set) var history: [String] = []

    /// Entries kept in memory and (after trimming) on disk.
    static let historySize = 1000

    /// Nil when libedit cannot start (no terminal description, for one).
    init?(session: Session, historyFile: HistoryFile?) {
        guard let el = qq_el_init("qq") else { return nil }
        guard let hist = history_init() else { el_end(el); return nil }
        self.el = el
        self.hist = hist
        self.session = session
        self.file = historyFile
        self.promptText = strdup("qq> ")

        _ = qq_history_setsize(hist, Int32(LibEditor.historySize))
        _ = qq_history_setunique(hist, 1)
        if let file {
            file.compact(keep: LibEditor.historySize)
            for entry in file.load().suffix(LibEditor.historySize) { remember(entry) }
        }

        _ = qq_el_set_clientdata(el, Unmanaged.passUnretained(self).toOpaque())
        _ = qq_el_set_editor(el, "emacs")
        _ = qq_el_set_signal(el, 1)
        _ = qq_el_set_hist(el, hist)
        _ = qq_el_set_prompt(el) { el in
            guard let el, let me = LibEditor.from(el) else { return nil }
            return me.promptText
        }
        _ = qq_el_addfn(el, "qq-complete", "complete the word before the cursor") { el, _ in
            guard let el, let me = LibEditor.from(el) else { return UInt8(CC_ERROR) }
            return me.complete()
        }
        _ = qq_el_bind(el, "^I", "qq-complete")
        _ = qq_el_bind(el, "^R", "em-inc-search-prev")
        // The user's ~/.editrc may rebind keys, as in every libedit program.
        _ = el_source(el, nil)
    }

    deinit {
        el_end(el)
        history_end(hist)
        free(promptText)
    }

    private static func from(_ el: OpaquePointer) -> LibEditor? {
        guard let raw = qq_el_get_clientdata(el) else { return nil }
        return Unmanaged<LibEditor>.fromOpaque(raw).takeUnretainedValue()
    }

    func readLine(prompt: String) -> LineInput {
        free(promptText)
        promptText = strdup(prompt)
        var count: Int32 = 0
        // A Ctrl-C that raced with a keystroke was read as text, not as EINTR; its
        // flag must not turn a later Ctrl-D into an interrupt.
        Cancellation.reset()
        guard let raw = el_gets(el, &count) else {
            // Ctrl-C sets the flag (libedit re-raises SIGINT to our handler). Inside
            // Ctrl-R search libedit reports it as end of input (count 0), so the flag,
            // not the count, tells an interrupt from Ctrl-D.
            let interrupted = Cancellation.isRequested || (count < 0 && errno == EINTR)
            writeAll(fd: STDOUT_FILENO, interrupted ? "^C\n" : "\n")
            if interrupted {
                // Forget the abandoned text so the next prompt starts empty.
                el_reset(el)
                return .interrupted
            }
            return .endOfInput
        }
        var bytes = Array(UnsafeBufferPointer(start: UnsafeRawPointer(raw).assumingMemoryBound(to: UInt8.self), count: strlen(raw)))
        if bytes.last == 10 { bytes.removeLast() }
        return LineInput.checked(bytes)
    }

    /// Input already waiting on stdin: the line just read came with more (a paste).
    var inputPending: Bool { Terminal.inputPending(STDIN_FILENO) }

    func addHistory(_ entry: String) {
        guard !entry.allSatisfy(\.isWhitespace), entry != history.last else { return }
        remember(entry)
        file?.append(entry)
    }

    private func remember(_ entry: String) {
        _ = qq_history_enter(hist, entry)
        if entry != history.last { history.append(entry) }
        if history.count > 2 * LibEditor.historySize { history.removeFirst(LibEditor.historySize) }
    }

    // MARK: - Tab

    private func complete() -> UInt8 {
        if Terminal.inputPending(STDIN_FILENO) {
            _ = el_insertstr(el, "\t")
            return UInt8(CC_REFRESH)
        }
        guard let info = el_line(el)?.pointee else { return UInt8(CC_ERROR) }
        let length = info.lastchar - info.buffer
        let cursor = info.cursor - info.buffer
        let bytes = UnsafeRawBufferPointer(start: info.buffer, count: length)
        let line = String(decoding: bytes, as: UTF8.self)
        let answer = session.completions(line: line, cursor: cursor)
        guard !answer.candidates.isEmpty, answer.start <= cursor else { return UInt8(CC_ERROR) }
        let typed = String(decoding: bytes[answer.start..<cursor], as: UTF8.self)
        let common = LibEditor.commonPrefix(answer.candidates)
        if answer.candidates.count == 1 || (common.utf8.count > typed.utf8.count && common.hasPrefix(typed)) {
            var replacement = answer.candidates.count == 1 ? answer.candidates[0] : common
            if answer.candidates.count == 1 {
                let next = cursor < length ? bytes[cursor] : 0
                if next != 0x20 { replacement += Completer.separator(after: replacement) }
            }
            if replacement == typed { return UInt8(CC_NORM) }
            if !typed.isEmpty { el_deletestr(el, Int32(typed.unicodeScalars.count)) }
            _ = el_insertstr(el, replacement)
            return UInt8(CC_REFRESH)
        }
        writeAll(fd: STDOUT_FILENO, "\n" + LibEditor.columns(answer.candidates, more: answer.more, width: Terminal.width() ?? 80))
        return UInt8(CC_REDISPLAY)
    }

    /// The longest prefix (in characters) shared by all `words`.
    static func commonPrefix(_ words: [String]) -> String {
        guard var prefix = words.first.map(Array.init) else { return "" }
        for w in words.dropFirst() {
            let chars = Array(w)
            var n = 0
            while n < prefix.count, n < chars.count, prefix[n] == chars[n] { n += 1 }
            prefix.removeSubrange(n...)
        }
        return String(prefix)
    }

    /// `words` laid out in columns across `width`, row by row, as shells list completions.
    static func columns(_ words: [String], more: Int = 0, width: Int) -> String {
        let shown = words.prefix(300)
        let cell = (shown.map(\.count).max() ?? 0) + 2
        let perRow = max(1, width / cell)
        var out = ""
        for (i, w) in shown.enumerated() {
            let last = i % perRow == perRow - 1 || i == shown.count - 1
            out += last ? w + "\n" : w + String(repeating: " ", count: cell - w.count)
        }
        let left = words.count - shown.count + more
        if left > 0 { out += "… \(left) more\n" }
        return out
    }
}
