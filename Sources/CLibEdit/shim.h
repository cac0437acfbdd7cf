#ifndef QQ_CLIBEDIT_SHIM_H
#define QQ_CLIBEDIT_SHIM_H
/* libedit's native API. el_set/el_get/history are variadic and cannot be called
   from Swift, so each use gets a small typed wrapper here. */
#include <stdio.h>
#include <histedit.h>
#endif
