package org.prospect.engine.task;

import java.util.SplittableRandom;

/** Euler–Maruyama integration of the OU process; the generator is re-seeded on reset. */
final class OrnsteinUhlenbeckSignal implements Signal {
    private final SignalSpec.OrnsteinUhlenbeck spec;
    private final double dt;
    private final long seed;
    private final double[] x;
    private SplittableRandom random;
    private long next; // 0 before the first sample

    OrnsteinUhlenbeckSignal(SignalSpec.OrnsteinUhlenbeck spec, int batch, double dt, long seed) {
        this.spec = spec;
        this.dt = dt;
        this.seed = seed;
        this.x = new double[batch * spec.channels()];
        reset();
    }

    @Override public int channels() { return spec.channels(); }

    @Override public void reset() {
        random = new SplittableRandom(seed);
        java.util.Arrays.fill(x, spec.mu());
        next = 0;
    }

    @Override public void sample(long step, double[] out) {
        // A fresh signal may start at any step (an input swapped in mid-run); after that, steps go in order.
        if (next != 0 && step != next) {
            throw new IllegalStateException("Ornstein-Uhlenbeck signal asked for step " + step + ", expected " + next);
        }
        if (next != 0) {
            double noise = spec.sigma() * Math.sqrt(dt);
            for (int k = 0; k < x.length; k++) {
                x[k] += spec.theta() * (spec.mu() - x[k]) * dt + noise * gaussian();
            }
        }
        System.arraycopy(x, 0, out, 0, x.length);
        next = step + 1; // never 0 again until reset
    }

    /** Box–Muller without the cached second value, so the stream depends only on the seed and step count. */
    private double gaussian() {
        double u1 = 1.0 - random.nextDouble();
        double u2 = random.nextDouble();
        return Math.sqrt(-2 * Math.log(u1)) * Math.cos(2 * Math.PI * u2);
    }
}
