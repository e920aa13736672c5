/*
 * pool.c: pool life cycle, pb_join with work stealing, the idle/sleep protocol and
 * pb_parallel_for. Platform specifics (futex, threads, memory) are in platform.h.
 *
 * Sleep protocol. A worker that found nothing to steal for a while announces itself in
 * pool->sleepers, then re-checks for work (and, if it waits in pb_join, for its job being
 * done), then sleeps on pool->event unless the event counter moved. Every push checks
 * sleepers after publishing the job (both seq_cst), so either the pusher sees the sleeper
 * and bumps the event, or the sleeper's re-check sees the job. A join owner that sleeps
 * marks its job OWNER_SLEEPS so the thief that finishes the job bumps the event too.
 *
 * Parking protocol (pb_pool_use_workers). Only workers 0..active-1 steal, and only from each
 * other; a helper at or above active is parked: asleep on its own futex word (worker->park),
 * not on pool->event, so the wake-ups of a step (one per push) never go to a helper that may
 * not take part, and a parked helper costs no CPU however long it stays out. The controller
 * changes active only between steps: it raises the park words of the helpers it leaves out,
 * bumps pool->event (a helper asleep there re-checks and moves to its park) and waits until
 * they have all parked; or it clears the park words of the helpers it takes back, wakes each,
 * and waits until they have left their parks. So when pb_pool_use_workers returns, exactly
 * the helpers 1..active-1 can steal: a left-out helper still spinning could otherwise steal
 * a job of the next step.
 *
 * Accounting (PB_STATS). Each worker keeps the time it spends in each state (busy, searching,
 * asleep, parked) by reading the clock at changes of state only: entering and leaving
 * work_until, around each stolen job, around a sleep and a park. So a step whose joins all
 * find their jobs at home reads no clock at all, and neither does anything at W = 1.
 *
 * Sampled changes. Where a worker's busy and searching intervals are short (forkjoin's are about
 * a microsecond; a reading costs 30-170 ns), reading each change cost forkjoin 10-18% of its
 * throughput. So while the mean busy plus searching interval is under PB_SHORT_CYCLE_NS, the
 * worker reads only a sample of those changes: after each sample it leaves about
 * PB_UNREAD_CHANGES changes unread (a random number, so that samples fall at every place in a
 * step), only counting them, then reads two in a row: the interval between is read at both ends,
 * and such intervals give each state's mean. A stretch between two readings is split by the
 * counts and the means; its total is exact, so the four times still add up to the window.
 * Sleeps and parks are read always. A stretch that took PB_LONG_NS more than its counts and
 * means say held a long interval whose state is unknown: then every change is read again for
 * the next PB_READ_ALL_AFTER_LONG readings, as it is while any interval read is that long.
 */
#include "pool.h"

#include "error.h"

struct pb_job {
    pb_task_fn fn;
    void *arg;
    _Atomic uint32_t state;
};

enum { JOB_PENDING = 0, JOB_OWNER_SLEEPS = 1, JOB_DONE = 2 };

/* Idle rounds before sleeping: first scans with short pauses, then scans with yields. */
#define PB_SPIN_ROUNDS 64
#define PB_YIELD_ROUNDS 32
/* pb_pool_wait_ready and pb_pool_destroy wait in slices of this many ms (wasm has no clock,
 * so only slices that ran out count towards the timeout). */
#define PB_WAIT_SLICE_MS 10

#if PB_STATS
#define STATS(...) __VA_ARGS__
/* Sampled changes (above). */
#define PB_SHORT_CYCLE_NS 50000
#define PB_UNREAD_CHANGES 256
#define PB_LONG_NS 50000
/* 64 read 600-1 900 changes in a 100 ms block of forkjoin 2^10 at W = 2 in Chromium and Firefox
 * (~0.2% of its time in Chromium), but 4 left a busy machine's time in stretches split by the
 * means, and DecompositionCalibrationTest's CPU hog then showed as idle workers (README). */
#define PB_READ_ALL_AFTER_LONG 64
/* The means forget: their counts are halved at this many intervals. */
#define PB_MEAN_WINDOW 1024

/* Owner only: a counter that only this worker writes needs no read-modify-write. */
static void count(_Atomic int64_t *counter, int64_t add) {
    atomic_store_explicit(counter, atomic_load_explicit(counter, memory_order_relaxed) + add, memory_order_relaxed);
}

