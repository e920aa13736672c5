/*
 * platform_wasm.c: memory.atomic.wait32/notify, helper shadow stacks and the exports only
 * wasm helpers call. JavaScript starts the helpers (see parbench.h and build.sh).
 */
#include "../runtime/error.h"
#include "../runtime/platform.h"
#include "../runtime/pool.h"

/* Shadow stack of each helper, carved from the heap (no guard page: keep it generous). */
#define HELPER_STACK_BYTES (256u * 1024u)

_Atomic uint32_t pb_relax_word;

int pb_futex_wait(_Atomic uint32_t *word, uint32_t expected, int64_t timeout_ms) {
    int64_t timeout_ns = timeout_ms < 0 ? -1 : timeout_ms * 1000000;
    return __builtin_wasm_memory_atomic_wait32((int32_t *)word, (int32_t)expected, timeout_ns) == 2;
}

void pb_futex_wake(_Atomic uint32_t *word, int32_t count) {
    __builtin_wasm_memory_atomic_notify((int32_t *)word, (uint32_t)count);
}

void pb_yield(void) {}

/* Milliseconds on a clock all the module's instances share (pool.js gives it). */
__attribute__((import_module("env"), import_name("pb_clock_ms"))) double pb_clock_ms(void);

int64_t pb_clock_ns(void) { return (int64_t)(pb_clock_ms() * 1e6); }

int32_t pb_platform_start_helpers(pb_pool *pool) {
    size_t count = (size_t)(pool->workers - 1);
    if (count == 0) return PB_OK;
    void *stacks = pb_alloc(count * HELPER_STACK_BYTES);
    if (!stacks)
        return pb_fail(PB_ERR_NOMEM, "the shadow stacks of %d helpers need %llu bytes%s; use fewer workers",
                       (int)count, (unsigned long long)count * HELPER_STACK_BYTES, pb_alloc_limit_text());
    pool->platform = stacks;
    return PB_OK;
}

void pb_platform_stop_helpers(pb_pool *pool) {
    pb_free(pool->platform);
    pool->platform = 0;
}

uint32_t pb_pool_helper_stack(pb_pool *pool, int32_t index) {
    if (!pool || index < 1 || index >= pool->workers) {
        pb_fail(PB_ERR_STATE, "pb_pool_helper_stack needs a pool and a helper index 1..W-1 (got %d); pass a valid index",
                index);
        return 0;
    }
    return (uint32_t)(uintptr_t)pool->platform + (uint32_t)index * HELPER_STACK_BYTES;
}

void pb_stack_enter(uint32_t stack_top) {
    __asm__ volatile(".globaltype __stack_pointer, i32\n"
                     "local.get %0\n"
                     "global.set __stack_pointer" ::"r"(stack_top));
}

void pb_worker_main(pb_pool *pool, int32_t index) {
    if (pool) pb_pool_helper_run(pool, index);
}
