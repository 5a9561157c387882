package org.prospect.engine.task;

import java.util.SplittableRandom;

/**
 * Streams a {@link SequenceDataset} through a batched network one time step at a time: each batch slot plays
 * one sequence after another, the batch advancing together; the order is reshuffled (seeded) every epoch.
 * The network's state is carried over from one sequence to the next, as in the paper's MNIST-1D run.
 */
public final class SequenceStream {
    private final SequenceDataset data;
    private final int batch;
    private final int length;
    private final int batchesPerEpoch;
    private final int[] order;
    private final SplittableRandom random;
    private final boolean shuffle;
    private long step;
    private int epoch;

    public SequenceStream(SequenceDataset data, int batch, long seed, boolean shuffle) {
        if (data.size() < batch) throw new IllegalArgumentException("fewer sequences (" + data.size() + ") than batch " + batch);
        this.data = data;
        this.batch = batch;
        this.length = data.length();
        this.batchesPerEpoch = data.size() / batch;
        this.order = new int[data.size()];
        this.random = new SplittableRandom(seed);
        this.shuffle = shuffle;
        for (int i = 0; i < order.length; i++) order[i] = i;
        if (shuffle) shuffle();
    }

    private void shuffle() {
        for (int i = order.length - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int t = order[i];
            order[i] = order[j];
            order[j] = t;
        }
    }

    /** Writes the input of the current step, [batch][1], and the one-hot targets, [batch][classes]. */
    public void current(double[] x, double[] target) {
        int position = (int) (step % length);
        int first = batchIndex() * batch;
        int classes = data.classes();
        java.util.Arrays.fill(target, 0.0);
        for (int b = 0; b < batch; b++) {
            int s = order[first + b];
            x[b] = data.sequences()[s][position];
            target[b * classes + data.labels()[s]] = 1.0;
        }
    }

    /** Moves to the next step; returns true when this completed a sequence (the batch's last step). */
    public boolean advance() {
        step++;
        if (step % length != 0) return false;
        if (batchIndex() == 0) {
            epoch++;
            if (shuffle) shuffle();
        }
        return true;
    }

    /** Dataset index of the sequence in batch slot {@code b} right now. */
    public int sequence(int b) { return order[batchIndex() * batch + b]; }

    public int label(int b) { return data.labels()[sequence(b)]; }

    private int batchIndex() { return (int) ((step / length) % batchesPerEpoch); }

    /** Position within the current sequence, 0 … length−1. */
    public int position() { return (int) (step % length); }

    public int epoch() { return epoch; }

    public int sequenceLength() { return length; }

    public int stepsPerEpoch() { return batchesPerEpoch * length; }

    public SequenceDataset dataset() { return data; }
}
