#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

// qq: the command line, REPL and script runner. See docs/SHELL.md.
exit(QQCommand.runMain())
