/*
 * platform.h: what the runtime needs from the machine, implemented twice:
 * native/platform_native.c (Linux futex, pthreads, malloc) and
 * wasm/platform_wasm.c (memory.atomic.wait32/notify, JS-started helpers, own allocator).
 */
#ifndef PB_PLATFORM_H
#define PB_PLATFORM_H

#include <stdatomic.h>
#include <stddef.h>
#include <stdint.h>

#define PB_CACHE_LINE 64

typedef struct pb_pool pb_pool;

/* Sleeps while *word == expected, until woken, or until timeout_ms passes
 * (timeout_ms < 0: no timeout). Returns 1 if the timeout passed, else 0. */
int pb_futex_wait(_Atomic uint32_t *word, uint32_t expected, int64_t timeout_ms);
/* Wakes up to count sleepers of word. */
void pb_futex_wake(_Atomic uint32_t *word, int32_t count);
/* Gives the core away for a moment (sched_yield natively, nothing in wasm). */
void pb_yield(void);
/* A monotonic clock in ns, comparable across the pool's threads (the accounting's, pool.c):
 * CLOCK_MONOTONIC natively; in wasm the import env.pb_clock_ms (performance.timeOrigin +
 * performance.now() in every worker, pool.js), as coarse as the browser makes it. */
int64_t pb_clock_ns(void);

/* A short pause inside spin loops, and how many make one idle round (about half a
 * microsecond: pb_join's idle workers spin some tens of microseconds before sleeping).
 * wasm has no pause instruction and no clock: an atomic load, which neither the compiler
 * nor the engine may drop, stands in. V8 runs such a load in about 0.1 ns in a loop (x86
 * pause: about 20 ns), so a round takes thousands; with 512, helpers slept after a few
 * microseconds idle and nbody in Chromium slept and woke every other step (S(2) 1.6-1.8). */
#if defined(__wasm__)
#define PB_RELAX_PER_ROUND 4096
extern _Atomic uint32_t pb_relax_word; /* defined elsewhere, so it cannot be constant-folded */
static inline void pb_cpu_relax(void) { (void)atomic_load_explicit(&pb_relax_word, memory_order_relaxed); }
#else
#define PB_RELAX_PER_ROUND 16
static inline void pb_cpu_relax(void) {
#if defined(__x86_64__) || defined(__i386__)
    __builtin_ia32_pause();
#elif defined(__aarch64__)
    __asm__ volatile("yield");
#endif
}
#endif

/* A count that one thread writes and another reads now and then, where a value a moment old
 * will do: natively a relaxed atomic (a plain move); in wasm, whose atomics are all sequentially
 * consistent (each store a full fence, ~10% of forkjoin's step in Firefox), a plain aligned
 * 32-bit access, which cannot tear. */
#if defined(__wasm__)
#define PB_TALLY_STORE(p, v) (*(volatile uint32_t *)(p) = (v))
#define PB_TALLY_LOAD(p) (*(volatile uint32_t *)(p))
#else
#define PB_TALLY_STORE(p, v) __atomic_store_n((p), (v), __ATOMIC_RELAXED)
#define PB_TALLY_LOAD(p) __atomic_load_n((p), __ATOMIC_RELAXED)
#endif

/* PB_CACHE_LINE-aligned memory, or NULL. Controller only (not thread-safe in wasm). */
void *pb_alloc(size_t bytes);
void pb_free(void *block);
/* Why an allocation can fail, appended to "... need N bytes" in error messages. */
const char *pb_alloc_limit_text(void);

/* Starts the pool's W-1 helpers (natively threads running pb_pool_helper_run; in wasm
 * only their shadow stacks: JS starts the helpers). Returns a pb_status. */
int32_t pb_platform_start_helpers(pb_pool *pool);
/* After the helpers were told to stop: waits for them (natively joins the threads) and
 * releases what pb_platform_start_helpers allocated. */
void pb_platform_stop_helpers(pb_pool *pool);

#endif /* PB_PLATFORM_H */
