/*
 * axpy: out = a * x + y into a separate array, so every step writes the same output.
 */
#include "kernel.h"

#define AXPY_A 0.75
#define AXPY_GRAIN 16384

enum { X, Y, OUT };

static int axpy_plan(int64_t n, int32_t workers, pb_buffer_request *request) {
    (void)workers;
    for (int i = X; i <= OUT; i++) request[i] = (pb_buffer_request){(uint64_t)n, sizeof(double)};
    return 3;
}

/* x takes the first n draws, y the next n. */
static void axpy_fill(pb_worker *worker, void *context, int64_t lo, int64_t hi) {
    (void)worker;
    pb_bench *bench = context;
    double *x = bench->buffer[X], *y = bench->buffer[Y];
    pb_splitmix g = pb_bench_generator_at(bench, (uint64_t)lo);
    for (int64_t i = lo; i < hi; i++) x[i] = pb_signed(&g);
    g = pb_bench_generator_at(bench, (uint64_t)(bench->n + lo));
    for (int64_t i = lo; i < hi; i++) y[i] = pb_signed(&g);
}

static void axpy_init(pb_bench *bench) { pb_bench_fill(bench, axpy_fill); }

static void axpy_range(pb_worker *worker, void *context, int64_t lo, int64_t hi) {
    (void)worker;
    const pb_bench *bench = context;
    const double *restrict x = bench->buffer[X], *restrict y = bench->buffer[Y];
    double *restrict out = bench->buffer[OUT];
    for (int64_t i = lo; i < hi; i++) out[i] = AXPY_A * x[i] + y[i];
}

static void axpy_step(pb_bench *bench, pb_worker *worker) {
    pb_parallel_for(worker, 0, bench->n, AXPY_GRAIN, axpy_range, bench);
}

static uint64_t axpy_checksum(const pb_bench *bench) { return pb_hash_f64s(bench->buffer[OUT], (uint64_t)bench->n); }

const pb_kernel_ops pb_kernel_axpy = {axpy_plan, axpy_init, axpy_step, axpy_checksum};
