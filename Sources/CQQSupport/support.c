// CQQSupport is header-only: small C helpers Swift cannot express (cache prefetch).
#include "qq_support.h"
