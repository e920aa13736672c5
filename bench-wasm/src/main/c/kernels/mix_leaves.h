/*
 * mix_leaves.h: the light work of forkjoin and of the calibration kernels (serial,
 * imbalanced): mix64(i) summed as u64 over a range of indices, split into leaves by recursive
 * pb_join (each half a task an idle worker can steal). Where each leaf starts is the
 * kernel's choice; u64 addition wraps, so every split gives the same total.
 */
#ifndef PB_MIX_LEAVES_H
#define PB_MIX_LEAVES_H

#include "kernel.h"

/* Where leaf k of `leaves` starts within [0, n): start(n, leaves, 0) = 0 and
 * start(n, leaves, leaves) = n. */
typedef int64_t (*pb_leaf_start_fn)(int64_t n, int32_t leaves, int32_t k);

typedef struct pb_mix_leaves {
    int64_t offset, n; /* the leaves cover [offset, offset + n) */
    int32_t leaves;
    int32_t first, last; /* this task's leaves: [first, last) */
    pb_leaf_start_fn start;
    uint64_t sum; /* out: the sum over this task's leaves */
} pb_mix_leaves;

/* The plan of these kernels: no buffers. */
static inline int pb_mix_plan(int64_t n, int32_t workers, pb_buffer_request *request) {
    (void)n;
    (void)workers;
    (void)request;
    return 0;
}

/* The checksum of these kernels: the step's total. */
static inline uint64_t pb_mix_checksum(const pb_bench *bench) { return bench->result_u64; }

/* The sum of mix64(i) over [lo, hi). */
static inline uint64_t pb_mix_sum(int64_t lo, int64_t hi) {
    uint64_t sum = 0;
    for (int64_t i = lo; i < hi; i++) sum += pb_mix64((uint64_t)i);
    return sum;
}

/* Equal leaves: floor(k * n / leaves) without overflowing (k*n = k*(q*leaves + r)). */
static inline int64_t pb_even_leaf_start(int64_t n, int32_t leaves, int32_t k) {
    return (int64_t)k * (n / leaves) + ((int64_t)k * (n % leaves)) / leaves;
}

/* A task (pb_task_fn) summing the leaves [first, last) of a pb_mix_leaves into its sum. */
static inline void pb_mix_leaves_task(pb_worker *worker, void *arg) {
    pb_mix_leaves *range = arg;
    if (range->last - range->first == 1) {
        range->sum = pb_mix_sum(range->offset + range->start(range->n, range->leaves, range->first),
                                range->offset + range->start(range->n, range->leaves, range->last));
        return;
    }
    int32_t mid = range->first + (range->last - range->first) / 2;
    pb_mix_leaves left = *range, right = *range;
    left.last = mid;
    right.first = mid;
    pb_join(worker, pb_mix_leaves_task, &left, pb_mix_leaves_task, &right);
    range->sum = left.sum + right.sum;
}

#endif /* PB_MIX_LEAVES_H */
