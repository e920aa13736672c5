/*
 * kernel.h: what each kernel file provides to the registry (kernels.c, with the rows of
 * kernels.def), and the bench instance they share. A kernel declares its buffers (so the
 * registry can check sizes, allocate and free in one place), fills its input, runs a step
 * and hashes its output.
 */
#ifndef PB_KERNEL_H
#define PB_KERNEL_H

#include <stdint.h>

#include "../parbench.h"
#include "../runtime/pool.h"
#include "splitmix.h"

#define PB_MAX_BUFFERS 16

typedef struct pb_buffer_request {
    uint64_t count;     /* elements */
    uint32_t elem_size; /* bytes per element */
} pb_buffer_request;

/* What kernels/<name>.c defines as pb_kernel_<name>. */
typedef struct pb_kernel_ops {
    /* Fills request[] with the buffers needed for size n on `workers` workers; returns how
     * many, or -1 if an element count overflows 64 bits. */
    int (*plan)(int64_t n, int32_t workers, pb_buffer_request *request);
    /* Fills the input buffers (may be NULL: nothing to fill). */
    void (*init)(pb_bench *bench);
    /* One step, on the calling worker 0. */
    void (*step)(pb_bench *bench, pb_worker *worker);
    uint64_t (*checksum)(const pb_bench *bench);
} pb_kernel_ops;

/* A row of kernels.def with its operations. */
typedef struct pb_kernel {
    const char *name;
    uint64_t tag;    /* SplitMix64 TAG of KERNELS.md */
    int64_t size[3]; /* per pb_profile */
    const pb_kernel_ops *ops;
} pb_kernel;

struct pb_bench {
    const pb_kernel *kernel;
    pb_pool *pool;
    int64_t n;
    uint64_t seed;
    /* Workers taking part in the current step: the pool's active count, set by each
     * pb_bench_step (buffers are planned for the pool's size W, the most it can be). */
    int32_t workers;
    int64_t calls;        /* pb_bench_step calls */
    int64_t kernel_steps; /* runs of kernel->step: calls, plus a slowed build's extra ones */
    int32_t buffers;
    void *buffer[PB_MAX_BUFFERS]; /* in the order of the kernel's plan */
    double result_f64;            /* scalar results of reductions */
    uint64_t result_u64;
};

static inline pb_splitmix pb_bench_generator(const pb_bench *bench) {
    return pb_splitmix_init(bench->kernel->tag, bench->n, bench->seed);
}

/* The bench's generator after `draws` draws: SplitMix64's state is a counter, so any draw is
 * known without the ones before it. */
static inline pb_splitmix pb_bench_generator_at(const pb_bench *bench, uint64_t draws) {
    pb_splitmix g = pb_bench_generator(bench);
    g.state += draws * PB_GOLDEN;
    return g;
}

/* Runs fill(worker, bench, lo, hi) over [0, bench->n) in pieces, on the pool's workers taking
 * part: a kernel's input, where element i takes its own draws (pb_bench_generator_at), so it is
 * the same whoever makes it. Fresh memory is slow to touch the first time (on a 2-core VM a
 * page fault per 4 KiB: 0.43 s for 128 MiB, against 0.03 s to compute the values), and each
 * worker then touches its share of the pages. */
void pb_bench_fill(pb_bench *bench, pb_range_fn fill);

#define PB_KERNEL(name, tag, unit, quick, normal, full, java_port, role) extern const pb_kernel_ops pb_kernel_##name;
#include "kernels.def"
#undef PB_KERNEL

/* *product = a * b; returns 0 on 64-bit overflow (no __builtin_mul_overflow: in wasm32
 * it needs a 128-bit multiply from a runtime library the freestanding build lacks). */
static inline int pb_mul_u64(uint64_t a, uint64_t b, uint64_t *product) {
    if (a != 0 && b > UINT64_MAX / a) return 0;
    *product = a * b;
    return 1;
}

/* hash() of KERNELS.md over whole arrays. */
uint64_t pb_hash_u64s(const uint64_t *v, uint64_t m);
uint64_t pb_hash_f64s(const double *v, uint64_t m);

#endif /* PB_KERNEL_H */
