/*
 * forkjoin: what a parallel region costs. A fixed amount of light work, mix64(i) summed over
 * [0, n), is split into exactly W leaves (leaf k covers [k*n/W, (k+1)*n/W)) by recursive joins,
 * so a step at W workers against a step at one shows what dividing it cost. (The work is not a
 * plain sum of the indices: compilers turn that into a closed form, and the leaves do nothing.)
 */
#include "kernel.h"

typedef struct leaf_range {
    int64_t n;
    int32_t workers;
    int32_t first, last; /* leaves [first, last) */
    uint64_t sum;
} leaf_range;

/* floor(k * n / W) without overflowing: k*n = k*(q*W + r). */
static int64_t leaf_start(int64_t n, int32_t workers, int32_t k) {
    return (int64_t)k * (n / workers) + ((int64_t)k * (n % workers)) / workers;
}

static void leaves_task(pb_worker *worker, void *arg) {
    leaf_range *range = arg;
    if (range->last - range->first == 1) {
        int64_t lo = leaf_start(range->n, range->workers, range->first);
        int64_t hi = leaf_start(range->n, range->workers, range->last);
        uint64_t sum = 0;
        for (int64_t i = lo; i < hi; i++) sum += pb_mix64((uint64_t)i);
        range->sum = sum;
        return;
    }
    int32_t mid = range->first + (range->last - range->first) / 2;
    leaf_range left = {range->n, range->workers, range->first, mid, 0};
    leaf_range right = {range->n, range->workers, mid, range->last, 0};
    pb_join(worker, leaves_task, &left, leaves_task, &right);
    range->sum = left.sum + right.sum;
}

static int forkjoin_plan(int64_t n, int32_t workers, pb_buffer_request *request) {
    (void)n;
    (void)workers;
    (void)request;
    return 0;
}

static void forkjoin_step(pb_bench *bench, pb_worker *worker) {
    leaf_range root = {bench->n, bench->workers, 0, bench->workers, 0};
    leaves_task(worker, &root);
    bench->result_u64 = root.sum;
}

static uint64_t forkjoin_checksum(const pb_bench *bench) { return bench->result_u64; }

const pb_kernel_ops pb_kernel_forkjoin = {forkjoin_plan, 0, forkjoin_step, forkjoin_checksum};
