#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Testing

/// Hostile input and hostile conditions through the built `qq` (issue 21): results
/// that cannot be written, oversized scripts on standard input, U+FFFD against bytes
/// that are not UTF-8, SIGTERM and SIGHUP during `save`, Ctrl-C during the start-up
/// load, and `save … overwrite` over a folder holding a link.
@Suite struct HostileShellTests {
    @Test func resultsToAFullDeviceFail() throws {
        let dir = TempDir(); defer { dir.remove() }
        guard let bin = QQBinary.require() else { return }
        let r = try ProcessRunner.run("/bin/sh", ["-c", "\"$0\" -c 'accounts' -c 'print \"after\"' > /dev/full", bin],
                                      environment: dir.environment)
        #expect(r.status == 1, "stderr: \(r.stderr)")
        #expect(r.stderr.contains("qq: cannot write standard output: No space left on device"), "stderr: \(r.stderr)")
    }

    @Test func standardInputHasTheScriptLimit() throws {
        let dir = TempDir(); defer { dir.remove() }
        let big = String(repeating: "print 1\n", count: (16 << 20) / 8 + 1)
        let r = try qq([], stdin: big, in: dir)
        #expect(r.status == 2)
        #expect(r.stderr.contains("standard input is too large for a script (more than 16 MiB)"), "stderr: \(r.stderr.prefix(300))")
        #expect(r.stdout.isEmpty, "nothing of it ran")
        // A script that is /dev/zero: the command line takes regular files only;
        // `source` stops at the same limit.
        try #require(symlink("/dev/zero", dir.path + "/zero.qq") == 0)
        let zero = try qq([dir.path + "/zero.qq"], in: dir)
        #expect(zero.status == 2, "stderr: \(zero.stderr)")
        let source = try qq(["-c", "source \"\(dir.path)/zero.qq\""], in: dir)
        #expect(source.status == 1)
        #expect(source.stderr.contains("is too large for a script"), "stderr: \(source.stderr)")
    }

    @Test func replacementCharacterIsTextButBadBytesAreNot() throws {
        let dir = TempDir(); defer { dir.remove() }
        let ok = try qq(["-c", "print \"a\u{FFFD}b\""], in: dir)
        #expect(ok.status == 0, "stderr: \(ok.stderr)")
        #expect(ok.stdout == "a\u{FFFD}b\n")
        let script = dir.write("fffd.qq", "print \"\u{FFFD}\"\n")
        let s = try qq([script], in: dir)
        #expect(s.status == 0 && s.stdout == "\u{FFFD}\n", "stderr: \(s.stderr)")
        guard let bin = QQBinary.require() else { return }
        // A Latin-1 é (one byte, 0xE9) given with -c.
        let bad = try ProcessRunner.run("/bin/sh", ["-c", "\"$0\" -c \"$(printf 'print \"caf\\351\"')\"", bin],
                                        environment: dir.environment)
        #expect(bad.status == 1)
        #expect(bad.stderr.contains("error: expected UTF-8 text"), "stderr: \(bad.stderr)")
        #expect(bad.stdout.isEmpty)
    }

    @Test func saveOverwriteKeepsWhatALinkInTheOldFolderPointsTo() throws {
        let dir = TempDir(); defer { dir.remove() }
        let graph = dir.writeGraph()
        dir.write("victim/precious.txt", "precious\n")
        dir.write("out/saved/old.txt", "old\n")
        try #require(symlink(dir.path + "/victim", dir.path + "/out/saved/raw") == 0)
        try #require(symlink(dir.path + "/victim", dir.path + "/out/link") == 0)
        for target in ["out/saved", "out/link"] {
            let r = try qq([graph, "-c", "save \"\(dir.path)/\(target)\" overwrite"], in: dir)
            #expect(r.status == 0, "stderr: \(r.stderr)")
            #expect(dir.read("victim/precious.txt") == "precious\n", "the folder the link points to is intact")
            #expect(Reliability.listing(dir.path + "/" + target) == ["accounts.csv", "follows.csv"])
        }
        #expect(Reliability.listing(dir.path + "/victim") == ["precious.txt"])
        #expect(Reliability.listing(dir.path + "/out") == ["link", "saved"], "no temporary file or old copy left")
    }

