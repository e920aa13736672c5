/*
 * test_kernels.c: the native library (libparbench.so, linked as built) against the
 * sequential references, at W = 1..8 and tiny, odd and multi-leaf sizes, and at every active
 * count of one pool (pb_pool_use_workers); its error paths; repeated pool create/destroy
 * without leaking threads or file descriptors; how many kernel steps a call runs; whether
 * the pool's accounting is there.
 *
 * Usage: test_kernels [--checksums FILE] [--extra-work-percent P] [--without-accounting]
 *   FILE gets "kernel size seed checksum" lines at the quick sizes, which the wasm smoke
 *   test compares against; P (default 0) is the extra work the library under test was built
 *   with (a build slowed for calibration: every checksum the same, (100 + P)% kernel steps);
 *   --without-accounting: the library was built with PB_STATS=0 (accounting refused).
 */
#include <dirent.h>
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "check.h"
#include "parbench.h"
#include "reference.h"

#define MAX_W 8

/* The registry's rows, which the library must serve in this order. */
typedef struct registry_row {
    const char *name;
    int64_t size[3];
} registry_row;

static const registry_row registry[] = {
#define PB_KERNEL(name, tag, unit, quick, normal, full, java_port, role) {#name, {quick, normal, full}},
#include "kernels/kernels.def"
#undef PB_KERNEL
};
enum { KERNELS = sizeof registry / sizeof registry[0] };

/* Sizes to test: tiny, odd, around the sum leaf (4096) and large enough to split. A kernel
 * not listed below gets the usual ones; those whose work grows faster than n get fewer. */
static const int64_t usual_sizes[] = {1, 2, 3, 4095, 4097, 10007, 100003, 300007, 0};

typedef struct kernel_sizes {
    const char *kernel;
    int64_t size[10];
} kernel_sizes;

static const kernel_sizes special_sizes[] = {
    {"sum", {1, 2, 3, 4095, 4096, 4097, 10007, 65537, 300007, 0}},
    {"nbody", {1, 2, 3, 4, 5, 7, 67, 257, 0}},
    {"mandelbrot", {1, 2, 3, 5, 17, 64, 101, 0}},
    {"forkjoin", {1, 2, 3, 7, 1024, 10007, 0}},
    {"serial", {1, 2, 3, 4, 5, 7, 1024, 10007, 0}},     /* a serial quarter of 0 and of 1 */
    {"imbalanced", {1, 2, 3, 4, 5, 7, 1024, 10007, 0}}, /* fewer elements than W + 1 shares */
    {"scan", {1, 2, 3, 16383, 16384, 16385, 32769, 100003, 300007, 0}}, /* around its 16384-key blocks */
};

/* The sizes to test kernel k at, ending with 0. */
static const int64_t *sizes_of(int k) {
    for (size_t i = 0; i < sizeof special_sizes / sizeof special_sizes[0]; i++)
        if (strcmp(special_sizes[i].kernel, registry[k].name) == 0) return special_sizes[i].size;
    return usual_sizes;
}

/* The id of the kernel called name (the test aborts if there is none). */
static int kernel_id(const char *name) {
    for (int k = 0; k < KERNELS; k++)
        if (strcmp(registry[k].name, name) == 0) return k;
    fprintf(stderr, "no kernel %s in the registry\n", name);
    abort();
}

static pb_pool *pools[MAX_W + 1];
static int extra_work_percent;

/* Runs two steps; returns the checksum if both agree, else reports and returns 0. */
static uint64_t run_steps(pb_pool *pool, int kernel, int64_t n, uint64_t seed) {
    pb_bench *bench = pb_bench_create(pool, kernel, n, seed);
    CHECK(bench != NULL, "%s n=%lld: pb_bench_create failed: %s", registry[kernel].name, (long long)n, pb_last_error());
    if (!bench) return 0;
    CHECK(pb_bench_checksum(bench) == 0, "%s: checksum before the first step must be 0", registry[kernel].name);
    CHECK(pb_bench_step(bench) == PB_OK, "%s: step failed", registry[kernel].name);
    uint64_t first = pb_bench_checksum(bench);
    CHECK(pb_bench_step(bench) == PB_OK, "%s: step failed", registry[kernel].name);
    uint64_t second = pb_bench_checksum(bench);
    CHECK(first == second, "%s n=%lld W=%d: step 2 changed the checksum (%016" PRIx64 " then %016" PRIx64 ")",
          registry[kernel].name, (long long)n, pb_pool_workers(pool), first, second);
    pb_bench_destroy(bench);
    return first;
}

