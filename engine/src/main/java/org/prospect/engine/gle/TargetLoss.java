package org.prospect.engine.gle;

/** How the output layer turns a target into its error (GLE.md, "Losses"). */
public enum TargetLoss {
    /** Error {@code β·(target − r)}. */
    MSE,
    /** Error {@code β·(onehot − softmax(r))} on a linear output layer. */
    CROSS_ENTROPY
}