#ifdef PB_COUNT_CLOCK_READS /* test_runtime: how many readings the accounting made, and wakers' */
_Atomic int64_t pb_accounting_clock_reads, pb_accounting_wake_stamps;
#define READ_CLOCK() (atomic_fetch_add(&pb_accounting_clock_reads, 1), pb_clock_ns())
#define STAMP_CLOCK() (atomic_fetch_add(&pb_accounting_wake_stamps, 1), READ_CLOCK())
#else
#define READ_CLOCK() pb_clock_ns()
#define STAMP_CLOCK() pb_clock_ns()
#endif

/* The `elapsed` ns since a reading that entered `state` (busy or searching), during which it
 * changed `flips` times between the two unread, added to ns: flips + 1 intervals, alternating,
 * each given its state's mean. Returns what those means made of it (0 if unknown). */
static int64_t split_unread(int32_t state, uint32_t flips, int64_t elapsed, const int64_t mean[2], int64_t *ns) {
    int32_t other = state == PB_BUSY ? PB_SEARCHING : PB_BUSY;
    int64_t in_state = (flips + 2) / 2, in_other = (flips + 1) / 2;
    double a = (double)in_state * (double)mean[state], b = (double)in_other * (double)mean[other];
    int64_t share = a + b > 0 ? (int64_t)((double)elapsed * (a / (a + b))) : elapsed * in_state / (in_state + in_other);
    ns[state] += share;
    ns[other] += elapsed - share;
    return (int64_t)(a + b);
}

static int64_t mean_of(const pb_worker_stats *s, int32_t state) {
    return s->observed[state] ? s->observed_ns[state] / s->observed[state] : 0;
}

/* After a reading: whether and when the next sample is taken. */
static void schedule_sample(pb_worker_stats *s, int64_t interval) {
    if (interval >= PB_LONG_NS) s->read_all_left = PB_READ_ALL_AFTER_LONG;
    int64_t cycle = mean_of(s, PB_BUSY) + mean_of(s, PB_SEARCHING);
    uint32_t unread = PB_TALLY_LOAD(&s->unread_left);
    if (s->read_all_left > 0 || cycle <= 0 || cycle >= PB_SHORT_CYCLE_NS) {
        if (s->read_all_left > 0) s->read_all_left--;
        unread = 0;
        s->closing = 0;
    } else if (s->closing) {
        uint64_t x = s->random; /* xorshift64 */
        x ^= x << 13;
        x ^= x >> 7;
        x ^= x << 17;
        s->random = x;
        s->closing = 0;
        unread = PB_UNREAD_CHANGES / 2 + (uint32_t)(x % PB_UNREAD_CHANGES);
    } else if (unread == 0) {
        s->closing = 1; /* this reading opened a sample */
    }
    PB_TALLY_STORE(&s->unread_left, unread);
    PB_TALLY_STORE(&s->unread_from, unread);
}

/* A change of state that is read, or (change 0) a reading in the middle of `state`: the time
 * since the last reading goes to the states it covered. Returns the time. Writer side of the
 * sequence lock (Boehm, "Can seqlocks get along with programming language memory models?",
 * MSPC 2012). */
