/*
 * test_runtime.c: the work-stealing runtime itself, compiled together with the library
 * sources (so it can call pb_join) and run three ways by run-tests.sh: plain, under
 * ThreadSanitizer and under AddressSanitizer/LeakSanitizer. Deep nested joins (fib),
 * joins deeper than a deque holds, parallel loops that must visit every index once,
 * joins whose owner falls asleep while a thief runs the other half, helpers that sleep
 * between steps and are woken, an idle pool that must not burn CPU, repeated pool
 * create/destroy, jobs that must be stolen, and every kernel at W = 1..4 at small sizes.
 */
#define _GNU_SOURCE
#include <inttypes.h>
#include <stdatomic.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "check.h"
#include "parbench.h"
#include "runtime/pool.h"

static pb_pool *start_pool(int workers) {
    pb_pool *pool = pb_pool_create(workers);
    if (!pool || pb_pool_wait_ready(pool, 30000) != PB_OK) {
        fprintf(stderr, "cannot start a pool of %d workers: %s\n", workers, pb_last_error());
        exit(1);
    }
    return pool;
}

/* Jobs stolen in the fib, rendezvous and parallel_for tests: the stress really had
 * helpers steal (else ThreadSanitizer would have little to watch). */
static uint64_t steals_seen;

static void count_steals(pb_pool *pool) {
    for (int i = 0; i < pool->workers; i++) steals_seen += atomic_load(&pool->worker[i].steals);
}

/* Runs task(worker 0, arg) as pb_bench_step does: on the controller, as worker 0. */
static void run_on_pool(pb_pool *pool, pb_task_fn task, void *arg) { task(&pool->worker[0], arg); }

typedef struct fib_call {
    int n;
    int64_t result;
} fib_call;

static void fib_task(pb_worker *worker, void *arg) {
    fib_call *call = arg;
    if (call->n < 2) {
        call->result = call->n;
        return;
    }
    fib_call a = {call->n - 1, 0}, b = {call->n - 2, 0};
    pb_join(worker, fib_task, &a, fib_task, &b);
    call->result = a.result + b.result;
}

static void test_fib(int workers, int n, int64_t expected) {
    pb_pool *pool = start_pool(workers);
    for (int round = 0; round < 3; round++) {
        fib_call call = {n, 0};
        run_on_pool(pool, fib_task, &call);
        CHECK(call.result == expected, "fib(%d) on %d workers = %lld", n, workers, (long long)call.result);
    }
    count_steals(pool);
    pb_pool_destroy(pool);
}

/* A chain of joins deeper than a deque holds: the overflow falls back to running inline. */
typedef struct chain_link {
    int depth;
    _Atomic int64_t *visits;
} chain_link;

static void count_visit(pb_worker *worker, void *arg) {
    (void)worker;
    atomic_fetch_add(((chain_link *)arg)->visits, 1);
}

static void chain_task(pb_worker *worker, void *arg) {
    chain_link *link = arg;
    if (link->depth == 0) return;
    chain_link next = {link->depth - 1, link->visits};
    pb_join(worker, chain_task, &next, count_visit, link);
}

static void test_deep_chain(int workers) {
    pb_pool *pool = start_pool(workers);
    _Atomic int64_t visits = 0;
    chain_link root = {3 * PB_DEQUE_CAPACITY, &visits};
    run_on_pool(pool, chain_task, &root);
    CHECK(atomic_load(&visits) == 3 * PB_DEQUE_CAPACITY, "chain of %d joins on %d workers visited %lld",
          3 * PB_DEQUE_CAPACITY, workers, (long long)atomic_load(&visits));
    pb_pool_destroy(pool);
}

typedef struct coverage {
    _Atomic uint8_t *hits;
    int64_t lo, hi, grain;
    _Atomic int bad_pieces; /* empty, larger than grain, or on a bad worker index */
} coverage;

