package org.prospect.engine.experiment;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.prospect.engine.gle.GleNetwork;
import org.prospect.engine.task.SequenceStream;
import org.prospect.engine.task.TargetSpec;

/**
 * Training on a sequence data set (EXPERIMENTS.md §3): streams the training sequences through the student
 * with their one-hot targets, scores each finished sequence by the argmax of the output summed over it, and
 * after every epoch evaluates the test set on a copy of the student (same weights and time constants, zero
 * state, no learning) and lowers the learning rate when the test loss stops improving.
 */
public final class SequenceClassification {
    /** Metrics of one finished epoch. */
    public record Epoch(int epoch, double trainLoss, double trainAccuracy, double testLoss, double testAccuracy,
                        double rate, int[][] confusion, double seconds) {}

    private final TargetSpec.Dataset spec;
    private final SequenceStream train;
    private final GleNetwork evaluator;
    private final int batch;
    private final int classes;
    private final double[] summedOutput;
    private final double[] evalX;
    private final double[] evalTarget;
    private final List<Epoch> history = new ArrayList<>();
    private double lossSum;
    private long lossSteps;
    private long correct;
    private long seen;
    private double bestTestLoss = Double.POSITIVE_INFINITY;
    private int epochsWithoutImprovement;
    private long epochStarted = System.nanoTime();

    SequenceClassification(TargetSpec.Dataset spec, GleNetwork student, long seed) {
        this.spec = spec;
        this.batch = student.batch();
        this.classes = spec.train().classes();
        this.train = new SequenceStream(spec.train(), batch, seed, true);
        this.evaluator = new GleNetwork(student.spec(), student.snapshot(), student.dynamics(), batch);
        this.evaluator.setErrorsEnabled(false);
        this.summedOutput = new double[batch * classes];
        this.evalX = new double[batch];
        this.evalTarget = new double[batch * classes];
    }

    /** The input and one-hot target of the coming step. */
    void current(double[] x, double[] target) {
        train.current(x, target);
    }

    /** Scores the step just taken (its loss was {@code loss}); at an epoch's end, evaluates and adapts the rate. */
    void afterStep(GleSimulation sim, double loss) {
        lossSum += loss;
        lossSteps++;
        double[] out = sim.student().output();
        for (int k = 0; k < summedOutput.length; k++) summedOutput[k] += out[k];
        int epochBefore = train.epoch();
        int[] labels = null;
        if (train.position() == train.sequenceLength() - 1) {
            for (int b = 0; b < batch; b++) {
                if (argmax(summedOutput, b * classes, classes) == train.label(b)) correct++;
                seen++;
            }
            java.util.Arrays.fill(summedOutput, 0.0);
        }
        train.advance();
        if (train.epoch() != epochBefore) finishEpoch(sim);
    }

    private void finishEpoch(GleSimulation sim) {
        int[][] confusion = new int[classes][classes];
        double testLoss = evaluate(sim.student(), confusion);
        long right = 0;
        long total = 0;
        for (int i = 0; i < classes; i++) {
            for (int j = 0; j < classes; j++) {
                total += confusion[i][j];
                if (i == j) right += confusion[i][j];
            }
        }
        double rate = sim.learning().rate();
        history.add(new Epoch(train.epoch(), lossSum / Math.max(1, lossSteps), (double) correct / Math.max(1, seen),
                testLoss, (double) right / Math.max(1, total), rate, confusion, (System.nanoTime() - epochStarted) / 1e9));
        // Reduce-on-plateau: after `patience` epochs without a better test loss, scale the rate.
        if (testLoss < bestTestLoss) {
            bestTestLoss = testLoss;
            epochsWithoutImprovement = 0;
        } else if (++epochsWithoutImprovement > spec.patience()) {
            sim.setLearningRate(rate * spec.rateFactor());
            epochsWithoutImprovement = 0;
        }
        lossSum = 0;
        lossSteps = 0;
        correct = 0;
        seen = 0;
        epochStarted = System.nanoTime();
    }

    /** Mean cross-entropy per step on the test set; fills the confusion matrix [true][predicted]. */
    private double evaluate(GleNetwork student, int[][] confusion) {
        evaluator.load(student.snapshot());
        for (int l = 0; l < student.spec().layerCount(); l++) {
            evaluator.setTimeConstants(l, student.tauM(l), student.tauR(l));
        }
        evaluator.resetState();
        SequenceStream test = new SequenceStream(spec.test(), batch, 0, false);
        int batches = spec.test().size() / batch;
        double loss = 0;
        long steps = 0;
        double[] sum = new double[batch * classes];
        for (int n = 0; n < batches * test.sequenceLength(); n++) {
            test.current(evalX, evalTarget);
            evaluator.step(evalX, null);
            double[] out = evaluator.output();
            for (int b = 0; b < batch; b++) loss += crossEntropy(out, evalTarget, b * classes, classes);
            steps += batch;
            for (int k = 0; k < sum.length; k++) sum[k] += out[k];
            if (test.position() == test.sequenceLength() - 1) {
                for (int b = 0; b < batch; b++) confusion[test.label(b)][argmax(sum, b * classes, classes)]++;
                java.util.Arrays.fill(sum, 0.0);
            }
            test.advance();
        }
        return loss / steps;
    }

    static double crossEntropy(double[] logits, double[] onehot, int off, int n) {
        double max = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < n; i++) max = Math.max(max, logits[off + i]);
        double z = 0;
        for (int i = 0; i < n; i++) z += Math.exp(logits[off + i] - max);
        double logZ = max + Math.log(z);
        double loss = 0;
        for (int i = 0; i < n; i++) loss -= onehot[off + i] * (logits[off + i] - logZ);
        return loss;
    }

    static int argmax(double[] v, int off, int n) {
        int best = 0;
        for (int i = 1; i < n; i++) if (v[off + i] > v[off + best]) best = i;
        return best;
    }

    /** Finished epochs, oldest first. */
    public List<Epoch> history() { return Collections.unmodifiableList(history); }

    /** Epochs completed so far. */
    public int epoch() { return train.epoch(); }

    /** Position within the current training sequence. */
    public int position() { return train.position(); }

    /** The training sequence in batch slot {@code b} (for display) and its label. */
    public double[] sequence(int b) { return spec.train().sequences()[train.sequence(b)]; }

    public int label(int b) { return train.label(b); }

    /** Running accuracy on the training sequences finished in the current epoch. */
    public double runningTrainAccuracy() { return seen == 0 ? Double.NaN : (double) correct / seen; }

    public int stepsPerEpoch() { return train.stepsPerEpoch(); }

    public int classes() { return classes; }

    /** Counters and history, for saving a session. */
    record Saved(long streamSteps, double lossSum, long lossSteps, long correct, long seen, double bestTestLoss,
                 int epochsWithoutImprovement, double[] summedOutput, List<Epoch> history) {}

    Saved save(long streamSteps) {
        return new Saved(streamSteps, lossSum, lossSteps, correct, seen, bestTestLoss, epochsWithoutImprovement,
                summedOutput.clone(), List.copyOf(history));
    }

    /** Puts back saved counters; the stream is replayed to the saved step so its shuffles match. */
    void restore(Saved s) {
        for (long i = 0; i < s.streamSteps(); i++) train.advance();
        lossSum = s.lossSum();
        lossSteps = s.lossSteps();
        correct = s.correct();
        seen = s.seen();
        bestTestLoss = s.bestTestLoss();
        epochsWithoutImprovement = s.epochsWithoutImprovement();
        System.arraycopy(s.summedOutput(), 0, summedOutput, 0, summedOutput.length);
        history.clear();
        history.addAll(s.history());
    }
}