static int64_t read_change(pb_worker_stats *s, int32_t state, int change) {
    uint32_t flips = PB_TALLY_LOAD(&s->unread_from) - PB_TALLY_LOAD(&s->unread_left);
    int64_t now = READ_CLOCK();
    uint32_t seq = atomic_load_explicit(&s->seq, memory_order_relaxed);
    atomic_store_explicit(&s->seq, seq + 1, memory_order_relaxed);
    atomic_thread_fence(memory_order_release);
    int32_t old = atomic_load_explicit(&s->state, memory_order_relaxed);
    int64_t since = atomic_load_explicit(&s->since, memory_order_relaxed);
    int64_t elapsed = now > since ? now - since : 0, ns[PB_STATES], interval = 0;
    for (int j = 0; j < PB_STATES; j++) ns[j] = atomic_load_explicit(&s->ns[j], memory_order_relaxed);
    /* Only what changed is stored: in wasm every atomic store is a full fence. */
    if (flips == 0) {
        ns[old] += elapsed;
        atomic_store_explicit(&s->ns[old], ns[old], memory_order_relaxed);
        if (change && s->at_change && (old == PB_BUSY || old == PB_SEARCHING)) {
            /* An interval read at both ends: a short one feeds its state's mean; a long one is
             * not estimated but makes every change read for a while (schedule_sample). */
            interval = elapsed;
            if (elapsed < PB_LONG_NS) {
                s->observed_ns[old] += elapsed;
                if (++s->observed[old] >= PB_MEAN_WINDOW) {
                    s->observed_ns[old] /= 2;
                    s->observed[old] /= 2;
                }
                atomic_store_explicit(&s->mean_ns[old], mean_of(s, old), memory_order_relaxed);
            }
        }
    } else {
        int64_t mean[2] = {mean_of(s, PB_BUSY), mean_of(s, PB_SEARCHING)};
        int64_t expected = split_unread(old, flips, elapsed, mean, ns);
        if (elapsed - expected >= PB_LONG_NS) interval = elapsed - expected;
        atomic_store_explicit(&s->ns[PB_BUSY], ns[PB_BUSY], memory_order_relaxed);
        atomic_store_explicit(&s->ns[PB_SEARCHING], ns[PB_SEARCHING], memory_order_relaxed);
    }
    if (state != old) atomic_store_explicit(&s->state, state, memory_order_relaxed);
    atomic_store_explicit(&s->since, now, memory_order_relaxed);
    if (atomic_load_explicit(&s->failed_steals, memory_order_relaxed) != s->failed_passes)
        atomic_store_explicit(&s->failed_steals, s->failed_passes, memory_order_relaxed);
    /* Inside the lock: a reader must see unread_from and unread_left of the same stretch. */
    if (change) schedule_sample(s, interval);
    else PB_TALLY_STORE(&s->unread_from, PB_TALLY_LOAD(&s->unread_left));
    atomic_store_explicit(&s->seq, seq + 2, memory_order_release);
    s->at_change = change;
    return now;
}

/* The worker changes between busy and searching (one of the two to the other): while sampling,
 * the change is left unread, only counted down (one load and one store: the hot path, up to
 * four times a step of forkjoin). */
static inline void flip_to(pb_worker *worker, int32_t state) {
    pb_worker_stats *s = &worker->stats;
    uint32_t unread = PB_TALLY_LOAD(&s->unread_left);
    if (unread > 0) PB_TALLY_STORE(&s->unread_left, unread - 1);
    else read_change(s, state, 1);
}

/* Any other change of state (asleep, parked, and back to searching) is read. Returns the time. */
static int64_t enter_state(pb_worker *worker, int32_t state) {
    return read_change(&worker->stats, state, 1);
}

/* After a sleep on pool->event that began at slept_at, when it read `seen`. A bump may have come
 * between the two, stamped for an earlier sleep or not at all: the latency counts from the later. */
static void note_woken(pb_worker *worker, uint32_t seen, int64_t slept_at) {
    int64_t now = enter_state(worker, PB_SEARCHING);
    if (atomic_load(&worker->pool->event) == seen) return;
    int64_t woken_at = atomic_load_explicit(&worker->pool->woken_at, memory_order_relaxed);
    int64_t latency = now - (woken_at > slept_at ? woken_at : slept_at);
    count(&worker->stats.wakeups, 1);
    count(&worker->stats.wake_latency_ns, latency > 0 ? latency : 0);
}
#else
#define STATS(...)
#endif

/* The first bump after a sleep began is stamped, not every bump: while a sleeper wakes up (tens
 * of us in a browser) every push of forkjoin bumps again, up to once a step, and a clock reading
 * at each was most of what the accounting cost it in Chromium (README, "Accounting"). */
static void wake_sleepers(pb_pool *pool, int32_t count) {
    STATS(uint32_t sleeps = atomic_load_explicit(&pool->sleeps_begun, memory_order_relaxed);
          if (sleeps != atomic_load_explicit(&pool->sleeps_stamped, memory_order_relaxed)) {
              atomic_store_explicit(&pool->woken_at, STAMP_CLOCK(), memory_order_relaxed);
              atomic_store_explicit(&pool->sleeps_stamped, sleeps, memory_order_relaxed);
          })
    atomic_fetch_add(&pool->event, 1);
    pb_futex_wake(&pool->event, count);
}

static void announce_work(pb_pool *pool) {
    if (atomic_load(&pool->sleepers) > 0) wake_sleepers(pool, 1);
}

static void run_stolen(pb_worker *worker, pb_job *job) {
    job->fn(worker, job->arg);
    /* After this exchange the job (on its owner's stack) may be gone. */
    if (atomic_exchange(&job->state, JOB_DONE) == JOB_OWNER_SLEEPS)
        wake_sleepers(worker->pool, INT32_MAX);
}

