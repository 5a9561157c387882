package org.prospect.engine.rnn;

import org.prospect.engine.gle.Optimizer;

/**
 * How an RNN trains on delayed XOR: batch size, optimizer and learning rate, the rate multiplied by
 * {@code decayFactor} every {@code decayEvery} iterations, L2 coefficient ({@code l2·½‖W‖²} over W_in, W, W_out),
 * the size of the fixed validation batch and how often (in iterations) it is evaluated (0: never).
 */
public record TrainingSpec(int batch, Optimizer.Kind optimizer, double learningRate, int decayEvery,
                           double decayFactor, double l2, int validationBatch, int validateEvery) {
    public TrainingSpec {
        if (batch <= 0) throw new IllegalArgumentException("batch must be positive, got " + batch);
        if (!(learningRate >= 0)) throw new IllegalArgumentException("learningRate must be ≥ 0");
        if (decayEvery <= 0) throw new IllegalArgumentException("decayEvery must be positive");
        if (!(decayFactor > 0)) throw new IllegalArgumentException("decayFactor must be positive");
        if (!(l2 >= 0)) throw new IllegalArgumentException("l2 must be ≥ 0");
        if (validationBatch <= 0) throw new IllegalArgumentException("validationBatch must be positive");
        if (validateEvery < 0) throw new IllegalArgumentException("validateEvery must be ≥ 0");
    }

    /** The paper's training: batch 32, Adam 5e−4, ×0.8 every 300 iterations, L2 5e−4; validation on 32 trials. */
    public static TrainingSpec paper() {
        return new TrainingSpec(32, Optimizer.Kind.ADAM, 5e-4, 300, 0.8, 5e-4, 32, 1);
    }

    public TrainingSpec withBatch(int b) {
        return new TrainingSpec(b, optimizer, learningRate, decayEvery, decayFactor, l2, validationBatch, validateEvery);
    }

    public TrainingSpec withLearningRate(double lr) {
        return new TrainingSpec(batch, optimizer, lr, decayEvery, decayFactor, l2, validationBatch, validateEvery);
    }

    public TrainingSpec withValidation(int size, int every) {
        return new TrainingSpec(batch, optimizer, learningRate, decayEvery, decayFactor, l2, size, every);
    }

    /** The learning rate in force at (0-based) iteration {@code iteration}. */
    public double rateAt(int iteration) {
        return learningRate * Math.pow(decayFactor, iteration / decayEvery);
    }
}
