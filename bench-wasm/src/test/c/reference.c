#include "reference.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const uint64_t golden = 0x9E3779B97F4A7C15ULL;

static uint64_t mix64(uint64_t z) {
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
    return z ^ (z >> 31);
}

typedef struct generator {
    uint64_t state;
} generator;

static generator generator_for(uint64_t tag, int64_t n, uint64_t seed) {
    generator g = {seed + tag * golden + (uint64_t)n * 0xD1B54A32D192ED03ULL};
    return g;
}

static uint64_t next(generator *g) {
    g->state += golden;
    return mix64(g->state);
}

static double unit(generator *g) { return (next(g) >> 11) * 0x1.0p-53; }

static double signed_unit(generator *g) { return 2.0 * unit(g) - 1.0; }

static uint64_t bits(double v) {
    uint64_t b;
    memcpy(&b, &v, sizeof b);
    return b;
}

typedef struct hasher {
    uint64_t h;
} hasher;

static hasher hash_start(uint64_t m) { return (hasher){0x243F6A8885A308D3ULL ^ m}; }

static void hash_put(hasher *s, uint64_t v) { s->h = mix64(s->h ^ v); }

static double sum_tree(const double *x, int64_t lo, int64_t hi) {
    if (hi - lo <= 4096) {
        double s = 0.0;
        for (int64_t i = lo; i < hi; i++) s = s + x[i];
        return s;
    }
    int64_t mid = lo + (hi - lo) / 2;
    double left = sum_tree(x, lo, mid);
    double right = sum_tree(x, mid, hi);
    return left + right;
}

static uint64_t sum(int64_t n, uint64_t seed) {
    generator g = generator_for(1, n, seed);
    double *x = malloc(sizeof *x * n);
    for (int64_t i = 0; i < n; i++) x[i] = signed_unit(&g);
    uint64_t r = bits(sum_tree(x, 0, n));
    free(x);
    return r;
}

static uint64_t histogram(int64_t n, uint64_t seed) {
    generator g = generator_for(2, n, seed);
    uint64_t count[1024] = {0};
    for (int64_t i = 0; i < n; i++) {
        uint32_t key = (uint32_t)(next(&g) >> 32);
        count[key >> 22]++;
    }
    hasher h = hash_start(1024);
    for (int b = 0; b < 1024; b++) hash_put(&h, count[b]);
    return h.h;
}

static uint64_t axpy(int64_t n, uint64_t seed) {
    generator g = generator_for(3, n, seed);
    double *x = malloc(sizeof *x * n), *y = malloc(sizeof *y * n);
    for (int64_t i = 0; i < n; i++) x[i] = signed_unit(&g);
    for (int64_t i = 0; i < n; i++) y[i] = signed_unit(&g);
    hasher h = hash_start(n);
    for (int64_t i = 0; i < n; i++) hash_put(&h, bits(0.75 * x[i] + y[i]));
    free(x);
    free(y);
    return h.h;
}

static uint64_t nbody(int64_t n, uint64_t seed) {
    generator g = generator_for(4, n, seed);
    double(*body)[7] = malloc(sizeof *body * n); /* px py pz vx vy vz m */
    for (int64_t i = 0; i < n; i++) {
        for (int k = 0; k < 3; k++) body[i][k] = signed_unit(&g);
        for (int k = 3; k < 6; k++) body[i][k] = 0.01 * signed_unit(&g);
        body[i][6] = 0.1 + 0.9 * unit(&g);
    }
    hasher h = hash_start(6 * (uint64_t)n);
    for (int64_t i = 0; i < n; i++) {
        double ax = 0.0, ay = 0.0, az = 0.0;
        for (int64_t j = 0; j < n; j++) {
            double dx = body[j][0] - body[i][0];
            double dy = body[j][1] - body[i][1];
            double dz = body[j][2] - body[i][2];
            double d2 = dx * dx + dy * dy + dz * dz + 0.01;
            double s = body[j][6] * (1.0 / (d2 * sqrt(d2)));
            ax = ax + dx * s;
            ay = ay + dy * s;
            az = az + dz * s;
        }
        double nvx = body[i][3] + ax * 0.001, nvy = body[i][4] + ay * 0.001, nvz = body[i][5] + az * 0.001;
        double npx = body[i][0] + nvx * 0.001, npy = body[i][1] + nvy * 0.001, npz = body[i][2] + nvz * 0.001;
        double out[6] = {npx, npy, npz, nvx, nvy, nvz};
        for (int k = 0; k < 6; k++) hash_put(&h, bits(out[k]));
    }
    free(body);
    return h.h;
}

static uint64_t mandelbrot(int64_t n) {
    double d = 2.5 / n;
    hasher h = hash_start((uint64_t)n * n);
    for (int64_t py = 0; py < n; py++) {
        for (int64_t px = 0; px < n; px++) {
            double cx = -2.0 + px * d, cy = -1.25 + py * d;
            double zx = 0.0, zy = 0.0;
            int it = 0;
            while (it < 256) {
                double x2 = zx * zx, y2 = zy * zy;
                if (x2 + y2 > 4.0) break;
                zy = 2.0 * zx * zy + cy;
                zx = x2 - y2 + cx;
                it = it + 1;
            }
            hash_put(&h, (uint64_t)it);
        }
    }
    return h.h;
}

static int compare_signed(const void *a, const void *b) {
    int64_t x = *(const int64_t *)a, y = *(const int64_t *)b;
    return (x > y) - (x < y);
}

static uint64_t sort(int64_t n, uint64_t seed) {
    generator g = generator_for(6, n, seed);
    int64_t *key = malloc(sizeof *key * n);
    for (int64_t i = 0; i < n; i++) key[i] = (int64_t)next(&g);
    qsort(key, n, sizeof *key, compare_signed);
    hasher h = hash_start(n);
    for (int64_t i = 0; i < n; i++) hash_put(&h, (uint64_t)key[i]);
    free(key);
    return h.h;
}

/* However the leaves split [0, n), u64 addition wraps the same: the total is one sum. */
static uint64_t forkjoin(int64_t n) {
    uint64_t total = 0;
    for (int64_t i = 0; i < n; i++) total += mix64((uint64_t)i);
    return total;
}

static uint64_t scan(int64_t n, uint64_t seed) {
    generator g = generator_for(8, n, seed);
    hasher h = hash_start(n);
    uint64_t sum = 0;
    for (int64_t i = 0; i < n; i++) {
        sum += next(&g);
        hash_put(&h, sum);
    }
    return h.h;
}

uint64_t reference_checksum(const char *kernel, int64_t n, uint64_t seed) {
    if (strcmp(kernel, "sum") == 0) return sum(n, seed);
    if (strcmp(kernel, "histogram") == 0) return histogram(n, seed);
    if (strcmp(kernel, "axpy") == 0) return axpy(n, seed);
    if (strcmp(kernel, "nbody") == 0) return nbody(n, seed);
    if (strcmp(kernel, "mandelbrot") == 0) return mandelbrot(n);
    if (strcmp(kernel, "sort") == 0) return sort(n, seed);
    if (strcmp(kernel, "forkjoin") == 0) return forkjoin(n);
    if (strcmp(kernel, "scan") == 0) return scan(n, seed);
    /* The calibration kernels split forkjoin's work differently: the same total. */
    if (strcmp(kernel, "serial") == 0) return forkjoin(n);
    if (strcmp(kernel, "imbalanced") == 0) return forkjoin(n);
    fprintf(stderr, "reference.c has no reference for kernel %s: add one, straight from KERNELS.md\n", kernel);
    abort();
}