static uint64_t next_random(pb_worker *worker) {
    uint64_t x = worker->victim_seed;
    x ^= x << 13;
    x ^= x >> 7;
    x ^= x << 17;
    worker->victim_seed = x;
    return x;
}

/* One pass over the other active workers' deques from a random start. *contended is set when
 * a steal lost a race (work exists, so it is no time to sleep). */
static pb_job *steal_work(pb_worker *worker, int *contended) {
    pb_pool *pool = worker->pool;
    int32_t n = pb_worker_count(worker);
    int32_t victim = (int32_t)(next_random(worker) % (uint64_t)n);
    for (int32_t k = 0; k < n; k++, victim = victim + 1 == n ? 0 : victim + 1) {
        if (victim == worker->index) continue;
        pb_job *job;
        pb_steal_result result = pb_deque_steal(&pool->worker[victim].deque, &job);
        if (result == PB_STEAL_OK) {
            atomic_fetch_add_explicit(&worker->steals, 1, memory_order_relaxed);
            return job;
        }
        if (result == PB_STEAL_RETRY) *contended = 1;
    }
    return 0;
}

static int work_visible(pb_pool *pool) {
    for (int32_t i = 0, n = atomic_load(&pool->active); i < n; i++)
        if (pb_deque_looks_nonempty(&pool->worker[i].deque)) return 1;
    return 0;
}

/* A join owner waits for its job; an idle helper (job == NULL) until the pool stops or
 * parks it. */
static int waiting_is_over(pb_worker *worker, pb_job *job) {
    if (job) return atomic_load_explicit(&job->state, memory_order_acquire) == JOB_DONE;
    return atomic_load(&worker->pool->stop) != 0 || atomic_load(&worker->park) != 0;
}

static void sleep_until_news(pb_worker *worker, pb_job *job) {
    pb_pool *pool = worker->pool;
    uint32_t seen = atomic_load(&pool->event);
    atomic_fetch_add(&pool->sleepers, 1);
    int may_sleep;
    if (job) {
        uint32_t expected = JOB_PENDING;
        may_sleep = atomic_compare_exchange_strong(&job->state, &expected, JOB_OWNER_SLEEPS) ||
                    expected == JOB_OWNER_SLEEPS;
    } else {
        may_sleep = !waiting_is_over(worker, 0);
    }
    if (may_sleep && !work_visible(pool)) {
        STATS(int64_t slept_at = enter_state(worker, PB_ASLEEP); count(&worker->stats.sleeps, 1);
              atomic_fetch_add_explicit(&pool->sleeps_begun, 1, memory_order_relaxed);)
        pb_futex_wait(&pool->event, seen, -1);
        STATS(note_woken(worker, seen, slept_at);)
    }
    atomic_fetch_sub(&pool->sleepers, 1);
}

/* Steals and runs other work until job is done, or (job == NULL) until the pool stops or
 * parks this helper. */
static void work_until(pb_worker *worker, pb_job *job) {
    if (waiting_is_over(worker, job)) return;
    /* A join owner comes from its task (busy); an idle helper from its start or its park. */
    STATS(if (job) flip_to(worker, PB_SEARCHING); else enter_state(worker, PB_SEARCHING);)
    int idle_rounds = 0;
    while (!waiting_is_over(worker, job)) {
        int contended = 0;
        pb_job *found = steal_work(worker, &contended);
        if (found) {
            STATS(flip_to(worker, PB_BUSY);)
            run_stolen(worker, found);
            STATS(flip_to(worker, PB_SEARCHING);)
            idle_rounds = 0;
            continue;
        }
        STATS(worker->stats.failed_passes++;)
        if (contended) {
            pb_cpu_relax();
        } else if (++idle_rounds <= PB_SPIN_ROUNDS) {
            for (int i = 0; i < PB_RELAX_PER_ROUND; i++) pb_cpu_relax();
        } else if (idle_rounds <= PB_SPIN_ROUNDS + PB_YIELD_ROUNDS) {
            pb_yield();
        } else {
            sleep_until_news(worker, job);
            idle_rounds = 0;
        }
    }
    STATS(flip_to(worker, PB_BUSY);)
}

static void join(pb_worker *worker, pb_task_fn a, void *a_arg, pb_task_fn b, void *b_arg) {
    pb_job job;
    job.fn = b;
    job.arg = b_arg;
    atomic_init(&job.state, JOB_PENDING);
    if (pb_worker_count(worker) == 1 || !pb_deque_push(&worker->deque, &job)) {
        a(worker, a_arg);
        b(worker, b_arg);
        return;
    }
    announce_work(worker->pool);
    a(worker, a_arg);
    /* Everything a pushed it also took back, so b is on top unless a thief has it. */
    if (pb_deque_take(&worker->deque) == &job) {
        b(worker, b_arg);
    } else {
        work_until(worker, &job);
    }
}

