package org.prospect.engine.trace;

import java.util.List;
import org.prospect.engine.experiment.GleSimulation;
import org.prospect.engine.experiment.SequenceClassification;

/**
 * What the sequence-classification (MNIST-1D) view shows, taken on the simulation thread and published
 * without locks:
 * <ul>
 *   <li>{@link #trace()}: one row per step, batch sample 0: the position of that step in its sequence, its label, the
 *       running training accuracy, the progress in epochs, then the output of every class;</li>
 *   <li>{@link #sequences()}: the current input sequence of sample 0 (refilled when a new one starts);</li>
 *   <li>{@link #epochs()}: the finished epochs (with their confusion matrices), replaced once per epoch.</li>
 * </ul>
 * Nothing is allocated per step; a new epoch's list is copied once.
 */
public final class ClassificationProbe implements StepObserver {
    public static final int POSITION = 0;
    public static final int LABEL = 1;
    public static final int RUNNING_ACCURACY = 2;
    public static final int EPOCH_PROGRESS = 3;
    public static final int FIRST_OUTPUT = 4;

    /** The input sequence sample 0 is seeing. */
    public static final class Sequence {
        public final double[] values;
        public int label;
        public long serial;

        Sequence(int length) {
            values = new double[length];
        }
    }

    private final int classes;
    private final TraceBuffer trace;
    private final TripleBuffer<Sequence> sequences;
    private final double[] row;
    private volatile List<SequenceClassification.Epoch> epochs = List.of();
    private final int length;
    private long serial;
    private int nextLabel;

    public ClassificationProbe(int classes, int sequenceLength, int traceCapacity) {
        this.classes = classes;
        this.length = sequenceLength;
        trace = new TraceBuffer(FIRST_OUTPUT + classes, traceCapacity);
        row = new double[trace.channels()];
        sequences = new TripleBuffer<>(() -> new Sequence(sequenceLength));
    }

    public int classes() { return classes; }

    public TraceBuffer trace() { return trace; }

    public TripleBuffer<Sequence> sequences() { return sequences; }

    /** Finished epochs, oldest first (any thread). */
    public List<SequenceClassification.Epoch> epochs() { return epochs; }

    public static int outputChannel(int k) { return FIRST_OUTPUT + k; }

    @Override
    public void attach(GleSimulation sim) {
        SequenceClassification c = sim.classification();
        if (c == null) throw new IllegalArgumentException("not a sequence-classification experiment");
        epochs = List.copyOf(c.history());
        nextLabel = c.label(0);
        publishSequence(c);
    }

    @Override
    public void afterStep(GleSimulation sim) {
        SequenceClassification c = sim.classification();
        // After the step the stream has advanced: the step just taken was at position − 1 of this sequence,
        // or the last position of the previous one; its label was the one read after the step before.
        int next = c.position();
        double[] out = sim.student().output();
        row[POSITION] = (next - 1 + length) % length;
        row[LABEL] = nextLabel;
        nextLabel = c.label(0);
        if (next == 0) publishSequence(c); // the next step starts a new sequence
        row[RUNNING_ACCURACY] = c.runningTrainAccuracy();
        row[EPOCH_PROGRESS] = (double) sim.stepCount() / c.stepsPerEpoch();
        for (int k = 0; k < classes; k++) row[FIRST_OUTPUT + k] = out[k];
        trace.write(sim.time(), row);
        if (c.history().size() != epochs.size()) epochs = List.copyOf(c.history());
    }

    private void publishSequence(SequenceClassification c) {
        Sequence s = sequences.back();
        double[] v = c.sequence(0);
        int n = Math.min(v.length, s.values.length);
        System.arraycopy(v, 0, s.values, 0, n);
        s.label = c.label(0);
        s.serial = ++serial;
        sequences.publish();
    }
}
