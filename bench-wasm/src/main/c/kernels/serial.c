/*
 * serial: a calibration kernel with a known serial fraction (KERNELS.md). A step is forkjoin's
 * work, mix64(i) summed over [0, n), in two phases: worker 0 alone sums the first quarter
 * while the other workers wait, then the other three quarters are split into exactly W equal
 * leaves by recursive joins. Amdahl's law gives S(W) = 1 / (1/4 + (3/4) / W): 1.6 at W = 2.
 */
#include "mix_leaves.h"

/* The serial part is [0, n / SERIAL_DIVISOR): f = 1/4. */
#define SERIAL_DIVISOR 4

static void serial_step(pb_bench *bench, pb_worker *worker) {
    int64_t serial = bench->n / SERIAL_DIVISOR;
    uint64_t head = pb_mix_sum(0, serial);
    pb_mix_leaves rest = {serial, bench->n - serial, bench->workers, 0, bench->workers, pb_even_leaf_start, 0};
    pb_mix_leaves_task(worker, &rest);
    bench->result_u64 = head + rest.sum;
}

const pb_kernel_ops pb_kernel_serial = {pb_mix_plan, 0, serial_step, pb_mix_checksum};