/* A join or loop that worker 0 enters outside any other is a parallel region. */
#if PB_STATS
#define IN_REGION(worker, call)                                                             \
    do {                                                                                    \
        if ((worker)->stats.region_depth++ == 0) (worker)->stats.regions++;                 \
        call;                                                                               \
        (worker)->stats.region_depth--;                                                     \
    } while (0)
#else
#define IN_REGION(worker, call) call
#endif

void pb_join(pb_worker *worker, pb_task_fn a, void *a_arg, pb_task_fn b, void *b_arg) {
    IN_REGION(worker, join(worker, a, a_arg, b, b_arg));
}

typedef struct for_range {
    pb_range_fn body;
    void *context;
    int64_t lo, hi, grain;
} for_range;

static void for_range_task(pb_worker *worker, void *arg) {
    const for_range *range = arg;
    if (range->hi - range->lo <= range->grain) {
        range->body(worker, range->context, range->lo, range->hi);
        return;
    }
    int64_t mid = range->lo + (range->hi - range->lo) / 2;
    for_range left = *range, right = *range;
    left.hi = mid;
    right.lo = mid;
    pb_join(worker, for_range_task, &left, for_range_task, &right);
}

static void parallel_for(pb_worker *worker, int64_t lo, int64_t hi, int64_t grain, pb_range_fn body,
                         void *context) {
    if (pb_worker_count(worker) == 1) {
        body(worker, context, lo, hi);
        return;
    }
    for_range range = {body, context, lo, hi, grain < 1 ? 1 : grain};
    for_range_task(worker, &range);
}

void pb_parallel_for(pb_worker *worker, int64_t lo, int64_t hi, int64_t grain, pb_range_fn body,
                     void *context) {
    if (hi <= lo) return;
    IN_REGION(worker, parallel_for(worker, lo, hi, grain, body, context));
}

/* A helper left out of the active workers sleeps here, on its own futex word, until
 * pb_pool_use_workers takes it back or the pool stops; pool->parked tells the controller. */
static void park_until_included(pb_worker *worker) {
    pb_pool *pool = worker->pool;
    STATS(enter_state(worker, PB_PARKED);)
    atomic_fetch_add(&pool->parked, 1);
    pb_futex_wake(&pool->parked, 1);
    while (atomic_load(&worker->park)) pb_futex_wait(&worker->park, 1, -1);
    atomic_fetch_sub(&pool->parked, 1);
    pb_futex_wake(&pool->parked, 1);
}

static void set_park(pb_worker *worker, uint32_t park) {
    atomic_store(&worker->park, park);
    if (!park) pb_futex_wake(&worker->park, 1);
}

void pb_pool_helper_run(pb_pool *pool, int32_t index) {
    if (index < 1 || index >= pool->workers) return;
    pb_worker *worker = &pool->worker[index];
    /* The handshake: from here on this helper sees every event, so it can be counted. */
    (void)atomic_load(&pool->event);
    atomic_fetch_add(&pool->ready, 1);
    pb_futex_wake(&pool->ready, INT32_MAX);
    for (;;) {
        work_until(worker, 0);
        if (atomic_load(&pool->stop)) break;
        park_until_included(worker);
    }
    atomic_fetch_add(&pool->exited, 1);
    pb_futex_wake(&pool->exited, INT32_MAX);
}

