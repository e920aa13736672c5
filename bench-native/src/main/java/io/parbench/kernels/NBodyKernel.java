package io.parbench.kernels;

import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ForkJoinTask;

/**
 * nbody: one O(n²) simulation step from the input state; groups of four bodies are split
 * across workers and advance together (as the C kernel's vector lanes do).
 */
final class NBodyKernel extends PooledKernel {
    static final double EPS2 = 0.01;
    static final double DT = 0.001;
    /** Groups of four bodies per piece, as in the C kernel. */
    private static final int GRAIN_QUADS = 4;

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

    /** KERNELS.md's input: per body in order px, py, pz, then 0.01 * signed() for vx, vy, vz, then the mass. */
    record Bodies(double[] px, double[] py, double[] pz, double[] vx, double[] vy, double[] vz, double[] m) {
        static Bodies of(long size, long seed) {
            SplitMix64 random = SplitMix64.forKernel(KernelSpec.NBODY, size, seed);
            int n = (int) size;
            Bodies b = new Bodies(new double[n], new double[n], new double[n],
                    new double[n], new double[n], new double[n], new double[n]);
            for (int i = 0; i < n; i++) {
                b.px[i] = random.signed();
                b.py[i] = random.signed();
                b.pz[i] = random.signed();
                b.vx[i] = 0.01 * random.signed();
                b.vy[i] = 0.01 * random.signed();
                b.vz[i] = 0.01 * random.signed();
                b.m[i] = 0.1 + 0.9 * random.unit();
            }
            return b;
        }
    }

    private final Bodies bodies;
    private final NextState next;

    NBodyKernel(long size, long seed, ForkJoinPool pool) {
        super(KernelSpec.NBODY, pool);
        this.bodies = Bodies.of(size, seed);
        this.next = new NextState((int) size);
    }

    /** The input's seven arrays and the output's six. */
    static KernelSizes.Footprint footprint(long size) {
        return KernelSizes.Footprint.perElement(size, 13L * Double.BYTES);
    }

    /** Body i's new state, every floating-point operation in the order KERNELS.md writes it. */
    static void advance(Bodies b, NextState out, int i) {
        double[] px = b.px();
        double[] py = b.py();
        double[] pz = b.pz();
        double[] m = b.m();
        double ax = 0.0;
        double ay = 0.0;
        double az = 0.0;
        for (int j = 0; j < px.length; j++) {
            double dx = px[j] - px[i];
            double dy = py[j] - py[i];
            double dz = pz[j] - pz[i];
            double d2 = dx * dx + dy * dy + dz * dz + EPS2;
            double s = m[j] * (1.0 / (d2 * Math.sqrt(d2)));
            ax = ax + dx * s;
            ay = ay + dy * s;
            az = az + dz * s;
        }
        store(b, out, i, ax, ay, az);
    }

    /**
     * Bodies i..i+3 together over the same j, like the C kernel's vector lanes: four
     * independent chains, each adding in exactly the order of {@link #advance}.
     */
    static void advanceFour(Bodies b, NextState out, int i) {
        double[] px = b.px();
        double[] py = b.py();
        double[] pz = b.pz();
        double[] m = b.m();
        double x0 = px[i], x1 = px[i + 1], x2 = px[i + 2], x3 = px[i + 3];
        double y0 = py[i], y1 = py[i + 1], y2 = py[i + 2], y3 = py[i + 3];
        double z0 = pz[i], z1 = pz[i + 1], z2 = pz[i + 2], z3 = pz[i + 3];
        double ax0 = 0.0, ax1 = 0.0, ax2 = 0.0, ax3 = 0.0;
        double ay0 = 0.0, ay1 = 0.0, ay2 = 0.0, ay3 = 0.0;
        double az0 = 0.0, az1 = 0.0, az2 = 0.0, az3 = 0.0;
        for (int j = 0; j < px.length; j++) {
            double xj = px[j], yj = py[j], zj = pz[j], mj = m[j];
            double dx0 = xj - x0, dy0 = yj - y0, dz0 = zj - z0;
            double dx1 = xj - x1, dy1 = yj - y1, dz1 = zj - z1;
            double dx2 = xj - x2, dy2 = yj - y2, dz2 = zj - z2;
            double dx3 = xj - x3, dy3 = yj - y3, dz3 = zj - z3;
            double d0 = dx0 * dx0 + dy0 * dy0 + dz0 * dz0 + EPS2;
            double d1 = dx1 * dx1 + dy1 * dy1 + dz1 * dz1 + EPS2;
            double d2 = dx2 * dx2 + dy2 * dy2 + dz2 * dz2 + EPS2;
            double d3 = dx3 * dx3 + dy3 * dy3 + dz3 * dz3 + EPS2;
            double s0 = mj * (1.0 / (d0 * Math.sqrt(d0)));
            double s1 = mj * (1.0 / (d1 * Math.sqrt(d1)));
            double s2 = mj * (1.0 / (d2 * Math.sqrt(d2)));
            double s3 = mj * (1.0 / (d3 * Math.sqrt(d3)));
            ax0 = ax0 + dx0 * s0;
            ay0 = ay0 + dy0 * s0;
            az0 = az0 + dz0 * s0;
            ax1 = ax1 + dx1 * s1;
            ay1 = ay1 + dy1 * s1;
            az1 = az1 + dz1 * s1;
            ax2 = ax2 + dx2 * s2;
            ay2 = ay2 + dy2 * s2;
            az2 = az2 + dz2 * s2;
            ax3 = ax3 + dx3 * s3;
            ay3 = ay3 + dy3 * s3;
            az3 = az3 + dz3 * s3;
        }
        store(b, out, i, ax0, ay0, az0);
        store(b, out, i + 1, ax1, ay1, az1);
        store(b, out, i + 2, ax2, ay2, az2);
        store(b, out, i + 3, ax3, ay3, az3);
    }

    private static void store(Bodies b, NextState out, int i, double ax, double ay, double az) {
        double nvx = b.vx()[i] + ax * DT;
        double nvy = b.vy()[i] + ay * DT;
        double nvz = b.vz()[i] + az * DT;
        out.vx()[i] = nvx;
        out.vy()[i] = nvy;
        out.vz()[i] = nvz;
        out.px()[i] = b.px()[i] + nvx * DT;
        out.py()[i] = b.py()[i] + nvy * DT;
        out.pz()[i] = b.pz()[i] + nvz * DT;
    }

    @Override
    ForkJoinTask<?> newStep() {
        int n = next.px().length;
        return ParallelFor.task(workers(), 0, (n + 3) / 4, GRAIN_QUADS, (lo, hi) -> {
            for (int q = lo; q < hi; q++) {
                int i = 4 * q;
                if (i + 4 <= n) {
                    advanceFour(bodies, next, i);
                } else {
                    for (; i < n; i++) {
                        advance(bodies, next, i);
                    }
                }
            }
        });
    }

    @Override
    long outputChecksum() {
        return next.checksum();
    }
}
