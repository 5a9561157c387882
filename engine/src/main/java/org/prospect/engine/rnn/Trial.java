package org.prospect.engine.rnn;

/**
 * A batch of trials: inputs {@code x} of shape [steps][batch][inputs] (flat) and one class label per trial.
 * For delayed XOR, {@code bits} holds the two cue bits of trial b at [2b] and [2b+1].
 */
public record Trial(int steps, int batch, int inputs, double[] x, int[] labels, int[] bits) {
    public Trial {
        if (x.length != steps * batch * inputs) throw new IllegalArgumentException("x must be steps×batch×inputs");
        if (labels.length != batch) throw new IllegalArgumentException("one label per trial");
    }

    /** Input k of trial b at step t. */
    public double input(int t, int b, int k) { return x[(t * batch + b) * inputs + k]; }
}