pb_pool *pb_pool_create(int32_t workers) {
    if (workers < 1 || workers > PB_MAX_WORKERS) {
        pb_fail(PB_ERR_WORKERS, "a pool needs 1 to %d workers but %d were asked for; pass a worker count in that range",
                PB_MAX_WORKERS, workers);
        return 0;
    }
    pb_pool *pool = pb_alloc(sizeof *pool);
    pb_worker *worker = pb_alloc(sizeof *worker * (size_t)workers);
    /* The reset's records, then what a read returns. */
    size_t stats_values = (size_t)PB_STATS_FIELDS * (size_t)workers;
    size_t stats_bytes = sizeof(int64_t) * (stats_values + PB_STATS_HEADER + stats_values);
    int64_t *stats_base = pb_alloc(stats_bytes);
    if (!pool || !worker || !stats_base) {
        pb_free(pool);
        pb_free(worker);
        pb_free(stats_base);
        pb_fail(PB_ERR_NOMEM, "no memory for a pool of %d workers (%llu bytes)%s; use fewer workers", workers,
                (unsigned long long)(sizeof *pool + sizeof *worker * (size_t)workers + stats_bytes),
                pb_alloc_limit_text());
        return 0;
    }
    pool->workers = workers;
    pool->worker = worker;
    pool->platform = 0;
    atomic_init(&pool->active, workers);
    atomic_init(&pool->event, 0);
    atomic_init(&pool->sleepers, 0);
    atomic_init(&pool->ready, 0);
    atomic_init(&pool->exited, 0);
    atomic_init(&pool->stop, 0);
    atomic_init(&pool->parked, 0);
    atomic_init(&pool->woken_at, 0);
    atomic_init(&pool->sleeps_begun, 0);
    atomic_init(&pool->sleeps_stamped, 0);
    pool->stats_base = stats_base;
    pool->stats_out = stats_base + stats_values;
    int64_t now = pb_clock_ns();
    pool->stats_reset_at = now;
    for (size_t i = 0; i < stats_values + PB_STATS_HEADER + stats_values; i++) stats_base[i] = 0;
    for (int32_t i = 0; i < workers; i++) {
        pb_deque_init(&worker[i].deque);
        worker[i].pool = pool;
        worker[i].index = i;
        worker[i].victim_seed = 0x9E3779B97F4A7C15ULL * (uint64_t)(i + 1);
        atomic_init(&worker[i].steals, 0);
        atomic_init(&worker[i].park, 0);
        int32_t state = i == 0 ? PB_BUSY : PB_SEARCHING; /* every other field starts at 0 */
        worker[i].stats = (pb_worker_stats){.state = state, .since = now,
                                            .region_depth = i == 0 ? 0 : 1, .random = worker[i].victim_seed};
    }
    int32_t status = pb_platform_start_helpers(pool);
    if (status != PB_OK) {
        pb_free(stats_base);
        pb_free(worker);
        pb_free(pool);
        return 0;
    }
    pb_succeed();
    return pool;
}

int32_t pb_pool_wait_ready(pb_pool *pool, int32_t timeout_ms) {
    if (!pool) return pb_fail(PB_ERR_STATE, "pb_pool_wait_ready was given a NULL pool; pass the pool returned by pb_pool_create");
    uint32_t wanted = (uint32_t)(pool->workers - 1);
    int64_t waited_ms = 0;
    for (;;) {
        uint32_t ready = atomic_load(&pool->ready);
        if (ready >= wanted) break;
        if (timeout_ms >= 0 && waited_ms >= timeout_ms)
            return pb_fail(PB_ERR_THREAD,
                           "only %d of the pool's %d helpers became ready within %d ms; start helper i = 1..%d with "
                           "pb_stack_enter(pb_pool_helper_stack(pool, i)) and pb_worker_main(pool, i) (wasm), or "
                           "allow a longer timeout",
                           (int)ready, (int)wanted, timeout_ms, (int)wanted);
        int64_t slice = PB_WAIT_SLICE_MS;
        if (timeout_ms >= 0 && timeout_ms - waited_ms < slice) slice = timeout_ms - waited_ms;
        if (pb_futex_wait(&pool->ready, ready, slice)) waited_ms += slice;
    }
    pb_succeed();
    return PB_OK;
}

int32_t pb_pool_workers(pb_pool *pool) {
    if (!pool) {
        pb_fail(PB_ERR_STATE, "pb_pool_workers was given a NULL pool; pass the pool returned by pb_pool_create");
        return 0;
    }
    return pool->workers;
}