static void test_kernel_table(void) {
    CHECK(pb_abi_version() == PB_ABI_VERSION, "ABI version");
    CHECK(pb_kernel_count() == KERNELS, "pb_kernel_count() = %d", pb_kernel_count());
    for (int k = 0; k < KERNELS; k++) {
        CHECK(pb_kernel_name(k) && strcmp(pb_kernel_name(k), registry[k].name) == 0, "name of kernel %d", k);
        for (int p = 0; p < 3; p++)
            CHECK(pb_kernel_default_size(k, p) == registry[k].size[p], "%s profile %d size %lld", registry[k].name, p,
                  (long long)pb_kernel_default_size(k, p));
    }
    CHECK(pb_kernel_name(KERNELS) == NULL && pb_kernel_name(-1) == NULL, "name of an unknown kernel is NULL");
    CHECK(pb_kernel_default_size(KERNELS, 0) == -1 && pb_kernel_default_size(0, 3) == -1 &&
              pb_kernel_default_size(0, -1) == -1,
          "default size of an unknown kernel or profile is -1");
}

static void test_against_reference(int kernel, int64_t n, uint64_t seed) {
    uint64_t expected = reference_checksum(registry[kernel].name, n, seed);
    for (int w = 1; w <= MAX_W; w++) {
        uint64_t got = run_steps(pools[w], kernel, n, seed);
        CHECK(got == expected, "%s n=%lld seed=%llu W=%d: checksum %016" PRIx64 ", reference %016" PRIx64,
              registry[kernel].name, (long long)n, (unsigned long long)seed, w, got, expected);
    }
}

/* One bench per size stepped at active counts up and down in a pool of 4 (and at 1..8 in a
 * pool of 8 at the smaller seed-7 sizes): the reference checksum at every step. */
static void test_active_counts(int kernel, int64_t n, uint64_t seed, int pool_size) {
    static const int32_t order[] = {1, 2, 3, 4, 5, 6, 7, 8, 4, 3, 2, 1, 8};
    uint64_t expected = reference_checksum(registry[kernel].name, n, seed);
    pb_pool *pool = pools[pool_size];
    pb_bench *bench = pb_bench_create(pool, kernel, n, seed);
    CHECK(bench != NULL, "%s n=%lld: pb_bench_create failed: %s", registry[kernel].name, (long long)n, pb_last_error());
    if (!bench) return;
    for (size_t i = 0; i < sizeof order / sizeof order[0]; i++) {
        if (order[i] > pool_size) continue;
        CHECK(pb_pool_use_workers(pool, order[i]) == PB_OK, "use_workers(%d): %s", order[i], pb_last_error());
        pb_bench_step(bench);
        uint64_t got = pb_bench_checksum(bench);
        CHECK(got == expected, "%s n=%lld seed=%llu at %d of %d workers: checksum %016" PRIx64 ", reference %016" PRIx64,
              registry[kernel].name, (long long)n, (unsigned long long)seed, order[i], pool_size, got, expected);
    }
    CHECK(pb_pool_use_workers(pool, pool_size) == PB_OK, "use_workers(%d): %s", pool_size, pb_last_error());
    pb_bench_destroy(bench);
}

/* pb_bench_step runs the kernel's step (100 + P)% as often as it is called, the extra runs
 * spread evenly (a step whose count passes the next whole step): after c calls,
 * floor(c * (100 + P) / 100) runs, and the checksum unchanged. */
static void test_kernel_steps_per_call(void) {
    pb_bench *bench = pb_bench_create(pools[2], 6, 1000, 42);
    uint64_t expected = reference_checksum(registry[6].name, 1000, 42);
    CHECK(pb_bench_kernel_steps(bench) == 0, "kernel steps before the first call: %lld",
          (long long)pb_bench_kernel_steps(bench));
    int wrong_count = 0, wrong_checksum = 0;
    for (int64_t calls = 1; calls <= 200; calls++) {
        pb_bench_step(bench);
        wrong_count += pb_bench_kernel_steps(bench) != calls * (100 + extra_work_percent) / 100;
        wrong_checksum += pb_bench_checksum(bench) != expected;
    }
    CHECK(wrong_count == 0, "%d of 200 calls left a kernel step count other than floor(calls * %d / 100); after 200: %lld",
          wrong_count, 100 + extra_work_percent, (long long)pb_bench_kernel_steps(bench));
    CHECK(wrong_checksum == 0, "%d of 200 steps had a wrong checksum", wrong_checksum);
    pb_bench_destroy(bench);
}

static void expect_failure(int32_t status, const char *what, const char *needle) {
    CHECK(pb_last_status() == status, "%s: status %d, expected %d", what, pb_last_status(), status);
    CHECK(strstr(pb_last_error(), needle) != NULL, "%s: message \"%s\" should mention \"%s\"", what, pb_last_error(),
          needle);
}

