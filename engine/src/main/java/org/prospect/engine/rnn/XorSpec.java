package org.prospect.engine.rnn;

/**
 * The delayed-XOR trial (MODPROP.md): cue 1 ({@code cueSteps}) + delay ({@code delaySteps}) + cue 2
 * ({@code cueSteps}), two input channels at {@code baseline}; a cue bit 1 adds a Gaussian bump of height
 * {@code bumpHeight} and standard deviation {@code bumpStd} steps, centred in its cue window (and confined to it),
 * on channel 1 for cue 1 and channel 2 for cue 2; Gaussian noise of std {@code noiseStd} on every input.
 */
public record XorSpec(int cueSteps, int delaySteps, double baseline, double bumpHeight, double bumpStd,
                      double noiseStd) {
    public XorSpec {
        if (cueSteps <= 0) throw new IllegalArgumentException("cueSteps must be positive, got " + cueSteps);
        if (delaySteps < 0) throw new IllegalArgumentException("delaySteps must be ≥ 0, got " + delaySteps);
        if (!(bumpStd > 0)) throw new IllegalArgumentException("bumpStd must be positive");
        if (!(noiseStd >= 0)) throw new IllegalArgumentException("noiseStd must be ≥ 0");
    }

    /** The paper's trial: 100 + 700 + 100 steps, baseline 0.02, bump 2.0 with std 25, noise 0.01. */
    public static XorSpec paper() {
        return new XorSpec(100, 700, 0.02, 2.0, 25.0, 0.01);
    }

    public XorSpec withDelay(int delay) {
        return new XorSpec(cueSteps, delay, baseline, bumpHeight, bumpStd, noiseStd);
    }

    public XorSpec withCue(int cue, double std) {
        return new XorSpec(cue, delaySteps, baseline, bumpHeight, std, noiseStd);
    }

    /** Trial length in steps. */
    public int steps() { return 2 * cueSteps + delaySteps; }
}
