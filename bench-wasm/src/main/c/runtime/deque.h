/*
 * deque.h: a fixed-capacity Chase-Lev work-stealing deque (Le, Pop, Cohen, Zappa Nardelli,
 * "Correct and Efficient Work-Stealing for Weak Memory Models", PPoPP 2013), written with
 * sequentially consistent operations instead of fences so that ThreadSanitizer understands
 * every synchronisation. The owner pushes and takes at the bottom; thieves steal at the top.
 * Capacity is fixed: join depth is bounded by recursion depth, and a full deque just makes
 * pb_join run both halves itself.
 */
#ifndef PB_DEQUE_H
#define PB_DEQUE_H

#include <stdatomic.h>
#include <stdint.h>

#include "platform.h"

#define PB_DEQUE_CAPACITY 512

typedef struct pb_job pb_job;

typedef struct pb_deque {
    _Alignas(PB_CACHE_LINE) _Atomic int64_t top;
    _Alignas(PB_CACHE_LINE) _Atomic int64_t bottom;
    _Alignas(PB_CACHE_LINE) _Atomic(pb_job *) slot[PB_DEQUE_CAPACITY];
} pb_deque;

typedef enum pb_steal_result { PB_STEAL_EMPTY, PB_STEAL_RETRY, PB_STEAL_OK } pb_steal_result;

static inline void pb_deque_init(pb_deque *d) {
    atomic_init(&d->top, 0);
    atomic_init(&d->bottom, 0);
    for (int i = 0; i < PB_DEQUE_CAPACITY; i++) atomic_init(&d->slot[i], 0);
}

/* Owner only. Returns 0 when full. The seq_cst store of bottom also orders the push
 * before the caller's later check for sleeping workers. */
static inline int pb_deque_push(pb_deque *d, pb_job *job) {
    int64_t b = atomic_load_explicit(&d->bottom, memory_order_relaxed);
    int64_t t = atomic_load_explicit(&d->top, memory_order_acquire);
    if (b - t >= PB_DEQUE_CAPACITY) return 0;
    atomic_store_explicit(&d->slot[b % PB_DEQUE_CAPACITY], job, memory_order_relaxed);
    atomic_store_explicit(&d->bottom, b + 1, memory_order_seq_cst);
    return 1;
}

/* Owner only: the most recently pushed job, or NULL. Restoring bottom is a release store
 * so that a thief reading it still sees the jobs published by earlier pushes. */
static inline pb_job *pb_deque_take(pb_deque *d) {
    int64_t b = atomic_load_explicit(&d->bottom, memory_order_relaxed) - 1;
    atomic_store_explicit(&d->bottom, b, memory_order_seq_cst);
    int64_t t = atomic_load_explicit(&d->top, memory_order_seq_cst);
    if (t > b) {
        atomic_store_explicit(&d->bottom, b + 1, memory_order_release);
        return 0;
    }
    pb_job *job = atomic_load_explicit(&d->slot[b % PB_DEQUE_CAPACITY], memory_order_relaxed);
    if (t == b) {
        /* The last job: race the thieves for it. */
        if (!atomic_compare_exchange_strong_explicit(&d->top, &t, t + 1, memory_order_seq_cst,
                                                     memory_order_relaxed))
            job = 0;
        atomic_store_explicit(&d->bottom, b + 1, memory_order_release);
    }
    return job;
}

/* Any thread: the oldest job, into *out. */
static inline pb_steal_result pb_deque_steal(pb_deque *d, pb_job **out) {
    int64_t t = atomic_load_explicit(&d->top, memory_order_seq_cst);
    int64_t b = atomic_load_explicit(&d->bottom, memory_order_seq_cst);
    if (t >= b) return PB_STEAL_EMPTY;
    pb_job *job = atomic_load_explicit(&d->slot[t % PB_DEQUE_CAPACITY], memory_order_relaxed);
    if (!atomic_compare_exchange_strong_explicit(&d->top, &t, t + 1, memory_order_seq_cst,
                                                 memory_order_relaxed))
        return PB_STEAL_RETRY;
    *out = job;
    return PB_STEAL_OK;
}

/* Any thread: whether a steal could find something right now. */
static inline int pb_deque_looks_nonempty(pb_deque *d) {
    int64_t t = atomic_load_explicit(&d->top, memory_order_seq_cst);
    int64_t b = atomic_load_explicit(&d->bottom, memory_order_seq_cst);
    return t < b;
}

#endif /* PB_DEQUE_H */
