/*
 * parbench.h: the C ABI of the kernel library.
 *
 * The same functions are called from Java through FFM (native shared library
 * libparbench.so) and from JavaScript (exports of parbench.wasm). Kernels and their
 * checksums are defined in ../../../KERNELS.md.
 *
 * Threading model: a pool has exactly W workers; the thread that calls
 * pb_bench_step() is worker 0 and W-1 helpers do the rest. A step runs on the pool's
 * active workers 0..A-1 (A = W unless pb_pool_use_workers chose fewer), so one pool can
 * measure every worker count up to W. Only one thread (the
 * "controller") may call the functions below, except pb_worker_main() and
 * pb_stack_enter(), which wasm helper workers call. Allocation happens only in
 * pb_pool_create/pb_bench_create, on the controller, outside parallel regions.
 *
 * Errors: functions returning a pointer return NULL on error, functions returning
 * int32_t return a pb_status; either way pb_last_status() and pb_last_error() then
 * describe what was wrong and what to do, in one sentence.
 */
#ifndef PARBENCH_H
#define PARBENCH_H

#include <stdint.h>

#ifdef __wasm__
#define PB_EXPORT(name) __attribute__((export_name(#name), visibility("default")))
#else
#define PB_EXPORT(name) __attribute__((visibility("default")))
#endif

#define PB_ABI_VERSION 1
#define PB_MAX_WORKERS 1024

typedef enum pb_status {
    PB_OK = 0,
    PB_ERR_KERNEL = 1,   /* unknown kernel id */
    PB_ERR_SIZE = 2,     /* size < 1, or one that overflows the kernel's buffers */
    PB_ERR_NOMEM = 3,    /* buffers do not fit (native malloc failed, or the wasm memory maximum) */
    PB_ERR_WORKERS = 4,  /* workers < 1 or > PB_MAX_WORKERS */
    PB_ERR_THREAD = 5,   /* a helper thread could not be started, or did not become ready in time */
    PB_ERR_STATE = 6     /* called in the wrong state (e.g. a NULL handle) */
} pb_status;

typedef enum pb_profile { PB_PROFILE_QUICK = 0, PB_PROFILE_DEFAULT = 1, PB_PROFILE_FULL = 2 } pb_profile;

typedef struct pb_pool pb_pool;
typedef struct pb_bench pb_bench;

/* --- library ------------------------------------------------------------------ */
PB_EXPORT(pb_abi_version) int32_t pb_abi_version(void);
PB_EXPORT(pb_last_status) int32_t pb_last_status(void);
/* NUL-terminated, valid until the next failing call. */
PB_EXPORT(pb_last_error) const char *pb_last_error(void);

/* --- kernels (ids 0..pb_kernel_count()-1, in the order of KERNELS.md) ----------- */
PB_EXPORT(pb_kernel_count) int32_t pb_kernel_count(void);
/* NUL-terminated static name ("sum", …), or NULL for an unknown id. */
PB_EXPORT(pb_kernel_name) const char *pb_kernel_name(int32_t kernel);
/* Default size of a kernel for a profile, or -1 for an unknown kernel or profile. */
PB_EXPORT(pb_kernel_default_size) int64_t pb_kernel_default_size(int32_t kernel, int32_t profile);

/* --- pool ----------------------------------------------------------------------- */
/* Natively, starts W-1 helper threads. In wasm, starts none: the JS driver starts W-1
 * helper workers, each calling pb_stack_enter(pb_pool_helper_stack(pool, i)) (the value
 * obtained by the driver) and then pb_worker_main(pool, i), i = 1..W-1. */
PB_EXPORT(pb_pool_create) pb_pool *pb_pool_create(int32_t workers);
/* Blocks until all W-1 helpers have entered the pool (the start-up handshake), or the
 * timeout passes (PB_ERR_THREAD). Natively returns PB_OK once the threads are up.
 * timeout_ms < 0 waits without limit. */
