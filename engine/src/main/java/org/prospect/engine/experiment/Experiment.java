package org.prospect.engine.experiment;

/**
 * Any experiment an experiment file can describe, chosen by its {@code "model"}: a GLE network in continuous
 * time ({@code "gle"}) or a rate RNN learning delayed XOR ({@code "rnn"}). Read with
 * {@link ExperimentFile#loadAny}.
 */
public sealed interface Experiment permits GleExperiment, RnnExperiment {
    /** Shown in the sample browser and in reports. */
    String name();

    /** One line shown in the sample browser. */
    String description();
}