int32_t pb_pool_use_workers(pb_pool *pool, int32_t workers) {
    if (!pool)
        return pb_fail(PB_ERR_STATE, "pb_pool_use_workers was given a NULL pool; pass the pool returned by pb_pool_create");
    if (workers < 1 || workers > pool->workers)
        return pb_fail(PB_ERR_WORKERS,
                       "a pool of %d workers can use 1 to %d of them but %d were asked for; pass a count in that "
                       "range, or create the pool with the largest count you will use",
                       pool->workers, pool->workers, workers);
    if (atomic_load(&pool->ready) < (uint32_t)(pool->workers - 1))
        return pb_fail(PB_ERR_STATE, "pb_pool_use_workers was called before every helper had entered the pool; "
                                     "call it only after pb_pool_wait_ready succeeded");
    int32_t active = atomic_load(&pool->active);
    for (int32_t i = workers; i < active; i++) set_park(&pool->worker[i], 1);
    atomic_store(&pool->active, workers);
    for (int32_t i = active; i < workers; i++) set_park(&pool->worker[i], 0);
    /* Helpers asleep on the event must wake to see that they are to park. */
    if (workers < active) wake_sleepers(pool, INT32_MAX);
    uint32_t wanted = (uint32_t)(pool->workers - workers);
    for (uint32_t parked; (parked = atomic_load(&pool->parked)) != wanted;)
        pb_futex_wait(&pool->parked, parked, -1);
    pb_succeed();
    return PB_OK;
}

void pb_pool_request_stop(pb_pool *pool) {
    atomic_store(&pool->stop, 1);
    wake_sleepers(pool, INT32_MAX);
    for (int32_t i = atomic_load(&pool->active); i < pool->workers; i++) set_park(&pool->worker[i], 0);
}

void pb_pool_destroy(pb_pool *pool) {
    if (!pool) return;
    pb_pool_request_stop(pool);
    /* Every helper that entered must have left before the memory goes. */
    for (;;) {
        uint32_t exited = atomic_load(&pool->exited);
        if (exited >= atomic_load(&pool->ready)) break;
        pb_futex_wait(&pool->exited, exited, PB_WAIT_SLICE_MS);
    }
    pb_platform_stop_helpers(pool);
    pb_free(pool->stats_base);
    pb_free(pool->worker);
    pb_free(pool);
}

int32_t pb_pool_stats_size(pb_pool *pool) {
    if (!pool) {
        pb_fail(PB_ERR_STATE, "pb_pool_stats_size was given a NULL pool; pass the pool returned by pb_pool_create");
        return 0;
    }
    return PB_STATS_HEADER + pool->workers * PB_STATS_FIELDS;
}

#if PB_STATS
/* Reader side of the sequence lock: the worker's times up to its last reading of the clock. */
static void take_times(pb_worker *worker) {
    pb_worker_stats *s = &worker->stats;
    pb_taken_times *t = &worker->taken;
    for (;;) {
        uint32_t seq = atomic_load_explicit(&s->seq, memory_order_acquire);
        for (int j = 0; j < PB_STATES; j++) t->ns[j] = atomic_load_explicit(&s->ns[j], memory_order_relaxed);
        for (int j = 0; j < 2; j++) t->mean_ns[j] = atomic_load_explicit(&s->mean_ns[j], memory_order_relaxed);
        t->state = atomic_load_explicit(&s->state, memory_order_relaxed);
        t->since = atomic_load_explicit(&s->since, memory_order_relaxed);
        t->flips = PB_TALLY_LOAD(&s->unread_from) - PB_TALLY_LOAD(&s->unread_left);
        atomic_thread_fence(memory_order_acquire);
        if (!(seq & 1) && atomic_load_explicit(&s->seq, memory_order_relaxed) == seq) break;
        pb_cpu_relax();
    }
}

/* A worker's record (PB_STATS_FIELDS values) as of `now`, from the times taken before it: its
 * time up to its last reading plus the stretch since, split as the worker would split it. A
 * reading ahead of `now` (in wasm another worker's clock may run a little ahead) is taken back
 * from the state it opened, so that the record still adds up to `now`. */
static void worker_record(pb_worker *worker, int64_t now, int64_t *record) {
    const pb_taken_times *t = &worker->taken;
    pb_worker_stats *s = &worker->stats;
    int64_t ns[PB_STATES], elapsed = now - t->since;
    for (int j = 0; j < PB_STATES; j++) ns[j] = t->ns[j];
    if (t->flips == 0 || elapsed <= 0) ns[t->state] += elapsed;
    else split_unread(t->state, t->flips, elapsed, t->mean_ns, ns);
    record[PB_STATS_BUSY_NS] = ns[PB_BUSY];
    record[PB_STATS_SEARCHING_NS] = ns[PB_SEARCHING];
    record[PB_STATS_ASLEEP_NS] = ns[PB_ASLEEP];
    record[PB_STATS_PARKED_NS] = ns[PB_PARKED];
    record[PB_STATS_STEALS] = (int64_t)atomic_load_explicit(&worker->steals, memory_order_relaxed);
    record[PB_STATS_FAILED_STEALS] = atomic_load_explicit(&s->failed_steals, memory_order_relaxed);
    record[PB_STATS_SLEEPS] = atomic_load_explicit(&s->sleeps, memory_order_relaxed);
    record[PB_STATS_WAKEUPS] = atomic_load_explicit(&s->wakeups, memory_order_relaxed);
    record[PB_STATS_WAKE_LATENCY_NS] = atomic_load_explicit(&s->wake_latency_ns, memory_order_relaxed);
    record[PB_STATS_REGIONS] = s->regions;
}
#endif

