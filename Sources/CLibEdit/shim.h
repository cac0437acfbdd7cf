#ifndef QQ_CLIBEDIT_SHIM_H
#define QQ_CLIBEDIT_SHIM_H
/* libedit's native API for the qq REPL.

   el_set, el_get and history() are variadic and cannot be called from Swift, so
   each use gets a small typed wrapper here. Swift 6 also refuses mutable C globals
   (stdin, stdout, stderr), so they are reached through functions. A few terminal
   helpers that are variadic in C (ioctl) live here for the same reason. */
#include <stdio.h>
#include <signal.h>
#include <string.h>
#include <sys/ioctl.h>
#include <unistd.h>
#include <histedit.h>

/* ---- the standard streams ---- */
static inline FILE *qq_stdin(void) { return stdin; }
static inline FILE *qq_stdout(void) { return stdout; }
static inline FILE *qq_stderr(void) { return stderr; }

/* ---- editor ---- */

/* A key-bound function: returns one of the CC_* codes. */
typedef unsigned char (*qq_el_func)(EditLine *, int);
/* The prompt callback: returns the prompt text (owned by the caller). */
typedef char *(*qq_el_prompt_func)(EditLine *);

static inline EditLine *qq_el_init(const char *prog) {
    return el_init(prog, stdin, stdout, stderr);
}
static inline int qq_el_set_prompt(EditLine *el, qq_el_prompt_func f) {
    return el_set(el, EL_PROMPT, f);
}
static inline int qq_el_set_editor(EditLine *el, const char *mode) {
    return el_set(el, EL_EDITOR, mode);
}
/* 1: libedit catches SIGINT, SIGTSTP, SIGWINCH, … while editing, restores the
   terminal, and re-raises the signal to the previously installed handler. */
static inline int qq_el_set_signal(EditLine *el, int on) {
    return el_set(el, EL_SIGNAL, on);
}
static inline int qq_el_set_hist(EditLine *el, History *h) {
    return el_set(el, EL_HIST, history, h);
}
static inline int qq_el_addfn(EditLine *el, const char *name, const char *help, qq_el_func f) {
    return el_set(el, EL_ADDFN, name, help, f);
}
/* Binds `key` (e.g. "^I", "^R") to the editor function named `fn`. */
static inline int qq_el_bind(EditLine *el, const char *key, const char *fn) {
    return el_set(el, EL_BIND, key, fn, (const char *)NULL);
}
static inline int qq_el_set_clientdata(EditLine *el, void *data) {
    return el_set(el, EL_CLIENTDATA, data);
}
static inline void *qq_el_get_clientdata(EditLine *el) {
    void *data = NULL;
    if (el_get(el, EL_CLIENTDATA, &data) != 0) return NULL;
    return data;
}
static inline int qq_el_refresh(EditLine *el) {
    return el_set(el, EL_REFRESH);
}

/* ---- history ---- */
static inline int qq_history_setsize(History *h, int size) {
    HistEvent ev;
    return history(h, &ev, H_SETSIZE, size);
}
static inline int qq_history_setunique(History *h, int unique) {
    HistEvent ev;
    return history(h, &ev, H_SETUNIQUE, unique);
}
static inline int qq_history_enter(History *h, const char *line) {
    HistEvent ev;
    return history(h, &ev, H_ENTER, line);
}
static inline int qq_history_clear(History *h) {
    HistEvent ev;
    return history(h, &ev, H_CLEAR);
}

/* ---- signals ---- */

/* Installs `handler` for `sig` with sa_flags = 0: no SA_RESTART, so a blocking
   read (el_gets, the plain line reader) returns EINTR and Ctrl-C takes effect at
   once instead of after the next Enter (glibc's signal() would set SA_RESTART). */
static inline int qq_set_signal_handler(int sig, void (*handler)(int)) {
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sigemptyset(&sa.sa_mask);
    sa.sa_flags = 0;
    sa.sa_handler = handler;
    return sigaction(sig, &sa, NULL);
}

/* ---- terminal ---- */

/* The width in columns of the terminal on `fd`, or 0 when it is not a terminal. */
static inline int qq_terminal_width(int fd) {
    struct winsize ws;
    if (ioctl(fd, TIOCGWINSZ, &ws) != 0) return 0;
    return ws.ws_col;
}
#endif