PB_EXPORT(pb_pool_wait_ready) int32_t pb_pool_wait_ready(pb_pool *pool, int32_t timeout_ms);
/* W (the pool's size, whatever pb_pool_use_workers chose), or 0 (and PB_ERR_STATE) for a
 * NULL pool. */
PB_EXPORT(pb_pool_workers) int32_t pb_pool_workers(pb_pool *pool);
/* From the next step on, parallel regions run on workers 0..workers-1 only, exactly as in a
 * pool of that many: what kernels see as the worker count is `workers` (forkjoin's leaves,
 * histogram's private bins), and every checksum is the same for every count. Helpers at
 * index >= workers park, each asleep on a futex word of its own (no spinning, no stealing,
 * nobody steals from them), until a later call takes them back; the call returns once they
 * have parked, and once the helpers taken back have left their parks. Benches created at W
 * stay valid for any count. Controller only, between steps, after pb_pool_wait_ready
 * succeeded. Returns PB_OK, PB_ERR_WORKERS for workers outside 1..W, PB_ERR_STATE for a
 * NULL pool or helpers not yet ready. Added within ABI version 1: callers feature-detect the
 * export, which libraries and modules built before it lack. */
PB_EXPORT(pb_pool_use_workers) int32_t pb_pool_use_workers(pb_pool *pool, int32_t workers);
/* Accounting (src/main/c/README.md, "Accounting"): the pool counts, per worker, the time it
 * spends busy, searching for work (stealing, spinning, yielding), asleep and parked, and what
 * happens in its idle life. pb_pool_stats_reset starts a window; pb_pool_stats_read returns
 * what happened since, pb_pool_stats_size(pool) values in a buffer of the pool's (valid until
 * the next read or pb_pool_destroy; in wasm, in the module's memory): a header of
 * PB_STATS_HEADER values, then one record of [0] values per worker 0..W-1 (the fields below;
 * a reader must take [0] as the record length, since later versions may append fields). Times in ns; every record's four times add up to the window. Worker 0 is busy
 * whenever it is not searching, asleep or parked, so also between steps: reset right before
 * the steps to account and read right after. Controller only, between steps. Libraries built
 * with PB_STATS=0 (for measuring what the accounting costs) fail reset and read with
 * PB_ERR_STATE. Added within ABI version 1: feature-detect the exports. */
enum pb_stats_header { PB_STATS_RECORD_LENGTH, PB_STATS_WORKERS, PB_STATS_ACTIVE, PB_STATS_WINDOW_NS, PB_STATS_HEADER };
enum pb_stats_field {
    PB_STATS_BUSY_NS,         /* running tasks (worker 0: also outside parallel regions) */
    PB_STATS_SEARCHING_NS,    /* looking for work: steal passes, spinning, yielding */
    PB_STATS_ASLEEP_NS,       /* asleep, waiting for work */
    PB_STATS_PARKED_NS,       /* left out by pb_pool_use_workers */
    PB_STATS_STEALS,          /* jobs taken from other workers */
    PB_STATS_FAILED_STEALS,   /* passes over the other workers' deques that found nothing */
    PB_STATS_SLEEPS,          /* times fallen asleep */
    PB_STATS_WAKEUPS,         /* sleeps ended by a wake-up (not by work seen before sleeping) */
    PB_STATS_WAKE_LATENCY_NS, /* summed over wake-ups: from the first notify after it fell asleep
                               * to this worker running */
    PB_STATS_REGIONS,         /* outermost pb_join / pb_parallel_for calls (worker 0) */
    PB_STATS_FIELDS
};
/* PB_STATS_HEADER + W * PB_STATS_FIELDS, or 0 (and PB_ERR_STATE) for a NULL pool. */
PB_EXPORT(pb_pool_stats_size) int32_t pb_pool_stats_size(pb_pool *pool);
PB_EXPORT(pb_pool_stats_reset) int32_t pb_pool_stats_reset(pb_pool *pool);
/* The values, or NULL (and PB_ERR_STATE). */
PB_EXPORT(pb_pool_stats_read) const int64_t *pb_pool_stats_read(pb_pool *pool);
/* What the accounting's clock costs here: reads it `reads` times (2 .. 10^8) and returns two
 * values in a static buffer (valid until the next call): [0] the ns from the first reading to
 * the last, [1] the smallest step between two readings that differed (the clock's resolution;
 * 0 if none did). NULL (and PB_ERR_SIZE) for a count out of range. */
