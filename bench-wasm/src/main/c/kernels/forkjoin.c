/*
 * forkjoin: what a parallel region costs. A fixed amount of light work, mix64(i) summed over
 * [0, n), is split into exactly W leaves (leaf k covers [k*n/W, (k+1)*n/W)) by recursive joins,
 * so a step at W workers against a step at one shows what dividing it cost. (The work is not a
 * plain sum of the indices: compilers turn that into a closed form, and the leaves do nothing.)
 */
#include "mix_leaves.h"

static void forkjoin_step(pb_bench *bench, pb_worker *worker) {
    pb_mix_leaves root = {0, bench->n, bench->workers, 0, bench->workers, pb_even_leaf_start, 0};
    pb_mix_leaves_task(worker, &root);
    bench->result_u64 = root.sum;
}

const pb_kernel_ops pb_kernel_forkjoin = {pb_mix_plan, 0, forkjoin_step, pb_mix_checksum};
