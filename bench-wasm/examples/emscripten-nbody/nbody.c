/*
 * nbody with Emscripten pthreads: an example of a module built elsewhere ("bring your own").
 *
 * It computes the nbody kernel of bench-wasm/KERNELS.md to the bit (same SplitMix64 input, same
 * operation order, same checksum), so its checksum must equal parbench's own for every worker
 * count. It does not use parbench's runtime: W-1 POSIX threads from Emscripten's pthread pool
 * wait on a barrier, and each step splits the bodies into W contiguous blocks, the calling thread
 * taking block 0.
 *
 * Build (see build.sh): emcc -O2 -pthread -sPTHREAD_POOL_SIZE=Module.pthreadPoolSize ...
 */
#include <emscripten/emscripten.h>
#include <math.h>
#include <pthread.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#define NBODY_TAG 4
#define GOLDEN 0x9E3779B97F4A7C15ull
#define EPS2 0.01
#define DT 0.001
#define MAX_WORKERS 256

static uint64_t mix64(uint64_t z) {
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
    return z ^ (z >> 31);
}

static uint64_t rng_state;

static uint64_t next_random(void) {
    rng_state += GOLDEN;
    return mix64(rng_state);
}

static double unit_random(void) {
    return (double)(next_random() >> 11) * 0x1.0p-53;
}

static double signed_random(void) {
    return 2.0 * unit_random() - 1.0;
}

/* Input state (px..m) and the step's output (npx..nvz), one array per coordinate. */
static int n;
static double *px, *py, *pz, *vx, *vy, *vz, *m;
static double *npx, *npy, *npz, *nvx, *nvy, *nvz;

/* Every array above, for allocation and release. */
static double **const arrays[] = {&px, &py, &pz, &vx, &vy, &vz, &m, &npx, &npy, &npz, &nvx, &nvy, &nvz};
#define ARRAY_COUNT (sizeof arrays / sizeof arrays[0])

static int workers;
static pthread_t helpers[MAX_WORKERS];
static pthread_barrier_t step_start, step_end;
static volatile int stopping;

static void advance_block(int worker) {
    int lo = (int)((int64_t)n * worker / workers);
    int hi = (int)((int64_t)n * (worker + 1) / workers);
    for (int i = lo; i < hi; i++) {
        double xi = px[i], yi = py[i], zi = pz[i];
        double ax = 0.0, ay = 0.0, az = 0.0;
        for (int j = 0; j < n; j++) {
            double dx = px[j] - xi;
            double dy = py[j] - yi;
            double dz = pz[j] - zi;
            double d2 = dx * dx + dy * dy + dz * dz + EPS2;
            double s = m[j] * (1.0 / (d2 * sqrt(d2)));
            ax = ax + dx * s;
            ay = ay + dy * s;
            az = az + dz * s;
        }
        nvx[i] = vx[i] + ax * DT;
        nvy[i] = vy[i] + ay * DT;
        nvz[i] = vz[i] + az * DT;
        npx[i] = xi + nvx[i] * DT;
        npy[i] = yi + nvy[i] * DT;
        npz[i] = zi + nvz[i] * DT;
    }
}

static void *helper_main(void *arg) {
    int worker = (int)(intptr_t)arg;
    for (;;) {
        pthread_barrier_wait(&step_start);
        if (stopping) return NULL;
        advance_block(worker);
        pthread_barrier_wait(&step_end);
    }
}

/* Makes the input and starts W-1 helper threads. Returns 0, or -1 for bad arguments, -2 when
 * memory runs out, -3 when a thread cannot start (the pool is smaller than W-1). */
EMSCRIPTEN_KEEPALIVE int nbody_setup(int worker_count, int64_t size, uint64_t seed) {
    if (worker_count < 1 || worker_count > MAX_WORKERS || size < 1 || size > (1 << 20)) return -1;
    n = (int)size;
    workers = worker_count;
    for (size_t a = 0; a < ARRAY_COUNT; a++) {
        if (!(*arrays[a] = malloc(sizeof(double) * (size_t)n))) return -2;
    }
    rng_state = seed + NBODY_TAG * GOLDEN + (uint64_t)size * 0xD1B54A32D192ED03ull;
    for (int i = 0; i < n; i++) {
        px[i] = signed_random();
        py[i] = signed_random();
        pz[i] = signed_random();
        vx[i] = 0.01 * signed_random();
        vy[i] = 0.01 * signed_random();
        vz[i] = 0.01 * signed_random();
        m[i] = 0.1 + 0.9 * unit_random();
    }
    stopping = 0;
    pthread_barrier_init(&step_start, NULL, (unsigned)workers);
    pthread_barrier_init(&step_end, NULL, (unsigned)workers);
    for (int w = 1; w < workers; w++) {
        if (pthread_create(&helpers[w], NULL, helper_main, (void *)(intptr_t)w) != 0) return -3;
    }
    return 0;
}

/* One simulation step from the input state, on all W threads. */
EMSCRIPTEN_KEEPALIVE void nbody_step(void) {
    pthread_barrier_wait(&step_start);
    advance_block(0);
    pthread_barrier_wait(&step_end);
}

/* KERNELS.md: hash of the raw bits of npx, npy, npz, nvx, nvy, nvz of body 0, then body 1, ... */
EMSCRIPTEN_KEEPALIVE uint64_t nbody_checksum(void) {
    uint64_t h = 0x243F6A8885A308D3ull ^ (6ull * (uint64_t)n);
    for (int i = 0; i < n; i++) {
        double values[6] = {npx[i], npy[i], npz[i], nvx[i], nvy[i], nvz[i]};
        for (int k = 0; k < 6; k++) {
            uint64_t bits;
            memcpy(&bits, &values[k], sizeof bits);
            h = mix64(h ^ bits);
        }
    }
    return h;
}

/* Stops and joins the helper threads, and frees the arrays. */
EMSCRIPTEN_KEEPALIVE void nbody_teardown(void) {
    stopping = 1;
    pthread_barrier_wait(&step_start);
    for (int w = 1; w < workers; w++) pthread_join(helpers[w], NULL);
    pthread_barrier_destroy(&step_start);
    pthread_barrier_destroy(&step_end);
    for (size_t a = 0; a < ARRAY_COUNT; a++) {
        free(*arrays[a]);
        *arrays[a] = NULL;
    }
}
