/*
 * histogram: 1024 bins of the top 10 key bits. Each worker counts into its own bins
 * (indexed by the worker running the piece); the step ends by summing them.
 */
#include "kernel.h"

#define BINS 1024
#define HISTOGRAM_GRAIN 32768 /* keys per piece */

enum { KEYS, PRIVATE_BINS, COUNTS };

static int histogram_plan(int64_t n, int32_t workers, pb_buffer_request *request) {
    request[KEYS] = (pb_buffer_request){(uint64_t)n, sizeof(uint32_t)};
    request[PRIVATE_BINS] = (pb_buffer_request){(uint64_t)workers * BINS, sizeof(uint64_t)};
    request[COUNTS] = (pb_buffer_request){BINS, sizeof(uint64_t)};
    return 3;
}

static void histogram_fill(pb_worker *worker, void *context, int64_t lo, int64_t hi) {
    (void)worker;
    pb_bench *bench = context;
    uint32_t *key = bench->buffer[KEYS];
    pb_splitmix g = pb_bench_generator_at(bench, (uint64_t)lo);
    for (int64_t i = lo; i < hi; i++) key[i] = (uint32_t)(pb_next(&g) >> 32);
}

static void histogram_init(pb_bench *bench) { pb_bench_fill(bench, histogram_fill); }

static void count_keys(pb_worker *worker, void *context, int64_t lo, int64_t hi) {
    const pb_bench *bench = context;
    const uint32_t *key = bench->buffer[KEYS];
    uint64_t *bins = (uint64_t *)bench->buffer[PRIVATE_BINS] + (size_t)pb_worker_index(worker) * BINS;
/* Unrolled, clang vectorises the bin computation for wasm too: +8% in Chromium, native unchanged. */
#pragma clang loop unroll_count(8)
    for (const uint32_t *k = key + lo, *end = key + hi; k < end; k++) bins[*k >> 22]++;
}

static void histogram_step(pb_bench *bench, pb_worker *worker) {
    uint64_t *private_bins = bench->buffer[PRIVATE_BINS], *count = bench->buffer[COUNTS];
    __builtin_memset(private_bins, 0, sizeof(uint64_t) * BINS * (size_t)bench->workers);
    pb_parallel_for(worker, 0, bench->n, HISTOGRAM_GRAIN, count_keys, bench);
    for (int b = 0; b < BINS; b++) count[b] = 0;
    for (int32_t w = 0; w < bench->workers; w++)
        for (int b = 0; b < BINS; b++) count[b] += private_bins[(size_t)w * BINS + b];
}

static uint64_t histogram_checksum(const pb_bench *bench) { return pb_hash_u64s(bench->buffer[COUNTS], BINS); }

const pb_kernel_ops pb_kernel_histogram = {histogram_plan, histogram_init, histogram_step, histogram_checksum};
