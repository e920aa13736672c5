/* A single-threaded module: a reduction the compiler vectorises with -msimd128, initialised data. */
#include <stdint.h>

static const int32_t weights[8] = {1, 2, 3, 4, 5, 6, 7, 8};

__attribute__((export_name("pb_weighted_sum"))) int32_t pb_weighted_sum(const int32_t *a, int32_t n) {
    int32_t s = 0;
    for (int32_t i = 0; i < n; i++) s += a[i] * weights[i & 7];
    return s;
}
