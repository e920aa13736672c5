/* A tiny threaded module in the style of parbench's own: C11 atomics, a futex-style sleep and wake,
 * a memcpy (memory.copy) and initialised data (a passive segment once linked with shared memory). */
#include <stdatomic.h>
#include <stdint.h>

static _Atomic int32_t ready;
static const char greeting[] = "hello from a worker";

__attribute__((export_name("pb_arrive"))) int32_t pb_arrive(void) {
    int32_t n = atomic_fetch_add(&ready, 1) + 1;
    __builtin_wasm_memory_atomic_notify((int32_t *)&ready, 1);
    return n;
}

__attribute__((export_name("pb_wait_for"))) void pb_wait_for(int32_t count) {
    int32_t seen;
    while ((seen = atomic_load(&ready)) < count) {
        __builtin_wasm_memory_atomic_wait32((int32_t *)&ready, seen, -1);
    }
}

__attribute__((export_name("pb_copy_greeting"))) void pb_copy_greeting(char *to) {
    __builtin_memcpy(to, greeting, sizeof greeting);
}
