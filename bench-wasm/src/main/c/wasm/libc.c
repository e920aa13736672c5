/*
 * libc.c: the three libc functions the compiler may call in the freestanding wasm build.
 * With -mbulk-memory the builtins become memory.copy / memory.fill instructions.
 */
#include <stddef.h>

void *memcpy(void *restrict dest, const void *restrict src, size_t n) {
    __builtin_memcpy(dest, src, n);
    return dest;
}

void *memmove(void *dest, const void *src, size_t n) {
    __builtin_memmove(dest, src, n);
    return dest;
}

void *memset(void *dest, int c, size_t n) {
    __builtin_memset(dest, c, n);
    return dest;
}

/* 128-bit multiply from compiler-rt: LLVM turns 64-bit overflow checks into it. */
typedef union {
    __int128 all;
    struct {
        unsigned long long low, high;
    } s;
} pb_int128;

static pb_int128 multiply_64x64(unsigned long long a, unsigned long long b) {
    const unsigned long long lower_mask = 0xFFFFFFFFULL;
    pb_int128 r;
    r.s.low = (a & lower_mask) * (b & lower_mask);
    unsigned long long t = r.s.low >> 32;
    r.s.low &= lower_mask;
    t += (a >> 32) * (b & lower_mask);
    r.s.low += (t & lower_mask) << 32;
    r.s.high = t >> 32;
    t = r.s.low >> 32;
    r.s.low &= lower_mask;
    t += (b >> 32) * (a & lower_mask);
    r.s.low += (t & lower_mask) << 32;
    r.s.high += t >> 32;
    r.s.high += (a >> 32) * (b >> 32);
    return r;
}

__int128 __multi3(__int128 a, __int128 b);

__int128 __multi3(__int128 a, __int128 b) {
    pb_int128 x = {a}, y = {b};
    pb_int128 r = multiply_64x64(x.s.low, y.s.low);
    r.s.high += x.s.high * y.s.low + x.s.low * y.s.high;
    return r.all;
}
