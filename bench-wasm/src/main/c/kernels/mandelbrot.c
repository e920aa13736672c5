/*
 * mandelbrot: escape counts of an n x n image, one row per piece so stealing balances the
 * uneven rows. Four pixels iterate together in vector lanes; a lane stops counting once
 * its pixel escapes (later iterations of that lane are discarded), so every count is
 * exactly the scalar loop's.
 */
#include "kernel.h"

#define MAX_ITERATIONS 256
#define CHECK_EVERY 4 /* divides MAX_ITERATIONS */

typedef double v4d __attribute__((vector_size(32)));
typedef int64_t v4l __attribute__((vector_size(32)));

static int mandelbrot_plan(int64_t n, int32_t workers, pb_buffer_request *request) {
    (void)workers;
    uint64_t pixels;
    if (!pb_mul_u64((uint64_t)n, (uint64_t)n, &pixels)) return -1;
    request[0] = (pb_buffer_request){pixels, sizeof(int32_t)};
    return 1;
}

static void count_row(int32_t *row, int64_t n, double d, double cy) {
    for (int64_t px = 0; px < n; px += 4) {
        v4d cx = {-2.0 + (double)px * d, -2.0 + (double)(px + 1) * d, -2.0 + (double)(px + 2) * d,
                  -2.0 + (double)(px + 3) * d};
        v4d zx = {0.0, 0.0, 0.0, 0.0}, zy = zx;
        v4l count = {0, 0, 0, 0}, active = {-1, -1, -1, -1};
        /* Whether any lane is still active is asked only every CHECK_EVERY iterations:
         * moving a mask out of the vector unit each iteration costs more than a few
         * extra iterations of finished lanes (which no longer count). */
        for (int it = 0; it < MAX_ITERATIONS; it += CHECK_EVERY) {
            for (int u = 0; u < CHECK_EVERY; u++) {
                v4d x2 = zx * zx, y2 = zy * zy;
                active &= x2 + y2 <= 4.0; /* an active lane is never NaN: "not > 4.0" */
                count -= active;
                zy = 2.0 * zx * zy + cy;
                zx = x2 - y2 + cx;
            }
            if (!(active[0] | active[1] | active[2] | active[3])) break;
        }
        for (int l = 0; l < 4 && px + l < n; l++) row[px + l] = (int32_t)count[l];
    }
}

static void count_rows(pb_worker *worker, void *context, int64_t lo, int64_t hi) {
    (void)worker;
    const pb_bench *bench = context;
    int64_t n = bench->n;
    double d = 2.5 / (double)n;
    for (int64_t py = lo; py < hi; py++) count_row((int32_t *)bench->buffer[0] + py * n, n, d, -1.25 + (double)py * d);
}

static void mandelbrot_step(pb_bench *bench, pb_worker *worker) {
    pb_parallel_for(worker, 0, bench->n, 1, count_rows, bench);
}

static uint64_t mandelbrot_checksum(const pb_bench *bench) {
    const int32_t *count = bench->buffer[0];
    uint64_t pixels = (uint64_t)bench->n * (uint64_t)bench->n;
    uint64_t h = pb_hash_begin(pixels);
    for (uint64_t i = 0; i < pixels; i++) h = pb_hash_add(h, (uint64_t)count[i]);
    return h;
}

const pb_kernel_ops pb_kernel_mandelbrot = {mandelbrot_plan, 0, mandelbrot_step, mandelbrot_checksum};