/* Runs on any worker: counts, never CHECKs (the check counters are not atomic). */
static void mark_range(pb_worker *worker, void *context, int64_t lo, int64_t hi) {
    coverage *c = context;
    int index = pb_worker_index(worker);
    if (hi - lo > c->grain || lo >= hi || index < 0 || index >= pb_worker_count(worker))
        atomic_fetch_add(&c->bad_pieces, 1);
    for (int64_t i = lo; i < hi; i++) atomic_fetch_add(&c->hits[i], 1);
}

static void coverage_task(pb_worker *worker, void *arg) {
    coverage *c = arg;
    pb_parallel_for(worker, c->lo, c->hi, c->grain, mark_range, c);
}

static void test_parallel_for(int workers) {
    pb_pool *pool = start_pool(workers);
    enum { N = 20011 };
    static _Atomic uint8_t hits[N];
    for (int64_t grain = 1; grain <= 4097; grain = grain * 5 + 3) {
        for (int64_t i = 0; i < N; i++) atomic_store(&hits[i], 0);
        coverage c = {hits, 7, N, workers == 1 ? N : grain, 0}; /* one worker runs the range whole */
        run_on_pool(pool, coverage_task, &c);
        CHECK(atomic_load(&c.bad_pieces) == 0, "parallel_for grain %lld on %d workers: %d bad pieces",
              (long long)grain, workers, atomic_load(&c.bad_pieces));
        int64_t wrong = 0;
        for (int64_t i = 0; i < N; i++) wrong += atomic_load(&hits[i]) != (i >= 7);
        CHECK(wrong == 0, "parallel_for grain %lld on %d workers: %lld indices not visited exactly once",
              (long long)grain, workers, (long long)wrong);
    }
    count_steals(pool);
    pb_pool_destroy(pool);
}

/* a waits until b has run, so b must be stolen: pushing a job wakes a sleeping helper,
 * which takes it. Also makes sure every run of this test sees steals. */
typedef struct rendezvous {
    _Atomic int b_ran_on; /* worker index + 1, 0 before b ran */
    int waited_too_long;
} rendezvous;

static void wait_for_b(pb_worker *worker, void *arg) {
    (void)worker;
    rendezvous *r = arg;
    for (int i = 0; i < 100000 && atomic_load(&r->b_ran_on) == 0; i++) usleep(100); /* 10 s at most */
    r->waited_too_long = atomic_load(&r->b_ran_on) == 0;
}

static void note_b(pb_worker *worker, void *arg) {
    atomic_store(&((rendezvous *)arg)->b_ran_on, pb_worker_index(worker) + 1);
}

static void rendezvous_task(pb_worker *worker, void *arg) { pb_join(worker, wait_for_b, arg, note_b, arg); }

static void test_rendezvous(int workers) {
    pb_pool *pool = start_pool(workers);
    int missed = 0, on_owner = 0;
    for (int round = 0; round < 10; round++) {
        if (round % 2) usleep(2000); /* sometimes the helpers are asleep by now */
        rendezvous r = {0, 0};
        run_on_pool(pool, rendezvous_task, &r);
        missed += r.waited_too_long;
        on_owner += atomic_load(&r.b_ran_on) == 1;
    }
    CHECK(missed == 0 && on_owner == 0, "%d workers: %d of 10 offered jobs were not stolen within 10 s, %d ran on the owner",
          workers, missed, on_owner);
    count_steals(pool);
    pb_pool_destroy(pool);
}

/* b takes long (a thief runs it) while a returns at once: the owner spins, then sleeps
 * until the thief's completion wakes it. */
static void nap(pb_worker *worker, void *arg) {
    (void)worker;
    usleep(3000);
    atomic_fetch_add((_Atomic int *)arg, 1);
}

static void quick(pb_worker *worker, void *arg) {
    (void)worker;
    atomic_fetch_add((_Atomic int *)arg, 1);
}

static void owner_waits_task(pb_worker *worker, void *arg) { pb_join(worker, quick, arg, nap, arg); }

