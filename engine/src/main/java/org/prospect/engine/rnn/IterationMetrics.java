package org.prospect.engine.rnn;

import java.util.Map;

/**
 * What one training iteration measured. {@code loss} = cross-entropy + L2 term on the training batch (before the
 * update), {@code crossEntropy} and {@code accuracy} on that batch; {@code validationLoss} (cross-entropy) and
 * {@code validationAccuracy} on the fixed validation batch after the update (NaN when not evaluated this
 * iteration); {@code alignment}: rule label → cosine between that rule's ∂E/∂W and BPTT's on the same batch and
 * weights (recurrent weights only, no L2); {@code alignmentWithInput}: the same over (W_in, W).
 */
public record IterationMetrics(int iteration, String rule, double rate, double loss, double crossEntropy,
                               double accuracy, double validationLoss, double validationAccuracy,
                               Map<String, Double> alignment, Map<String, Double> alignmentWithInput,
                               double millis) {
    public IterationMetrics {
        alignment = Map.copyOf(alignment);
        alignmentWithInput = Map.copyOf(alignmentWithInput);
    }
}