static void test_errors(void) {
    CHECK(pb_pool_create(0) == NULL, "a pool of 0 workers");
    expect_failure(PB_ERR_WORKERS, "0 workers", "1 to 1024 workers");
    CHECK(pb_pool_create(PB_MAX_WORKERS + 1) == NULL, "a pool of 1025 workers");
    expect_failure(PB_ERR_WORKERS, "1025 workers", "1025");

    pb_pool *pool = pools[2];
    int sum = kernel_id("sum");
    char unknown[64], every_id[512];
    snprintf(unknown, sizeof unknown, "unknown kernel id %d;", KERNELS);
    int length = snprintf(every_id, sizeof every_id, "use 0 to %d (", KERNELS - 1);
    for (int k = 0; k < KERNELS; k++)
        length += snprintf(every_id + length, sizeof every_id - length, "%s, ", registry[k].name);
    snprintf(every_id + length, sizeof every_id - length, "in that order)");
    CHECK(pb_bench_create(pool, KERNELS, 10, 42) == NULL, "kernel %d", KERNELS);
    expect_failure(PB_ERR_KERNEL, "one past the last kernel", unknown);
    CHECK(pb_bench_create(pool, -1, 10, 42) == NULL, "kernel -1");
    expect_failure(PB_ERR_KERNEL, "kernel -1", every_id);
    CHECK(pb_bench_create(pool, sum, 0, 42) == NULL, "size 0");
    expect_failure(PB_ERR_SIZE, "size 0", "sizes start at 1");
    CHECK(pb_bench_create(pool, kernel_id("sort"), -3, 42) == NULL, "size -3");
    expect_failure(PB_ERR_SIZE, "size -3", "-3");
    CHECK(pb_bench_create(pool, sum, INT64_C(1) << 62, 42) == NULL, "sum of 2^62 elements");
    expect_failure(PB_ERR_SIZE, "sum of 2^62", "more than 2^64 bytes");
    CHECK(pb_bench_create(pool, kernel_id("mandelbrot"), INT64_C(1) << 32, 42) == NULL, "mandelbrot of side 2^32");
    expect_failure(PB_ERR_SIZE, "mandelbrot 2^32", "use a smaller size");
    CHECK(pb_bench_create(pool, sum, INT64_C(1) << 40, 42) == NULL, "sum of 2^40 elements (8 TiB)");
    expect_failure(PB_ERR_NOMEM, "sum of 2^40", "at size 1099511627776 needs 8796093022");

    CHECK(pb_bench_create(NULL, sum, 10, 42) == NULL, "bench on a NULL pool");
    expect_failure(PB_ERR_STATE, "NULL pool", "NULL pool");
    CHECK(pb_bench_step(NULL) == PB_ERR_STATE, "step of a NULL bench");
    expect_failure(PB_ERR_STATE, "step NULL", "NULL bench");
    CHECK(pb_bench_checksum(NULL) == 0, "checksum of a NULL bench");
    CHECK(pb_pool_wait_ready(NULL, 0) == PB_ERR_STATE, "wait_ready of a NULL pool");
    CHECK(pb_pool_workers(NULL) == 0, "workers of a NULL pool");
    expect_failure(PB_ERR_STATE, "workers NULL", "NULL pool");
    CHECK(pb_bench_kernel_steps(NULL) == -1, "kernel steps of a NULL bench");
    expect_failure(PB_ERR_STATE, "kernel steps NULL", "NULL bench");

    CHECK(pb_pool_use_workers(pool, 0) == PB_ERR_WORKERS, "use 0 of 2 workers");
    expect_failure(PB_ERR_WORKERS, "use 0 workers", "a pool of 2 workers can use 1 to 2 of them but 0 were asked for");
    CHECK(pb_pool_use_workers(pool, 3) == PB_ERR_WORKERS, "use 3 of 2 workers");
    expect_failure(PB_ERR_WORKERS, "use 3 workers", "but 3 were asked for");
    CHECK(pb_pool_use_workers(NULL, 1) == PB_ERR_STATE, "use_workers of a NULL pool");
    expect_failure(PB_ERR_STATE, "use_workers NULL", "NULL pool");
    CHECK(pb_pool_use_workers(pool, 1) == PB_OK && pb_pool_workers(pool) == 2,
          "a pool of 2 using 1 worker still has 2 (pb_pool_workers %d)", pb_pool_workers(pool));
    CHECK(pb_pool_use_workers(pool, 2) == PB_OK, "back to 2 workers");
    pb_bench_destroy(NULL);
    pb_pool_destroy(NULL);

    /* A success after failures reports PB_OK again. */
    pb_bench *bench = pb_bench_create(pool, kernel_id("forkjoin"), 10, 42);
    CHECK(bench != NULL && pb_last_status() == PB_OK, "a valid bench after failures");
    pb_bench_destroy(bench);
}

static int count_entries(const char *dir) {
    DIR *d = opendir(dir);
    if (!d) return -1;
    int n = 0;
    for (struct dirent *e; (e = readdir(d));) n += e->d_name[0] != '.';
    closedir(d);
    return n;
}

