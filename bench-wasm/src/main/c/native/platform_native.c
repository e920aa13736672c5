/*
 * platform_native.c: Linux futexes, pthread helpers and malloc for the native library.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <linux/futex.h>
#include <pthread.h>
#include <sched.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/syscall.h>
#include <time.h>
#include <unistd.h>

#include "../runtime/error.h"
#include "../runtime/platform.h"
#include "../runtime/pool.h"

int pb_futex_wait(_Atomic uint32_t *word, uint32_t expected, int64_t timeout_ms) {
    struct timespec timeout, *limit = 0;
    if (timeout_ms >= 0) {
        timeout.tv_sec = (time_t)(timeout_ms / 1000);
        timeout.tv_nsec = (long)(timeout_ms % 1000) * 1000000L;
        limit = &timeout;
    }
    long r = syscall(SYS_futex, (uint32_t *)word, FUTEX_WAIT_PRIVATE, expected, limit, 0, 0);
    return r == -1 && errno == ETIMEDOUT;
}

void pb_futex_wake(_Atomic uint32_t *word, int32_t count) {
    syscall(SYS_futex, (uint32_t *)word, FUTEX_WAKE_PRIVATE, count, 0, 0, 0);
}

void pb_yield(void) { sched_yield(); }

int64_t pb_clock_ns(void) {
    struct timespec now;
    clock_gettime(CLOCK_MONOTONIC, &now);
    return (int64_t)now.tv_sec * 1000000000 + now.tv_nsec;
}

void *pb_alloc(size_t bytes) {
    void *block = 0;
    if (posix_memalign(&block, PB_CACHE_LINE, bytes == 0 ? PB_CACHE_LINE : bytes) != 0) return 0;
    return block;
}

void pb_free(void *block) { free(block); }

const char *pb_alloc_limit_text(void) { return " but malloc could not provide them"; }

typedef struct helper_start {
    pb_pool *pool;
    int32_t index;
} helper_start;

typedef struct native_helpers {
    pthread_t *thread;   /* [workers - 1] */
    helper_start *start; /* [workers - 1] */
} native_helpers;

/* Named so that the harness finds the pool's threads among a process's (io.parbench.machine
 * reads their CPU time and run-queue wait from /proc): "pb-worker-N", N the worker's index
 * (1..W-1; worker 0 is the caller). Linux keeps 15 characters: enough up to N = 99999. */
static void *helper_thread(void *arg) {
    helper_start *start = arg;
    char name[16];
    snprintf(name, sizeof name, "pb-worker-%d", (int)start->index);
    pthread_setname_np(pthread_self(), name);
    pb_pool_helper_run(start->pool, start->index);
    return 0;
}

static void free_helpers(native_helpers *helpers) {
    free(helpers->thread);
    free(helpers->start);
    free(helpers);
}

static void join_threads(native_helpers *helpers, int32_t count) {
    for (int32_t i = 0; i < count; i++) pthread_join(helpers->thread[i], 0);
}

int32_t pb_platform_start_helpers(pb_pool *pool) {
    int32_t count = pool->workers - 1;
    native_helpers *helpers = calloc(1, sizeof *helpers);
    if (helpers) {
        helpers->thread = calloc((size_t)count + 1, sizeof *helpers->thread);
        helpers->start = calloc((size_t)count + 1, sizeof *helpers->start);
    }
    if (!helpers || !helpers->thread || !helpers->start) {
        if (helpers) free_helpers(helpers);
        return pb_fail(PB_ERR_NOMEM, "no memory to start %d helper threads; use fewer workers", count);
    }
    for (int32_t i = 0; i < count; i++) {
        helpers->start[i].pool = pool;
        helpers->start[i].index = i + 1;
        int error = pthread_create(&helpers->thread[i], 0, helper_thread, &helpers->start[i]);
        if (error != 0) {
            /* Stop the ones already running before giving up. */
            pb_pool_request_stop(pool);
            join_threads(helpers, i);
            free_helpers(helpers);
            return pb_fail(PB_ERR_THREAD, "could not start helper thread %d of %d (%s); use fewer workers", i + 1,
                           count, strerror(error));
        }
    }
    pool->platform = helpers;
    return PB_OK;
}

void pb_platform_stop_helpers(pb_pool *pool) {
    native_helpers *helpers = pool->platform;
    if (!helpers) return;
    join_threads(helpers, pool->workers - 1);
    free_helpers(helpers);
    pool->platform = 0;
}
