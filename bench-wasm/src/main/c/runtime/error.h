/*
 * error.h: the library's last status and error sentence (pb_last_status/pb_last_error).
 * Controller only. A tiny formatter of its own, because the wasm build has no libc.
 */
#ifndef PB_ERROR_H
#define PB_ERROR_H

#include <stdint.h>
#include "../parbench.h"

/* Records status and a message; supports %s, %d (int), %lld, %llu. Returns status. */
int32_t pb_fail(int32_t status, const char *format, ...) __attribute__((format(printf, 2, 3)));
/* Records success (the message of an earlier failure stays readable). */
void pb_succeed(void);

#endif /* PB_ERROR_H */