    // MARK: signals

    /// Starts qq with output to files in `dir`; returns its pid.
    static func start(_ arguments: [String], in dir: TempDir) throws -> pid_t {
        guard let bin = QQBinary.require() else { throw ProcessRunner.SpawnError(description: "qq not built") }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, dir.path + "/stdout", O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        posix_spawn_file_actions_addopen(&actions, 2, dir.path + "/stderr", O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        return try ProcessRunner.spawn(bin, arguments, environment: dir.environment, actions: &actions)
    }

    static func wait(_ pid: pid_t) -> Int32 {
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
        return ProcessRunner.exitStatus(status)
    }

    /// Polls until `condition` holds (true) or `seconds` pass (false).
    static func poll(_ seconds: Double, _ condition: () -> Bool) -> Bool {
        let start = Stopwatch()
        while start.seconds < seconds {
            if condition() { return true }
            usleep(2_000)
        }
        return false
    }

    /// Entries of `folder` whose names mark a temporary file of a write.
    static func temporaries(_ folder: String) -> [String] {
        Reliability.listing(folder).filter { $0.contains(".tmp-") }
    }

    @Test(.timeLimit(.minutes(15))) func signalsDuringSaveAndLoad() throws {
        let dir = TempDir(); defer { dir.remove() }
        let made = try qq(["-c", "generate accounts 200k follows 3M seed 3", "-c", "save \"csv\""], in: dir, directory: dir.path)
        try #require(made.status == 0, "stderr: \(made.stderr)")

        // SIGTERM and SIGHUP while `save` writes: the temporary folder is removed, and
        // the status is 128 + the signal.
        for (sig, name) in [(SIGTERM, "SIGTERM"), (SIGHUP, "SIGHUP")] {
            let pid = try Self.start(["--data", dir.path + "/csv", "-c", "save \"\(dir.path)/copy\"", "-c", "print \"not reached\""], in: dir)
            let saving = Self.poll(300) { !Self.temporaries(dir.path).isEmpty }
            kill(pid, sig)
            let status = Self.wait(pid)
            #expect(saving, "\(name): the save started")
            #expect(status == 128 + sig, "\(name): status \(status), stderr: \(dir.read("stderr") ?? "")")
            #expect(Self.temporaries(dir.path).isEmpty, "\(name): no temporary file left: \(Reliability.listing(dir.path))")
            #expect(!dir.exists("copy"))
            #expect(dir.read("stdout") == "")
        }

        // Ctrl-C (SIGINT) while the starting dataset loads: the run stops with 130.
        let pid = try Self.start(["--data", dir.path + "/csv", "-c", "accounts | count"], in: dir)
        usleep(300_000)
        kill(pid, SIGINT)
        let status = Self.wait(pid)
        #expect(status == 130, "stderr: \(dir.read("stderr") ?? "")")
        #expect(dir.read("stdout") == "", "the statement after the load did not run")
    }

    @Test func sigtermWhileReadingStandardInput() throws {
        let dir = TempDir(); defer { dir.remove() }
        guard let bin = QQBinary.require() else { return }
        // Standard input is a FIFO that stays open and silent: qq waits in read(2).
        let fifo = dir.path + "/in"
        try #require(mkfifo(fifo, 0o600) == 0)
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, fifo, O_RDWR, 0)
        posix_spawn_file_actions_addopen(&actions, 1, dir.path + "/stdout", O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        posix_spawn_file_actions_addopen(&actions, 2, dir.path + "/stderr", O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        let pid = try ProcessRunner.spawn(bin, [], environment: dir.environment, actions: &actions)
        usleep(500_000)
        kill(pid, SIGTERM)
        #expect(Self.wait(pid) == 128 + SIGTERM, "stderr: \(dir.read("stderr") ?? "")")
    }
}
