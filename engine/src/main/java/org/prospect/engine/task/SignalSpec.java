package org.prospect.engine.task;

import java.util.List;

/** What an experiment file says about a signal; {@link #create} turns it into a running {@link Signal}. */
public sealed interface SignalSpec {
    int channels();

    /** A signal for {@code batch} samples with step {@code dt}; {@code seed} drives any randomness. */
    Signal create(int batch, double dt, long seed);

    /** One sine: {@code amplitude·sin(2π·frequency·t + phase)}. */
    record Sine(double amplitude, double frequency, double phase) {}

    /** Per channel, a sum of sines; the same for every batch sample. */
    record SumOfSines(List<List<Sine>> perChannel) implements SignalSpec {
        public SumOfSines {
            perChannel = perChannel.stream().map(List::copyOf).toList();
        }

        @Override public int channels() { return perChannel.size(); }

        @Override public Signal create(int batch, double dt, long seed) { return new SumOfSinesSignal(this, batch, dt); }
    }

    /**
     * A ±amplitude square wave (high for the first half of each period), each batch sample shifted by a
     * random offset, smoothed by a Gaussian of width {@code sigmaSteps} steps along time.
     */
    record SquareWave(int channels, double period, double amplitude, double sigmaSteps, boolean randomOffsets)
            implements SignalSpec {
        @Override public Signal create(int batch, double dt, long seed) {
            return new SquareWaveSignal(this, batch, dt, seed);
        }
    }

    /** dx = θ(μ − x)dt + σ dW per sample and channel, starting at μ, seeded. */
    record OrnsteinUhlenbeck(int channels, double theta, double mu, double sigma) implements SignalSpec {
        @Override public Signal create(int batch, double dt, long seed) {
            return new OrnsteinUhlenbeckSignal(this, batch, dt, seed);
        }
    }

    /** {@code before[k]} until time {@code at}, then {@code after[k]}; a constant when both are equal. */
    record Step(double[] before, double[] after, double at) implements SignalSpec {
        public Step {
            if (before.length != after.length) throw new IllegalArgumentException("before and after differ in size");
            before = before.clone();
            after = after.clone();
        }

        @Override public int channels() { return before.length; }

        @Override public double[] before() { return before.clone(); }

        @Override public double[] after() { return after.clone(); }

        @Override public Signal create(int batch, double dt, long seed) { return new StepSignal(this, batch, dt); }
    }
}
