/*
 * imbalanced: a calibration kernel whose work is split unevenly on purpose (KERNELS.md). A step
 * is forkjoin's work, mix64(i) summed over [0, n), in exactly W leaves by recursive joins, but
 * leaf 0 (which worker 0 runs: a join's first task stays with the worker that splits) is twice
 * each other leaf: [0, 2n/(W+1)), then leaf k covers [(k+1)n/(W+1), (k+2)n/(W+1)). The step
 * lasts as long as leaf 0, so the helpers wait at the join: S(W) = (W + 1) / 2, 1.5 at W = 2.
 */
#include "mix_leaves.h"

/* Leaf 0 holds shares 0 and 1 of W + 1 equal shares; leaf k >= 1 holds share k + 1. */
static int64_t double_first_leaf_start(int64_t n, int32_t leaves, int32_t k) {
    return k == 0 ? 0 : pb_even_leaf_start(n, leaves + 1, k + 1);
}

static void imbalanced_step(pb_bench *bench, pb_worker *worker) {
    pb_mix_leaves root = {0, bench->n, bench->workers, 0, bench->workers, double_first_leaf_start, 0};
    pb_mix_leaves_task(worker, &root);
    bench->result_u64 = root.sum;
}

const pb_kernel_ops pb_kernel_imbalanced = {pb_mix_plan, 0, imbalanced_step, pb_mix_checksum};
