/*
 * sum: the fixed-shape reduction tree of KERNELS.md. Subtrees of at most SUM_SEQUENTIAL
 * elements run on one worker, summing four leaves at a time in independent chains (each
 * leaf still adds left to right from 0.0, so every bit is as defined); larger nodes join.
 */
#include "kernel.h"

#define SUM_LEAF 4096           /* defines the tree: do not tune */
#define SUM_SEQUENTIAL 65536    /* tuning: smallest node that is split across workers */
#define SUM_MAX_LEAVES 64       /* leaves of a node of SUM_SEQUENTIAL elements, with room */

typedef struct span {
    int64_t lo, hi;
} span;

static void collect_leaves(int64_t lo, int64_t hi, span *leaf, int *count) {
    if (hi - lo <= SUM_LEAF) {
        leaf[(*count)++] = (span){lo, hi};
        return;
    }
    int64_t mid = lo + (hi - lo) / 2;
    collect_leaves(lo, mid, leaf, count);
    collect_leaves(mid, hi, leaf, count);
}

static double sum_leaf(const double *x, span leaf) {
    double s = 0.0;
    for (int64_t i = leaf.lo; i < leaf.hi; i++) s = s + x[i];
    return s;
}

/* Four leaves in four chains: the additions of one leaf stay in order. */
static void sum_four_leaves(const double *x, const span *leaf, double *out) {
    const double *a = x + leaf[0].lo, *b = x + leaf[1].lo, *c = x + leaf[2].lo, *d = x + leaf[3].lo;
    int64_t na = leaf[0].hi - leaf[0].lo, nb = leaf[1].hi - leaf[1].lo;
    int64_t nc = leaf[2].hi - leaf[2].lo, nd = leaf[3].hi - leaf[3].lo;
    int64_t common = na;
    if (nb < common) common = nb;
    if (nc < common) common = nc;
    if (nd < common) common = nd;
    double sa = 0.0, sb = 0.0, sc = 0.0, sd = 0.0;
    for (int64_t i = 0; i < common; i++) {
        sa = sa + a[i];
        sb = sb + b[i];
        sc = sc + c[i];
        sd = sd + d[i];
    }
    for (int64_t i = common; i < na; i++) sa = sa + a[i];
    for (int64_t i = common; i < nb; i++) sb = sb + b[i];
    for (int64_t i = common; i < nc; i++) sc = sc + c[i];
    for (int64_t i = common; i < nd; i++) sd = sd + d[i];
    out[0] = sa;
    out[1] = sb;
    out[2] = sc;
    out[3] = sd;
}

/* Rebuilds the tree over the leaf sums, in the order collect_leaves produced them. */
static double combine(int64_t lo, int64_t hi, const double *leaf_sum, int *next) {
    if (hi - lo <= SUM_LEAF) return leaf_sum[(*next)++];
    int64_t mid = lo + (hi - lo) / 2;
    double left = combine(lo, mid, leaf_sum, next);
    double right = combine(mid, hi, leaf_sum, next);
    return left + right;
}

static double reduce_sequential(const double *x, int64_t lo, int64_t hi) {
    span leaf[SUM_MAX_LEAVES];
    double leaf_sum[SUM_MAX_LEAVES];
    int count = 0;
    collect_leaves(lo, hi, leaf, &count);
    int k = 0;
    for (; k + 4 <= count; k += 4) sum_four_leaves(x, leaf + k, leaf_sum + k);
    for (; k < count; k++) leaf_sum[k] = sum_leaf(x, leaf[k]);
    int next = 0;
    return combine(lo, hi, leaf_sum, &next);
}

typedef struct sum_node {
    const double *x;
    int64_t lo, hi;
    double result;
} sum_node;

static void sum_task(pb_worker *worker, void *arg) {
    sum_node *node = arg;
    if (node->hi - node->lo <= SUM_SEQUENTIAL) {
        node->result = reduce_sequential(node->x, node->lo, node->hi);
        return;
    }
    int64_t mid = node->lo + (node->hi - node->lo) / 2;
    sum_node left = {node->x, node->lo, mid, 0.0}, right = {node->x, mid, node->hi, 0.0};
    pb_join(worker, sum_task, &left, sum_task, &right);
    node->result = left.result + right.result;
}

static int sum_plan(int64_t n, int32_t workers, pb_buffer_request *request) {
    (void)workers;
    request[0] = (pb_buffer_request){(uint64_t)n, sizeof(double)};
    return 1;
}

static void sum_fill(pb_worker *worker, void *context, int64_t lo, int64_t hi) {
    (void)worker;
    pb_bench *bench = context;
    double *x = bench->buffer[0];
    pb_splitmix g = pb_bench_generator_at(bench, (uint64_t)lo);
    for (int64_t i = lo; i < hi; i++) x[i] = pb_signed(&g);
}

static void sum_init(pb_bench *bench) { pb_bench_fill(bench, sum_fill); }

static void sum_step(pb_bench *bench, pb_worker *worker) {
    sum_node root = {bench->buffer[0], 0, bench->n, 0.0};
    sum_task(worker, &root);
    bench->result_f64 = root.result;
}

static uint64_t sum_checksum(const pb_bench *bench) { return pb_f64_bits(bench->result_f64); }

const pb_kernel_ops pb_kernel_sum = {sum_plan, sum_init, sum_step, sum_checksum};
