package org.prospect.engine.run;

import org.prospect.engine.experiment.RnnExperiment;
import org.prospect.engine.rnn.RnnComparison;

/**
 * Everything an {@link RnnRunner} needs to continue a run bit-identically: the experiment in force (with the
 * learning rate and μ the user set), the iterations done, learning on/off, every rule's trainer state with the
 * batch stream's position, and the metrics history (so the learning curves come back).
 *
 * @param history the history's rows, {@code rules × RnnHistory.COLUMNS} values each (see {@link RnnHistory#copy()})
 */
public record RnnRunState(RnnExperiment experiment, int iteration, boolean learning, RnnComparison.Saved comparison,
                          double[] history) {}