static void test_owner_sleeps(void) {
    pb_pool *pool = start_pool(2);
    _Atomic int done = 0;
    for (int round = 0; round < 20; round++) {
        run_on_pool(pool, owner_waits_task, &done);
        usleep(1000); /* let the helper fall asleep now and then */
    }
    CHECK(atomic_load(&done) == 40, "joins with a sleeping owner: %d of 40 halves ran", atomic_load(&done));
    pb_pool_destroy(pool);
}

static double cpu_seconds(void) {
    struct timespec t;
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &t);
    return (double)t.tv_sec + (double)t.tv_nsec * 1e-9;
}

/* Helpers sleep between steps (a pool at rest uses no CPU) and wake up for the next. */
static void test_sleep_and_wake(void) {
    pb_pool *pool = start_pool(4);
    pb_bench *bench = pb_bench_create(pool, 0, 300007, 3);
    pb_bench_step(bench);
    uint64_t expected = pb_bench_checksum(bench);
    int wrong = 0;
    for (int round = 0; round < 30; round++) {
        usleep(round % 3 == 0 ? 5000 : 200);
        pb_bench_step(bench);
        wrong += pb_bench_checksum(bench) != expected;
    }
    CHECK(wrong == 0, "sum after sleeps: %d of 30 checksums differ", wrong);
    usleep(100000); /* time to fall asleep */
    double before = cpu_seconds();
    usleep(300000);
    double used = cpu_seconds() - before;
    CHECK(used < 0.03, "an idle pool of 4 workers used %.3f s of CPU in 0.3 s", used);
    pb_bench_destroy(bench);
    pb_pool_destroy(pool);
}

static void test_churn(int rounds) {
    int failures = 0;
    for (int round = 0; round < rounds; round++) {
        pb_pool *pool = start_pool(1 + round % 5);
        if (round % 2) {
            fib_call call = {12, 0};
            run_on_pool(pool, fib_task, &call);
            failures += call.result != 144;
        }
        pb_pool_destroy(pool);
    }
    CHECK(failures == 0, "%d of %d create/destroy rounds computed wrongly", failures, rounds);
}

static void test_kernels_agree(void) {
    static const int64_t size[] = {100003, 50021, 100003, 67, 61, 50021, 1024};
    for (int k = 0; k < 7; k++) {
        uint64_t first = 0;
        for (int w = 1; w <= 4; w++) {
            pb_pool *pool = start_pool(w);
            pb_bench *bench = pb_bench_create(pool, k, size[k], 42);
            CHECK(bench != NULL, "kernel %d: %s", k, pb_last_error());
            pb_bench_step(bench);
            pb_bench_step(bench);
            uint64_t checksum = pb_bench_checksum(bench);
            if (w == 1) first = checksum;
            CHECK(checksum == first, "kernel %d at W=%d: %016" PRIx64 " but %016" PRIx64 " at W=1", k, w, checksum,
                  first);
            pb_bench_destroy(bench);
            pb_pool_destroy(pool);
        }
    }
}

int main(void) {
    int heavy = getenv("PB_TEST_LIGHT") == NULL; /* sanitizer runs are slower: less work */
    for (int w = 1; w <= 4; w++) test_fib(w, heavy ? 25 : 20, heavy ? 75025 : 6765);
    test_fib(8, heavy ? 22 : 18, heavy ? 17711 : 2584);
    for (int w = 1; w <= 3; w++) test_deep_chain(w);
    for (int w = 2; w <= 4; w++) test_rendezvous(w);
    for (int w = 1; w <= 5; w += 2) test_parallel_for(w);
    test_owner_sleeps();
    test_sleep_and_wake();
    test_churn(heavy ? 100 : 40);
    test_kernels_agree();
    CHECK(steals_seen > 0, "no job was ever stolen: the helpers never took part");
    printf("test_runtime: %llu jobs stolen\n", (unsigned long long)steals_seen);
    return check_summary("test_runtime");
}
