package io.parbench.kernels;

import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ForkJoinTask;
import java.util.concurrent.RecursiveAction;

/**
 * sum: the fixed-shape reduction tree of KERNELS.md, evaluated as the C kernel does. Nodes
 * larger than {@link #SEQUENTIAL} are split with a join; a smaller node runs on one worker,
 * summing its leaves four at a time in independent chains (each leaf still adds left to
 * right from 0.0) and then combining the leaf sums in the tree's order. The result is
 * bit-identical to {@link #reduce} for every worker count.
 */
final class SumKernel extends PooledKernel {
    /** Defines the tree: do not tune. */
    static final int LEAF = 4096;
    /** Tuning: the smallest node split across workers (the C kernel's SUM_SEQUENTIAL). */
    private static final int SEQUENTIAL = 65536;
    private static final int MAX_LEAVES = 64;

    private final double[] x;
    private Node lastStep;

    SumKernel(long size, long seed, ForkJoinPool pool) {
        super(KernelSpec.SUM, pool);
        this.x = input(size, seed);
    }

    /** KERNELS.md's input: {@code x[i] = signed()}. */
    static double[] input(long size, long seed) {
        return SplitMix64.forKernel(KernelSpec.SUM, size, seed).signedValues((int) size);
    }

    static KernelSizes.Footprint footprint(long size) {
        return KernelSizes.Footprint.perElement(size, Double.BYTES);
    }

    /** {@code reduce(lo, hi)} of KERNELS.md, written as it is defined. */
    static double reduce(double[] x, int lo, int hi) {
        if (hi - lo <= LEAF) {
            double s = 0.0;
            for (int i = lo; i < hi; i++) {
                s = s + x[i];
            }
            return s;
        }
        int mid = lo + (hi - lo) / 2;
        return reduce(x, lo, mid) + reduce(x, mid, hi);
    }

    @Override
    ForkJoinTask<?> newStep() {
        lastStep = new Node(x, 0, x.length);
        return lastStep;
    }

    @Override
    long outputChecksum() {
        return Double.doubleToRawLongBits(lastStep.value);
    }

    private static final class Node extends RecursiveAction {
        private final double[] x;
        private final int lo;
        private final int hi;
        double value;

        Node(double[] x, int lo, int hi) {
            this.x = x;
            this.lo = lo;
            this.hi = hi;
        }

        @Override
        protected void compute() {
            if (hi - lo <= SEQUENTIAL) {
                value = new SequentialNode(x, lo, hi).sum();
                return;
            }
            int mid = lo + (hi - lo) / 2;
            Node left = new Node(x, lo, mid);
            Node right = new Node(x, mid, hi);
            invokeAll(left, right);
            value = left.value + right.value;
        }
    }

    /** One node of at most SEQUENTIAL elements: its leaves in order, their sums, then the tree over them. */
    private static final class SequentialNode {
        private final double[] x;
        private final int lo;
        private final int hi;
        /** Leaf k covers [bound[k], bound[k + 1]). */
        private final int[] bound = new int[MAX_LEAVES + 1];
        private final double[] leafSum = new double[MAX_LEAVES];
        private int leaves;
        private int nextLeaf;

        SequentialNode(double[] x, int lo, int hi) {
            this.x = x;
            this.lo = lo;
            this.hi = hi;
        }

        double sum() {
            bound[0] = lo;
            collectLeaves(lo, hi);
            int k = 0;
            for (; k + 4 <= leaves; k += 4) {
                sumFourLeaves(k);
            }
            for (; k < leaves; k++) {
                leafSum[k] = reduce(x, bound[k], bound[k + 1]);
            }
            return combine(lo, hi);
        }

        private void collectLeaves(int from, int to) {
            if (to - from <= LEAF) {
                bound[++leaves] = to;
                return;
            }
            int mid = from + (to - from) / 2;
            collectLeaves(from, mid);
            collectLeaves(mid, to);
        }

        /** Leaves k..k+3 in four chains: the additions of each leaf stay in order. */
        private void sumFourLeaves(int k) {
            int a = bound[k];
            int b = bound[k + 1];
            int c = bound[k + 2];
            int d = bound[k + 3];
            int na = b - a;
            int nb = c - b;
            int nc = d - c;
            int nd = bound[k + 4] - d;
            int common = Math.min(Math.min(na, nb), Math.min(nc, nd));
            double sa = 0.0;
            double sb = 0.0;
            double sc = 0.0;
            double sd = 0.0;
            for (int i = 0; i < common; i++) {
                sa = sa + x[a + i];
                sb = sb + x[b + i];
                sc = sc + x[c + i];
                sd = sd + x[d + i];
            }
            for (int i = common; i < na; i++) {
                sa = sa + x[a + i];
            }
            for (int i = common; i < nb; i++) {
                sb = sb + x[b + i];
            }
            for (int i = common; i < nc; i++) {
                sc = sc + x[c + i];
            }
            for (int i = common; i < nd; i++) {
                sd = sd + x[d + i];
            }
            leafSum[k] = sa;
            leafSum[k + 1] = sb;
            leafSum[k + 2] = sc;
            leafSum[k + 3] = sd;
        }

        /** The tree over the leaf sums, consumed in the order collectLeaves produced them. */
        private double combine(int from, int to) {
            if (to - from <= LEAF) {
                return leafSum[nextLeaf++];
            }
            int mid = from + (to - from) / 2;
            double left = combine(from, mid);
            return left + combine(mid, to);
        }
    }
}