static void test_pool_churn(void) {
    int threads = count_entries("/proc/self/task"), fds = count_entries("/proc/self/fd");
    int forkjoin = kernel_id("forkjoin");
    uint64_t expected = reference_checksum("forkjoin", 1000, 42);
    int failures = 0;
    for (int round = 0; round < 200; round++) {
        int w = 1 + round % 6;
        pb_pool *pool = pb_pool_create(w);
        if (!pool || pb_pool_wait_ready(pool, 10000) != PB_OK) {
            failures++;
            pb_pool_destroy(pool);
            continue;
        }
        if (round % 2 == 0) failures += run_steps(pool, forkjoin, 1000, 42) != expected;
        pb_pool_destroy(pool);
    }
    CHECK(failures == 0, "200 pool create/step/destroy rounds: %d failed", failures);
    CHECK(count_entries("/proc/self/task") == threads, "threads after 200 pools: %d, before: %d",
          count_entries("/proc/self/task"), threads);
    CHECK(count_entries("/proc/self/fd") == fds, "file descriptors after 200 pools: %d, before: %d",
          count_entries("/proc/self/fd"), fds);
}

/* The accounting answers, or (PB_STATS=0) says it was built without. */
static void test_accounting(int built_without) {
    int32_t reset = pb_pool_stats_reset(pools[2]);
    const int64_t *stats = pb_pool_stats_read(pools[2]);
    if (built_without)
        CHECK(reset == PB_ERR_STATE && !stats && strstr(pb_last_error(), "built without the pool's accounting (PB_STATS=0"),
              "a library built with PB_STATS=0: reset %d, read %p, \"%s\"", reset, (const void *)stats, pb_last_error());
    else
        CHECK(reset == PB_OK && stats && stats[PB_STATS_WORKERS] == 2 && stats[PB_STATS_RECORD_LENGTH] == PB_STATS_FIELDS,
              "the accounting of a pool of 2: reset %d, read: %s", reset, stats ? "a wrong header" : pb_last_error());
}

static void write_quick_checksums(const char *path) {
    FILE *out = fopen(path, "w");
    CHECK(out != NULL, "cannot write %s", path);
    if (!out) return;
    for (int k = 0; k < KERNELS; k++) {
        int64_t n = pb_kernel_default_size(k, PB_PROFILE_QUICK);
        uint64_t got = run_steps(pools[2], k, n, 42);
        uint64_t expected = reference_checksum(registry[k].name, n, 42);
        CHECK(got == expected, "%s quick size: %016" PRIx64 ", reference %016" PRIx64, registry[k].name, got, expected);
        fprintf(out, "%s %lld 42 %" PRIu64 "\n", registry[k].name, (long long)n, got);
    }
    fclose(out);
}

int main(int argc, char **argv) {
    const char *checksum_file = NULL;
    int without_accounting = 0;
    for (int i = 1; i < argc; i++) {
        if (strcmp(argv[i], "--checksums") == 0 && i + 1 < argc) {
            checksum_file = argv[++i];
        } else if (strcmp(argv[i], "--extra-work-percent") == 0 && i + 1 < argc) {
            extra_work_percent = atoi(argv[++i]);
        } else if (strcmp(argv[i], "--without-accounting") == 0) {
            without_accounting = 1;
        } else {
            fprintf(stderr, "usage: test_kernels [--checksums FILE] [--extra-work-percent P] [--without-accounting]\n");
            return 2;
        }
    }
    for (int w = 1; w <= MAX_W; w++) {
        pools[w] = pb_pool_create(w);
        if (!pools[w] || pb_pool_wait_ready(pools[w], 10000) != PB_OK) {
            fprintf(stderr, "cannot start a pool of %d workers: %s\n", w, pb_last_error());
            return 1;
        }
    }
    test_kernel_table();
    for (int k = 0; k < KERNELS; k++) {
        const int64_t *sizes = sizes_of(k);
        int64_t other_seed_size = 1; /* the largest test size up to 5003 */
        for (int i = 0; sizes[i] != 0; i++) {
            test_against_reference(k, sizes[i], 42);
            test_active_counts(k, sizes[i], 42, 4);
            if (sizes[i] <= 5003 && sizes[i] > other_seed_size) other_seed_size = sizes[i];
        }
        test_against_reference(k, other_seed_size, 7);
        test_active_counts(k, other_seed_size, 7, MAX_W);
    }
    test_kernel_steps_per_call();
    test_errors();
    test_accounting(without_accounting);
    if (checksum_file) write_quick_checksums(checksum_file);
    for (int w = 1; w <= MAX_W; w++) pb_pool_destroy(pools[w]);
    test_pool_churn();
    return check_summary("test_kernels");
}
