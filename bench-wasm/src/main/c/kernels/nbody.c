/*
 * nbody: one simulation step from the input state. Each body's acceleration is an ordered
 * sum over j, so the j loop cannot be reordered; instead four bodies i advance together
 * over the same j (vector lanes), each lane adding in exactly the defined order.
 */
#include "kernel.h"

#define EPS2 0.01
#define DT 0.001
#define NBODY_GRAIN_QUADS 2 /* groups of four bodies per piece */

enum { PX, PY, PZ, VX, VY, VZ, MASS, NPX, NPY, NPZ, NVX, NVY, NVZ, NBODY_ARRAYS };

typedef double v4d __attribute__((vector_size(32)));

static int nbody_plan(int64_t n, int32_t workers, pb_buffer_request *request) {
    (void)workers;
    for (int i = 0; i < NBODY_ARRAYS; i++) request[i] = (pb_buffer_request){(uint64_t)n, sizeof(double)};
    return NBODY_ARRAYS;
}

static void nbody_init(pb_bench *bench) {
    double **a = (double **)bench->buffer;
    pb_splitmix g = pb_bench_generator(bench);
    for (int64_t i = 0; i < bench->n; i++) {
        a[PX][i] = pb_signed(&g);
        a[PY][i] = pb_signed(&g);
        a[PZ][i] = pb_signed(&g);
        a[VX][i] = 0.01 * pb_signed(&g);
        a[VY][i] = 0.01 * pb_signed(&g);
        a[VZ][i] = 0.01 * pb_signed(&g);
        a[MASS][i] = 0.1 + 0.9 * pb_unit(&g);
    }
}

static inline v4d sqrt4(v4d v) {
    return (v4d){__builtin_sqrt(v[0]), __builtin_sqrt(v[1]), __builtin_sqrt(v[2]), __builtin_sqrt(v[3])};
}

static void store_body(double *const *a, int64_t i, double ax, double ay, double az) {
    double nvx = a[VX][i] + ax * DT, nvy = a[VY][i] + ay * DT, nvz = a[VZ][i] + az * DT;
    a[NVX][i] = nvx;
    a[NVY][i] = nvy;
    a[NVZ][i] = nvz;
    a[NPX][i] = a[PX][i] + nvx * DT;
    a[NPY][i] = a[PY][i] + nvy * DT;
    a[NPZ][i] = a[PZ][i] + nvz * DT;
}

/* Bodies i .. i+3 together. */
static void advance_four(double *const *a, int64_t n, int64_t i) {
    const double *px = a[PX], *py = a[PY], *pz = a[PZ], *m = a[MASS];
    v4d xi = {px[i], px[i + 1], px[i + 2], px[i + 3]};
    v4d yi = {py[i], py[i + 1], py[i + 2], py[i + 3]};
    v4d zi = {pz[i], pz[i + 1], pz[i + 2], pz[i + 3]};
    v4d ax = {0.0, 0.0, 0.0, 0.0}, ay = ax, az = ax;
    for (int64_t j = 0; j < n; j++) {
        v4d dx = px[j] - xi, dy = py[j] - yi, dz = pz[j] - zi;
        v4d d2 = dx * dx + dy * dy + dz * dz + EPS2;
        v4d s = m[j] * (1.0 / (d2 * sqrt4(d2)));
        ax = ax + dx * s;
        ay = ay + dy * s;
        az = az + dz * s;
    }
    for (int l = 0; l < 4; l++) store_body(a, i + l, ax[l], ay[l], az[l]);
}

static void advance_one(double *const *a, int64_t n, int64_t i) {
    const double *px = a[PX], *py = a[PY], *pz = a[PZ], *m = a[MASS];
    double ax = 0.0, ay = 0.0, az = 0.0;
    for (int64_t j = 0; j < n; j++) {
        double dx = px[j] - px[i], dy = py[j] - py[i], dz = pz[j] - pz[i];
        double d2 = dx * dx + dy * dy + dz * dz + EPS2;
        double s = m[j] * (1.0 / (d2 * __builtin_sqrt(d2)));
        ax = ax + dx * s;
        ay = ay + dy * s;
        az = az + dz * s;
    }
    store_body(a, i, ax, ay, az);
}

static void advance_quads(pb_worker *worker, void *context, int64_t lo, int64_t hi) {
    (void)worker;
    const pb_bench *bench = context;
    double *const *a = (double *const *)bench->buffer;
    int64_t n = bench->n;
    for (int64_t q = lo; q < hi; q++) {
        int64_t i = 4 * q;
        if (i + 4 <= n) {
            advance_four(a, n, i);
        } else {
            for (; i < n; i++) advance_one(a, n, i);
        }
    }
}

static void nbody_step(pb_bench *bench, pb_worker *worker) {
    pb_parallel_for(worker, 0, (bench->n + 3) / 4, NBODY_GRAIN_QUADS, advance_quads, bench);
}

static uint64_t nbody_checksum(const pb_bench *bench) {
    double *const *a = (double *const *)bench->buffer;
    uint64_t h = pb_hash_begin(6 * (uint64_t)bench->n);
    for (int64_t i = 0; i < bench->n; i++) {
        h = pb_hash_add(h, pb_f64_bits(a[NPX][i]));
        h = pb_hash_add(h, pb_f64_bits(a[NPY][i]));
        h = pb_hash_add(h, pb_f64_bits(a[NPZ][i]));
        h = pb_hash_add(h, pb_f64_bits(a[NVX][i]));
        h = pb_hash_add(h, pb_f64_bits(a[NVY][i]));
        h = pb_hash_add(h, pb_f64_bits(a[NVZ][i]));
    }
    return h;
}

const pb_kernel_ops pb_kernel_nbody = {nbody_plan, nbody_init, nbody_step, nbody_checksum};
