/*
 * kernels.c: the kernel table (the rows of kernels.def) and the pb_kernel_* / pb_bench_*
 * ABI. Checks sizes, allocates every kernel buffer in one place and reports what does not fit.
 */
#include <stddef.h>

#include "../runtime/error.h"
#include "kernel.h"

static const pb_kernel kernels[] = {
#define PB_KERNEL(name, tag, unit, quick, normal, full, java_port, role) {#name, tag, {quick, normal, full}, &pb_kernel_##name},
#include "kernels.def"
#undef PB_KERNEL
};

/* Extra work of a build slowed for calibration (README.md): the kernel's step runs
 * (100 + P)% as often as pb_bench_step is called, the extra runs spread as evenly as whole
 * steps allow (every 10th call runs it twice at P = 10). Steps are idempotent, so no output
 * or checksum changes. 0 in every normal build. */
#ifndef PB_EXTRA_WORK_PERCENT
#define PB_EXTRA_WORK_PERCENT 0
#endif
_Static_assert(PB_EXTRA_WORK_PERCENT >= 0 && PB_EXTRA_WORK_PERCENT <= 1000, "PB_EXTRA_WORK_PERCENT is 0..1000");

#define KERNEL_COUNT ((int32_t)(sizeof kernels / sizeof kernels[0]))
/* "sum, histogram, …, " in id order, for the message about an unknown id. */
static const char kernel_names[] =
#define PB_KERNEL(name, tag, unit, quick, normal, full, java_port, role) #name ", "
#include "kernels.def"
#undef PB_KERNEL
    ;

static const pb_kernel *kernel_by_id(int32_t kernel) {
    return kernel >= 0 && kernel < KERNEL_COUNT ? &kernels[kernel] : 0;
}

int32_t pb_kernel_count(void) { return KERNEL_COUNT; }

const char *pb_kernel_name(int32_t kernel) {
    const pb_kernel *k = kernel_by_id(kernel);
    return k ? k->name : 0;
}

int64_t pb_kernel_default_size(int32_t kernel, int32_t profile) {
    const pb_kernel *k = kernel_by_id(kernel);
    if (!k || profile < PB_PROFILE_QUICK || profile > PB_PROFILE_FULL) return -1;
    return k->size[profile];
}

uint64_t pb_hash_u64s(const uint64_t *v, uint64_t m) {
    uint64_t h = pb_hash_begin(m);
    for (uint64_t i = 0; i < m; i++) h = pb_hash_add(h, v[i]);
    return h;
}

uint64_t pb_hash_f64s(const double *v, uint64_t m) {
    uint64_t h = pb_hash_begin(m);
    for (uint64_t i = 0; i < m; i++) h = pb_hash_add(h, pb_f64_bits(v[i]));
    return h;
}

static void free_buffers(pb_bench *bench) {
    for (int32_t i = 0; i < bench->buffers; i++) pb_free(bench->buffer[i]);
    bench->buffers = 0;
}

/* Total bytes of the plan into *total; 0 if it overflows 64 bits. */
static int plan_bytes(const pb_buffer_request *request, int count, uint64_t *total) {
    *total = sizeof(pb_bench);
    for (int i = 0; i < count; i++) {
        uint64_t bytes;
        if (!pb_mul_u64(request[i].count, request[i].elem_size, &bytes) ||
            __builtin_add_overflow(*total, bytes, total))
            return 0;
    }
    return 1;
}

pb_bench *pb_bench_create(pb_pool *pool, int32_t kernel, int64_t size, uint64_t seed) {
    const pb_kernel *k = kernel_by_id(kernel);
    if (!pool) {
        pb_fail(PB_ERR_STATE, "pb_bench_create was given a NULL pool; create one with pb_pool_create first");
        return 0;
    }
    if (!k) {
        pb_fail(PB_ERR_KERNEL, "unknown kernel id %d; use 0 to %d (%sin that order)", kernel, KERNEL_COUNT - 1,
                kernel_names);
        return 0;
    }
    if (size < 1) {
        pb_fail(PB_ERR_SIZE, "kernel %s got size %lld but sizes start at 1; pass a positive size", k->name,
                (long long)size);
        return 0;
    }
    pb_buffer_request request[PB_MAX_BUFFERS];
    int count = k->ops->plan(size, pool->workers, request);
    uint64_t total;
    if (count < 0 || !plan_bytes(request, count, &total)) {
        pb_fail(PB_ERR_SIZE, "kernel %s at size %lld would need more than 2^64 bytes of buffers; use a smaller size",
                k->name, (long long)size);
        return 0;
    }
    pb_bench *bench = total <= SIZE_MAX ? pb_alloc(sizeof *bench) : 0;
    if (bench) {
        bench->buffers = 0;
        for (int i = 0; i < count; i++) {
            void *buffer = pb_alloc((size_t)(request[i].count * request[i].elem_size));
            if (!buffer) break;
            bench->buffer[bench->buffers++] = buffer;
        }
        if (bench->buffers < count) {
            free_buffers(bench);
            pb_free(bench);
            bench = 0;
        }
    }
    if (!bench) {
        pb_fail(PB_ERR_NOMEM, "kernel %s at size %lld needs %llu bytes of memory%s; use a smaller size", k->name,
                (long long)size, (unsigned long long)total, pb_alloc_limit_text());
        return 0;
    }
    bench->kernel = k;
    bench->pool = pool;
    bench->n = size;
    bench->seed = seed;
    bench->workers = pool->workers;
    bench->calls = 0;
    bench->kernel_steps = 0;
    bench->result_f64 = 0.0;
    bench->result_u64 = 0;
    if (k->ops->init) k->ops->init(bench);
    pb_succeed();
    return bench;
}

/* Pieces of this many elements: big enough that a piece outlasts a steal by far. */
#define PB_FILL_GRAIN 65536

void pb_bench_fill(pb_bench *bench, pb_range_fn fill) {
    pb_parallel_for(&bench->pool->worker[0], 0, bench->n, PB_FILL_GRAIN, fill, bench);
}

int32_t pb_bench_step(pb_bench *bench) {
    if (!bench) return pb_fail(PB_ERR_STATE, "pb_bench_step was given a NULL bench; create one with pb_bench_create");
    bench->workers = atomic_load(&bench->pool->active);
    bench->calls++;
    do {
        bench->kernel->ops->step(bench, &bench->pool->worker[0]);
        bench->kernel_steps++;
    } while ((bench->kernel_steps + 1) * 100 <= bench->calls * (100 + PB_EXTRA_WORK_PERCENT));
    return PB_OK;
}

int64_t pb_bench_kernel_steps(pb_bench *bench) {
    if (!bench) {
        pb_fail(PB_ERR_STATE, "pb_bench_kernel_steps was given a NULL bench; create one with pb_bench_create");
        return -1;
    }
    return bench->kernel_steps;
}

uint64_t pb_bench_checksum(pb_bench *bench) {
    if (!bench) {
        pb_fail(PB_ERR_STATE, "pb_bench_checksum was given a NULL bench; create one with pb_bench_create");
        return 0;
    }
    return bench->calls > 0 ? bench->kernel->ops->checksum(bench) : 0;
}

void pb_bench_destroy(pb_bench *bench) {
    if (!bench) return;
    free_buffers(bench);
    pb_free(bench);
}
