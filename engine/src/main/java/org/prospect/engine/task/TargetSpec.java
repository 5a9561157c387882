package org.prospect.engine.task;

import org.prospect.engine.gle.Weights;

/** Where an experiment's targets come from. */
public sealed interface TargetSpec {
    /**
     * A teacher: the student's own architecture with these weights, run with no error; its previous-step
     * output is the student's target. {@code tauM}/{@code tauR} per layer and neuron; {@code null} means the
     * student's initial time constants.
     */
    record Teacher(Weights weights, double[][] tauM, double[][] tauR) implements TargetSpec {
        public Teacher {
            tauM = tauM == null ? null : copy(tauM);
            tauR = tauR == null ? null : copy(tauR);
        }

        @Override public double[][] tauM() { return tauM == null ? null : copy(tauM); }

        @Override public double[][] tauR() { return tauR == null ? null : copy(tauR); }

        private static double[][] copy(double[][] a) {
            double[][] c = new double[a.length][];
            for (int i = 0; i < a.length; i++) c[i] = a[i].clone();
            return c;
        }
    }

    /** A target signal given directly (one channel per output). */
    record SignalTarget(SignalSpec signal) implements TargetSpec {}

    /**
     * Sequence classification from a labelled data set (MNIST-1D): the data set provides the input, one sample
     * per step, and a one-hot target at every step; training runs {@code epochs} passes over {@code train},
     * each followed by an evaluation on {@code test}; the learning rate is multiplied by {@code rateFactor} when
     * the test loss has not improved for {@code patience} epochs.
     */
    record Dataset(String name, SequenceDataset train, SequenceDataset test, int epochs, int patience,
                   double rateFactor) implements TargetSpec {}
}
