/*
 * splitmix.h: the SplitMix64 input generator and the sequence hash of KERNELS.md.
 */
#ifndef PB_SPLITMIX_H
#define PB_SPLITMIX_H

#include <stdint.h>

#define PB_GOLDEN 0x9E3779B97F4A7C15ULL

static inline uint64_t pb_mix64(uint64_t z) {
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
    return z ^ (z >> 31);
}

typedef struct pb_splitmix {
    uint64_t state;
} pb_splitmix;

static inline pb_splitmix pb_splitmix_init(uint64_t tag, int64_t n, uint64_t seed) {
    pb_splitmix g = {seed + tag * PB_GOLDEN + (uint64_t)n * 0xD1B54A32D192ED03ULL};
    return g;
}

static inline uint64_t pb_next(pb_splitmix *g) {
    g->state += PB_GOLDEN;
    return pb_mix64(g->state);
}

/* A double in [0, 1). */
static inline double pb_unit(pb_splitmix *g) { return (double)(pb_next(g) >> 11) * 0x1.0p-53; }

/* A double in [-1, 1). */
static inline double pb_signed(pb_splitmix *g) { return 2.0 * pb_unit(g) - 1.0; }

static inline uint64_t pb_hash_begin(uint64_t length) { return 0x243F6A8885A308D3ULL ^ length; }

static inline uint64_t pb_hash_add(uint64_t h, uint64_t v) { return pb_mix64(h ^ v); }

static inline uint64_t pb_f64_bits(double v) {
    uint64_t bits;
    __builtin_memcpy(&bits, &v, sizeof bits);
    return bits;
}

#endif /* PB_SPLITMIX_H */
