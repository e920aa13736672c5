package io.parbench.kernels;

import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ForkJoinTask;

/** nbody: one O(n²) simulation step from the input state; bodies are split across workers. */
final class NBodyKernel extends PooledKernel {
    static final double EPS2 = 0.01;
    static final double DT = 0.001;
    /** Leaves of at least this many pairwise interactions, so a leaf outweighs a task's overhead. */
    private static final int INTERACTIONS_PER_LEAF = 1 << 14;

    /** The output of a step: new positions and velocities. */
    record NextState(double[] px, double[] py, double[] pz, double[] vx, double[] vy, double[] vz) {
        NextState(int n) {
            this(new double[n], new double[n], new double[n], new double[n], new double[n], new double[n]);
        }

        /** KERNELS.md: hash of npx, npy, npz, nvx, nvy, nvz of body 0, then body 1, …. */
        long checksum() {
            SequenceHash hash = new SequenceHash(6L * px.length);
            for (int i = 0; i < px.length; i++) {
                hash.add(px[i]).add(py[i]).add(pz[i]).add(vx[i]).add(vy[i]).add(vz[i]);
            }
            return hash.value();
        }
    }

    private final KernelInputs.Bodies bodies;
    private final NextState next;

    NBodyKernel(long size, long seed, ForkJoinPool pool) {
        super(KernelSpec.NBODY, pool);
        this.bodies = KernelInputs.Bodies.of(size, seed);
        this.next = new NextState((int) size);
    }

    /** Body i's new state, every floating-point operation in the order KERNELS.md writes it. */
    static void advance(KernelInputs.Bodies b, NextState out, int i) {
        double[] px = b.px();
        double[] py = b.py();
        double[] pz = b.pz();
        double[] m = b.m();
        double xi = px[i];
        double yi = py[i];
        double zi = pz[i];
        double ax = 0.0;
        double ay = 0.0;
        double az = 0.0;
        for (int j = 0; j < px.length; j++) {
            double dx = px[j] - xi;
            double dy = py[j] - yi;
            double dz = pz[j] - zi;
            double d2 = dx * dx + dy * dy + dz * dz + EPS2;
            double s = m[j] * (1.0 / (d2 * Math.sqrt(d2)));
            ax = ax + dx * s;
            ay = ay + dy * s;
            az = az + dz * s;
        }
        double nvx = b.vx()[i] + ax * DT;
        double nvy = b.vy()[i] + ay * DT;
        double nvz = b.vz()[i] + az * DT;
        out.vx()[i] = nvx;
        out.vy()[i] = nvy;
        out.vz()[i] = nvz;
        out.px()[i] = xi + nvx * DT;
        out.py()[i] = yi + nvy * DT;
        out.pz()[i] = zi + nvz * DT;
    }

    @Override
    ForkJoinTask<?> newStep() {
        int n = next.px().length;
        int grain = Math.max(1, INTERACTIONS_PER_LEAF / n);
        return new ParallelFor(0, n, grain, (lo, hi) -> {
            for (int i = lo; i < hi; i++) {
                advance(bodies, next, i);
            }
        });
    }

    @Override
    long outputChecksum() {
        return next.checksum();
    }
}
