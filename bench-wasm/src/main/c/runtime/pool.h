/*
 * pool.h: the fork-join pool in the model of Rayon, as kernels and platforms see it.
 *
 * A pool has W workers: worker 0 is the controller thread inside pb_bench_step, workers
 * 1..W-1 are helpers. Each worker owns a work-stealing deque. pb_join(a, b) offers b to
 * thieves, runs a, then runs b itself unless it was stolen, in which case it helps with
 * other work until b is done. Idle workers spin and steal briefly, then sleep on a futex
 * word and are woken when work is pushed. Tasks receive the worker that runs them, so no
 * thread-local storage is needed (wasm has none without extra set-up).
 *
 * Of the W workers, the first `active` ones (pb_pool_use_workers, W by default) take part in
 * parallel regions; the helpers above them are parked, each asleep on its own futex word.
 */
#ifndef PB_POOL_H
#define PB_POOL_H

#include <stdatomic.h>
#include <stdint.h>

#include "../parbench.h"
#include "deque.h"
#include "platform.h"

typedef struct pb_worker pb_worker;

/* The pool's accounting (README.md, "Accounting"): compiled in unless PB_STATS is 0. */
#ifndef PB_STATS
#define PB_STATS 1
#endif

/* What a worker is doing; its time is split between these. Worker 0 counts as busy whenever
 * it is not looking for work, asleep or parked, so between steps too. */
enum { PB_BUSY, PB_SEARCHING, PB_ASLEEP, PB_PARKED, PB_STATES };

/* A worker's own counters: only the worker writes them; the controller reads them between
 * steps. The state times change at clock readings only, under a sequence lock, so that an
 * interval is never lost or counted twice while the worker moves from one state to the next.
 * Where busy and searching intervals are short, most changes between the two are left unread
 * and only counted (flips); each interval of such a stretch gets its state's mean, learnt from
 * the intervals read at both ends (pool.c, "Sampled changes"). */
typedef struct pb_worker_stats {
    _Atomic uint32_t seq;          /* odd while the worker updates the fields under it */
    _Atomic int32_t state;         /* the state entered at since */
    _Atomic int64_t since;         /* the last clock reading, at a change of state (pb_clock_ns) */
    _Atomic int64_t ns[PB_STATES]; /* time in each state, up to since */
    _Atomic int64_t mean_ns[2];    /* the mean busy and searching interval, for the unread changes */
    /* Unread changes between busy and searching since `since`: unread_from - unread_left. */
    uint32_t unread_left;          /* changes to leave unread before the next sample (PB_TALLY_*) */
    uint32_t unread_from;          /* unread_left at the last reading (PB_TALLY_*) */
    _Atomic int64_t failed_steals; /* passes over the other deques that found nothing, as of since */
    _Atomic int64_t sleeps, wakeups, wake_latency_ns;
    int64_t regions;               /* parallel regions entered (worker 0, read by the controller: itself) */
    int32_t region_depth;          /* joins and loops this worker is inside (helpers: always 1) */
    /* The worker's own bookkeeping, which nobody else reads. */
    int64_t failed_passes;         /* failed_steals up to now */
    int32_t closing;               /* 1: the last reading opened a sample, so the next change is read too */
    int32_t at_change;             /* 1: the last reading was at a change (not the controller's, between) */
    uint32_t read_all_left;        /* readings left at which every change is read (after a long interval) */
    int64_t observed_ns[2], observed[2]; /* the busy and searching intervals read at both ends: time, count */
    uint64_t random;
} pb_worker_stats;

/* A worker's times as the controller took them under the sequence lock, before reading the clock
 * that a record of them is taken up to (pb_pool_stats_reset and _read). */
typedef struct pb_taken_times {
    int64_t ns[PB_STATES], mean_ns[2], since;
    int32_t state;
    uint32_t flips; /* unread changes since `since` */
} pb_taken_times;

typedef void (*pb_task_fn)(pb_worker *worker, void *arg);
/* Processes [lo, hi) of a parallel loop. */
typedef void (*pb_range_fn)(pb_worker *worker, void *context, int64_t lo, int64_t hi);

struct pb_worker {
    pb_deque deque;
    pb_pool *pool;
    int32_t index;
    uint64_t victim_seed;
    _Atomic uint64_t steals; /* jobs this worker took from others (diagnostics, tests) */
    /* Futex word of a helper: 1 while the controller wants it parked (index >= active). */
    _Atomic uint32_t park;
    pb_taken_times taken; /* controller only, between steps */
    _Alignas(PB_CACHE_LINE) pb_worker_stats stats;
};

struct pb_pool {
    int32_t workers;   /* W, the pool's size */
    pb_worker *worker; /* [workers], cache-line aligned */
    /* Workers 0..active-1 run parallel regions (1 <= active <= W); written by the controller
     * between steps only, so a step reads one value throughout. */
    _Atomic int32_t active;
    void *platform;    /* what pb_platform_start_helpers keeps */
    /* Sleep/wake: sleepers wait on event; whoever makes work or finishes a job a sleeper
     * waits for bumps it and wakes. */
    _Alignas(PB_CACHE_LINE) _Atomic uint32_t event;
    _Atomic int32_t sleepers;
    /* Wake-up latency: when event was bumped first since the last sleep began (pb_clock_ns), and
     * the sleeps begun so far and as of that stamp. */
    _Atomic int64_t woken_at;
    _Atomic uint32_t sleeps_begun, sleeps_stamped;
    /* Start-up and shut-down handshakes (futex words). */
    _Alignas(PB_CACHE_LINE) _Atomic uint32_t ready;
    _Atomic uint32_t exited;
    _Atomic uint32_t stop;
    /* Helpers in their park (a futex word): pb_pool_use_workers sleeps on it until the
     * helpers it left out have parked and the ones it took back have left. */
    _Atomic uint32_t parked;
    /* Controller only: every worker's record at pb_pool_stats_reset ([workers][PB_STATS_FIELDS])
     * and when that was; what pb_pool_stats_read returns (pb_pool_stats_size values). */
    int64_t *stats_base;
    int64_t *stats_out;
    int64_t stats_reset_at;
};

static inline int32_t pb_worker_index(const pb_worker *worker) { return worker->index; }
/* The workers taking part in this step (the active count, not the pool's size W). */
static inline int32_t pb_worker_count(const pb_worker *worker) {
    return atomic_load_explicit(&worker->pool->active, memory_order_relaxed);
}

/* Runs a(worker, a_arg) and b(., b_arg), possibly in parallel; returns when both are done. */
void pb_join(pb_worker *worker, pb_task_fn a, void *a_arg, pb_task_fn b, void *b_arg);

/* Runs body over [lo, hi) split in halves down to pieces of at most grain (>= 1). */
void pb_parallel_for(pb_worker *worker, int64_t lo, int64_t hi, int64_t grain, pb_range_fn body,
                     void *context);

/* Tells the helpers to leave (they finish their current job first) and wakes the
 * sleeping and the parked ones. */
void pb_pool_request_stop(pb_pool *pool);

/* A helper's life in the pool (handshake, steal/run/sleep, parked while left out, until
 * stopped); the body of pb_worker_main in wasm and of each helper thread natively. */
void pb_pool_helper_run(pb_pool *pool, int32_t index);

#endif /* PB_POOL_H */