PB_EXPORT(pb_clock_probe) const int64_t *pb_clock_probe(int32_t reads);
/* Stops and joins (natively) the helpers; in wasm the helpers return from pb_worker_main,
 * and this waits until every helper that entered has left. Benches of the pool must not
 * be stepped afterwards (pb_bench_destroy is fine before or after). */
PB_EXPORT(pb_pool_destroy) void pb_pool_destroy(pb_pool *pool);

/* --- benchmark instances ---------------------------------------------------------- */
/* Allocates and fills the kernel's input for (kernel, size, seed). */
PB_EXPORT(pb_bench_create) pb_bench *pb_bench_create(pb_pool *pool, int32_t kernel, int64_t size, uint64_t seed);
/* One step (one full pass), run on the bench's pool; the caller is worker 0. */
PB_EXPORT(pb_bench_step) int32_t pb_bench_step(pb_bench *bench);
/* Checksum of the last step's output (KERNELS.md); 0 before the first step (and, with
 * PB_ERR_STATE, for a NULL bench). Computed here, outside the step. */
PB_EXPORT(pb_bench_checksum) uint64_t pb_bench_checksum(pb_bench *bench);
/* How many times the kernel's step ran on this bench: one per pb_bench_step, plus the extra
 * ones of a build slowed for calibration (PB_EXTRA_WORK_PERCENT, src/main/c/README.md); -1
 * (and PB_ERR_STATE) for a NULL bench. Diagnostics and tests; feature-detect it as above. */
PB_EXPORT(pb_bench_kernel_steps) int64_t pb_bench_kernel_steps(pb_bench *bench);
PB_EXPORT(pb_bench_destroy) void pb_bench_destroy(pb_bench *bench);

#ifdef __wasm__
/* --- wasm helpers only ------------------------------------------------------------ *
 * The module imports env.memory: shared, minimum 32 pages (2 MiB), maximum 16384 pages
 * (1 GiB); e.g. new WebAssembly.Memory({initial: 32, maximum: 16384, shared: true}); and
 * env.pb_clock_ms, the accounting's clock: () => ms on a clock every instance shares
 * (pool.js's moduleImports gives both).
 * The first 1 MiB is the controller's stack: the controller is any one instance that
 * never called pb_stack_enter (the driver's). Each helper worker instantiates the same
 * module on the same memory, then calls pb_stack_enter and pb_worker_main with its own,
 * distinct index. pb_worker_main returns once pb_pool_destroy was called; the worker may
 * then end, or serve another pool (pb_stack_enter with that pool's stack, pb_worker_main).
 * Call pb_pool_destroy only after pb_pool_wait_ready succeeded, or after ending the
 * helper workers that did not start: a helper entering a destroyed pool would use freed
 * memory. Memory can grow in pb_pool_create/pb_bench_create: re-create typed-array views
 * after them. */
/* Top of the shadow stack (256 KiB) reserved for helper i (1..W-1) of the pool, or 0
 * (and PB_ERR_STATE) for a NULL pool or an index out of range. */
PB_EXPORT(pb_pool_helper_stack) uint32_t pb_pool_helper_stack(pb_pool *pool, int32_t index);
/* Sets this instance's __stack_pointer; must be a helper's first call. */
PB_EXPORT(pb_stack_enter) void pb_stack_enter(uint32_t stack_top);
/* A helper's whole life: handshake, then steal/run/sleep until the pool is destroyed. */
PB_EXPORT(pb_worker_main) void pb_worker_main(pb_pool *pool, int32_t index);
#endif

#endif /* PARBENCH_H */