#if PB_STATS
/* Reset and read are the controller's, between steps: worker 0 is its thread, busy (outside any
 * join). Its last changes may have been left unread (at W = 2, say); reading now ends that
 * stretch here, so that a block in which it changes no state (at W = 1) is all busy. Returns the
 * time. */
static int64_t read_controller(pb_pool *pool) {
    return read_change(&pool->worker[0].stats, PB_BUSY, 0);
}

/* Every worker's record into records ([workers][PB_STATS_FIELDS]) as of one reading of the
 * controller's clock, which it returns. The helpers' times are taken before that reading: taken
 * after it, a helper that changed state in between would be counted past it, and its times fell
 * short of the window by as much (48 ns in a wasm-smoke run). */
static int64_t record_workers(pb_pool *pool, int64_t *records) {
    for (int32_t i = 1; i < pool->workers; i++) take_times(&pool->worker[i]);
    int64_t now = read_controller(pool);
    take_times(&pool->worker[0]);
    for (int32_t i = 0; i < pool->workers; i++) worker_record(&pool->worker[i], now, &records[i * PB_STATS_FIELDS]);
    return now;
}
#endif

/* Why reset or read cannot work on this pool, or NULL. */
static const char *stats_unavailable(pb_pool *pool) {
    if (!pool) return "was given a NULL pool; pass the pool returned by pb_pool_create";
    if (!PB_STATS)
        return "is not available: this library was built without the pool's accounting (PB_STATS=0, for measuring "
               "what it costs); use the normal build";
    return 0;
}

int32_t pb_pool_stats_reset(pb_pool *pool) {
    const char *why = stats_unavailable(pool);
    if (why) return pb_fail(PB_ERR_STATE, "pb_pool_stats_reset %s", why);
#if PB_STATS
    pool->stats_reset_at = record_workers(pool, pool->stats_base);
#endif
    pb_succeed();
    return PB_OK;
}

const int64_t *pb_pool_stats_read(pb_pool *pool) {
    const char *why = stats_unavailable(pool);
    if (why) {
        pb_fail(PB_ERR_STATE, "pb_pool_stats_read %s", why);
        return 0;
    }
    int64_t *out = pool->stats_out;
#if PB_STATS
    int64_t now = record_workers(pool, out + PB_STATS_HEADER);
    out[PB_STATS_RECORD_LENGTH] = PB_STATS_FIELDS;
    out[PB_STATS_WORKERS] = pool->workers;
    out[PB_STATS_ACTIVE] = atomic_load(&pool->active);
    out[PB_STATS_WINDOW_NS] = now - pool->stats_reset_at;
    for (int32_t i = 0; i < pool->workers; i++) {
        int64_t *record = &out[PB_STATS_HEADER + i * PB_STATS_FIELDS];
        const int64_t *base = &pool->stats_base[i * PB_STATS_FIELDS];
        /* The reset counted a worker's open interval up to the controller's clock reading in the
         * state it was in; the worker may close it at an earlier reading of its own (taken before it
         * was preempted) or split it otherwise (unread changes), so a time can come out a little
         * below its base: seen as -168 ns, which no reader accepts. It is none. */
        for (int j = 0; j < PB_STATS_FIELDS; j++) record[j] = record[j] > base[j] ? record[j] - base[j] : 0;
    }
#endif
    pb_succeed();
    return out;
}

const int64_t *pb_clock_probe(int32_t reads) {
    static int64_t out[2];
    if (reads < 2 || reads > 100000000) {
        pb_fail(PB_ERR_SIZE, "pb_clock_probe takes 2 to 100000000 reads but got %d; pass a count in that range", reads);
        return 0;
    }
    int64_t first = pb_clock_ns(), last = first, step = 0;
    for (int32_t i = 1; i < reads; i++) {
        int64_t now = pb_clock_ns();
        if (now > last && (step == 0 || now - last < step)) step = now - last;
        last = now;
    }
    out[0] = last - first;
    out[1] = step;
    pb_succeed();
    return out;
}
