/*
 * reference.h: plain sequential implementations of every kernel, written straight from
 * KERNELS.md and sharing no code with the library, to check it against.
 */
#ifndef PB_REFERENCE_H
#define PB_REFERENCE_H

#include <stdint.h>

/* The checksum of the kernel called name at size n and seed, the same for every W. */
uint64_t reference_checksum(const char *kernel, int64_t n, uint64_t seed);

#endif /* PB_REFERENCE_H */
