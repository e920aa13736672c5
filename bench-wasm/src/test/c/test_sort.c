/*
 * test_sort.c: white-box test of the sort kernel's merges on inputs full of equal keys
 * (the kernel's own random 64-bit keys almost never repeat, so ties would go untested):
 * the two-ended merge against a plain one for every pair of short runs, and whole
 * parallel sorts of duplicate-heavy keys at W = 1..4 against qsort. Includes sort.c to
 * reach its static functions; run-tests.sh links it with the other library sources.
 */
#include <stdlib.h>
#include <string.h>

#include "check.h"
#include "kernels/sort.c"

static int compare_signed(const void *a, const void *b) {
    int64_t x = *(const int64_t *)a, y = *(const int64_t *)b;
    return (x > y) - (x < y);
}

static int64_t few_values(uint64_t *state) {
    *state = *state * 6364136223846793005ULL + 1442695040888963407ULL;
    return (int64_t)(*state >> 61) - 3; /* -3 .. 4 */
}

static void test_merges(void) {
    uint64_t state = 1;
    int64_t a[40], b[40], got[80], want[80];
    int wrong = 0;
    for (int na = 0; na < 40; na++) {
        for (int nb = 0; nb < 40; nb++) {
            for (int i = 0; i < na; i++) a[i] = few_values(&state);
            for (int i = 0; i < nb; i++) b[i] = few_values(&state);
            qsort(a, (size_t)na, sizeof *a, compare_signed);
            qsort(b, (size_t)nb, sizeof *b, compare_signed);
            merge_forward(a, na, b, nb, want);
            merge_sequential(a, na, b, nb, got);
            wrong += memcmp(got, want, sizeof(int64_t) * (size_t)(na + nb)) != 0;
        }
    }
    CHECK(wrong == 0, "two-ended merge differs from the forward merge for %d of 1600 run pairs", wrong);
}

static void test_sorts_with_ties(void) {
    static const int64_t sizes[] = {1, 2, 4097, 20011, 100003};
    for (int workers = 1; workers <= 4; workers++) {
        pb_pool *pool = pb_pool_create(workers);
        CHECK(pool != NULL && pb_pool_wait_ready(pool, 10000) == PB_OK, "pool of %d", workers);
        for (size_t s = 0; s < sizeof sizes / sizeof sizes[0]; s++) {
            int64_t n = sizes[s];
            pb_bench *bench = pb_bench_create(pool, 5, n, 9);
            int64_t *input = bench->buffer[INPUT];
            uint64_t state = (uint64_t)n;
            for (int64_t i = 0; i < n; i++) input[i] = few_values(&state);
            int64_t *want = malloc(sizeof *want * (size_t)n);
            memcpy(want, input, sizeof *want * (size_t)n);
            qsort(want, (size_t)n, sizeof *want, compare_signed);
            pb_bench_step(bench);
            CHECK(memcmp(bench->buffer[WORK], want, sizeof *want * (size_t)n) == 0,
                  "sort of %lld keys with ties on %d workers differs from qsort", (long long)n, workers);
            free(want);
            pb_bench_destroy(bench);
        }
        pb_pool_destroy(pool);
    }
}

int main(void) {
    test_merges();
    test_sorts_with_ties();
    return check_summary("test_sort");
}
