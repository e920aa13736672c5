/*
 * sort: stable merge sort of signed 64-bit keys built on pb_join. Halves are sorted in
 * parallel into the other buffer, then merged in parallel by splitting the larger run at
 * its middle and binary-searching the other. Leaves copy their slice of the input (the
 * step's copy, done in parallel) and sort it with a sequential bottom-up merge sort.
 */
#include "kernel.h"

#define SORT_GRAIN 4096   /* keys sorted sequentially by one leaf */
#define MERGE_GRAIN 8192  /* keys merged sequentially */
#define RUN 16            /* insertion-sorted run length of the sequential sort */

enum { INPUT, WORK, SCRATCH };

/* Stable: on equal keys the element of a comes first. */
static void merge_forward(const int64_t *a, int64_t na, const int64_t *b, int64_t nb, int64_t *out) {
    int64_t i = 0, j = 0, k = 0;
    while (i < na && j < nb) {
        int64_t x = a[i], y = b[j];
        int take_b = y < x;
        out[k++] = take_b ? y : x;
        j += take_b;
        i += !take_b;
    }
    while (i < na) out[k++] = a[i++];
    while (j < nb) out[k++] = b[j++];
}

/* The same merge, from both ends at once: two independent chains of loads and compares
 * instead of one. Within min(na, nb) steps from each end neither end runs out of either
 * run, and the two ends never meet; the middle is merged forward. */
static void merge_sequential(const int64_t *a, int64_t na, const int64_t *b, int64_t nb, int64_t *out) {
    int64_t steps = na < nb ? na : nb;
    int64_t i = 0, j = 0, front = 0;                      /* smallest first */
    int64_t ia = na - 1, jb = nb - 1, back = na + nb - 1;  /* largest first */
    for (int64_t s = 0; s < steps; s++) {
        int64_t x = a[i], y = b[j];
        int take_b = y < x; /* ties: a first */
        out[front++] = take_b ? y : x;
        j += take_b;
        i += !take_b;
        int64_t xa = a[ia], yb = b[jb];
        int take_a = xa > yb; /* ties: b last */
        out[back--] = take_a ? xa : yb;
        ia -= take_a;
        jb -= !take_a;
    }
    merge_forward(a + i, ia + 1 - i, b + j, jb + 1 - j, out + front);
}

static void insertion_sort(int64_t *v, int64_t n) {
    for (int64_t i = 1; i < n; i++) {
        int64_t key = v[i], j = i;
        for (; j > 0 && v[j - 1] > key; j--) v[j] = v[j - 1];
        v[j] = key;
    }
}

/* Sorts src[0..n) into dst[0..n), using both as ping-pong buffers. */
static void sort_sequential(const int64_t *src, int64_t *dst, int64_t *other, int64_t n) {
    int passes = 0;
    for (int64_t width = RUN; width < n; width *= 2) passes++;
    /* Start where an even number of passes ends in dst. */
    int64_t *from = passes % 2 ? other : dst, *to = passes % 2 ? dst : other;
    __builtin_memcpy(from, src, (size_t)n * sizeof *src);
    for (int64_t lo = 0; lo < n; lo += RUN) insertion_sort(from + lo, n - lo < RUN ? n - lo : RUN);
    for (int64_t width = RUN; width < n; width *= 2) {
        for (int64_t lo = 0; lo < n; lo += 2 * width) {
            int64_t mid = lo + width < n ? lo + width : n, hi = lo + 2 * width < n ? lo + 2 * width : n;
            merge_sequential(from + lo, mid - lo, from + mid, hi - mid, to + lo);
        }
        int64_t *t = from;
        from = to;
        to = t;
    }
}

/* First index of v[0..n) with v[index] >= key. */
static int64_t lower_bound(const int64_t *v, int64_t n, int64_t key) {
    int64_t lo = 0, hi = n;
    while (lo < hi) {
        int64_t mid = lo + (hi - lo) / 2;
        if (v[mid] < key) lo = mid + 1;
        else hi = mid;
    }
    return lo;
}

/* First index of v[0..n) with v[index] > key. */
static int64_t upper_bound(const int64_t *v, int64_t n, int64_t key) {
    int64_t lo = 0, hi = n;
    while (lo < hi) {
        int64_t mid = lo + (hi - lo) / 2;
        if (v[mid] <= key) lo = mid + 1;
        else hi = mid;
    }
    return lo;
}

typedef struct merge_job {
    const int64_t *a, *b;
    int64_t na, nb;
    int64_t *out;
} merge_job;

static void merge_task(pb_worker *worker, void *arg) {
    const merge_job *job = arg;
    if (job->na + job->nb <= MERGE_GRAIN) {
        merge_sequential(job->a, job->na, job->b, job->nb, job->out);
        return;
    }
    int64_t ma, mb;
    if (job->na >= job->nb) {
        ma = job->na / 2;
        mb = lower_bound(job->b, job->nb, job->a[ma]);
    } else {
        mb = job->nb / 2;
        ma = upper_bound(job->a, job->na, job->b[mb]);
    }
    merge_job left = {job->a, job->b, ma, mb, job->out};
    merge_job right = {job->a + ma, job->b + mb, job->na - ma, job->nb - mb, job->out + ma + mb};
    pb_join(worker, merge_task, &left, merge_task, &right);
}

typedef struct sort_job {
    const pb_bench *bench;
    int64_t lo, hi;
    int into_work; /* result goes to WORK, else to SCRATCH */
} sort_job;

static void sort_task(pb_worker *worker, void *arg) {
    const sort_job *job = arg;
    int64_t *work = job->bench->buffer[WORK], *scratch = job->bench->buffer[SCRATCH];
    int64_t *dst = job->into_work ? work : scratch, *other = job->into_work ? scratch : work;
    int64_t lo = job->lo, hi = job->hi;
    if (hi - lo <= SORT_GRAIN) {
        sort_sequential((const int64_t *)job->bench->buffer[INPUT] + lo, dst + lo, other + lo, hi - lo);
        return;
    }
    int64_t mid = lo + (hi - lo) / 2;
    sort_job left = {job->bench, lo, mid, !job->into_work}, right = {job->bench, mid, hi, !job->into_work};
    pb_join(worker, sort_task, &left, sort_task, &right);
    merge_job merge = {other + lo, other + mid, mid - lo, hi - mid, dst + lo};
    merge_task(worker, &merge);
}

static int sort_plan(int64_t n, int32_t workers, pb_buffer_request *request) {
    (void)workers;
    for (int i = INPUT; i <= SCRATCH; i++) request[i] = (pb_buffer_request){(uint64_t)n, sizeof(int64_t)};
    return 3;
}

static void sort_fill(pb_worker *worker, void *context, int64_t lo, int64_t hi) {
    (void)worker;
    pb_bench *bench = context;
    int64_t *key = bench->buffer[INPUT];
    pb_splitmix g = pb_bench_generator_at(bench, (uint64_t)lo);
    for (int64_t i = lo; i < hi; i++) key[i] = (int64_t)pb_next(&g);
}

static void sort_init(pb_bench *bench) { pb_bench_fill(bench, sort_fill); }

static void sort_step(pb_bench *bench, pb_worker *worker) {
    sort_job root = {bench, 0, bench->n, 1};
    sort_task(worker, &root);
}

static uint64_t sort_checksum(const pb_bench *bench) {
    return pb_hash_u64s(bench->buffer[WORK], (uint64_t)bench->n);
}

const pb_kernel_ops pb_kernel_sort = {sort_plan, sort_init, sort_step, sort_checksum};
