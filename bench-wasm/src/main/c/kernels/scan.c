/*
 * scan: the inclusive prefix sum of u64 keys (wrapping) of KERNELS.md, in blocks of SCAN_BLOCK
 * keys that depend only on n. Pass 1 sums each block, one worker turns the block sums into each
 * block's offset (an exclusive scan, in place), pass 2 writes each block's prefix sums from its
 * offset. Memory-bound: the input is read twice and the output written once.
 */
#include "kernel.h"

#define SCAN_BLOCK 16384 /* keys per block: KERNELS.md defines it, do not tune */
#define SCAN_GRAIN 1     /* tuning: blocks per piece of a parallel pass */

enum { KEYS, OUT, BLOCK_SUMS };

static int64_t block_count(int64_t n) { return (int64_t)(((uint64_t)n + SCAN_BLOCK - 1) / SCAN_BLOCK); }

/* Block b covers [b * SCAN_BLOCK, block_end(n, b)). */
static int64_t block_end(int64_t n, int64_t b) { return (b + 1) * SCAN_BLOCK < n ? (b + 1) * SCAN_BLOCK : n; }

static int scan_plan(int64_t n, int32_t workers, pb_buffer_request *request) {
    (void)workers;
    request[KEYS] = (pb_buffer_request){(uint64_t)n, sizeof(uint64_t)};
    request[OUT] = (pb_buffer_request){(uint64_t)n, sizeof(uint64_t)};
    request[BLOCK_SUMS] = (pb_buffer_request){(uint64_t)block_count(n), sizeof(uint64_t)};
    return 3;
}

static void scan_fill(pb_worker *worker, void *context, int64_t lo, int64_t hi) {
    (void)worker;
    pb_bench *bench = context;
    uint64_t *key = bench->buffer[KEYS];
    pb_splitmix g = pb_bench_generator_at(bench, (uint64_t)lo);
    for (int64_t i = lo; i < hi; i++) key[i] = pb_next(&g);
}

static void scan_init(pb_bench *bench) { pb_bench_fill(bench, scan_fill); }

/* Pass 1: block_sum[b] = the sum of block b's keys. */
static void sum_blocks(pb_worker *worker, void *context, int64_t lo, int64_t hi) {
    (void)worker;
    const pb_bench *bench = context;
    const uint64_t *key = bench->buffer[KEYS];
    uint64_t *block_sum = bench->buffer[BLOCK_SUMS];
    for (int64_t b = lo; b < hi; b++) {
        uint64_t sum = 0;
        for (int64_t i = b * SCAN_BLOCK, end = block_end(bench->n, b); i < end; i++) sum += key[i];
        block_sum[b] = sum;
    }
}

/* Pass 2: block b's prefix sums, from its offset (block_sum[b] after the exclusive scan). */
static void scan_blocks(pb_worker *worker, void *context, int64_t lo, int64_t hi) {
    (void)worker;
    const pb_bench *bench = context;
    const uint64_t *restrict key = bench->buffer[KEYS];
    uint64_t *restrict out = bench->buffer[OUT];
    const uint64_t *offset = bench->buffer[BLOCK_SUMS];
    for (int64_t b = lo; b < hi; b++) {
        uint64_t sum = offset[b];
        for (int64_t i = b * SCAN_BLOCK, end = block_end(bench->n, b); i < end; i++) {
            sum += key[i];
            out[i] = sum;
        }
    }
}

static void scan_step(pb_bench *bench, pb_worker *worker) {
    int64_t blocks = block_count(bench->n);
    uint64_t *block_sum = bench->buffer[BLOCK_SUMS];
    pb_parallel_for(worker, 0, blocks, SCAN_GRAIN, sum_blocks, bench);
    uint64_t offset = 0;
    for (int64_t b = 0; b < blocks; b++) {
        uint64_t sum = block_sum[b];
        block_sum[b] = offset;
        offset += sum;
    }
    pb_parallel_for(worker, 0, blocks, SCAN_GRAIN, scan_blocks, bench);
}

static uint64_t scan_checksum(const pb_bench *bench) { return pb_hash_u64s(bench->buffer[OUT], (uint64_t)bench->n); }

const pb_kernel_ops pb_kernel_scan = {scan_plan, scan_init, scan_step, scan_checksum};
