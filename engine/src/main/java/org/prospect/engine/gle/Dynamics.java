package org.prospect.engine.gle;

/**
 * The constants of the GLE dynamics: Euler step {@code dt}, nudging strength {@code gamma},
 * output error scale {@code beta}, whether errors are prospective (GLE) or instantaneous (LE-style),
 * and the target loss.
 */
public record Dynamics(double dt, double gamma, double beta, boolean prospectiveErrors, TargetLoss loss) {
    public Dynamics {
        if (!(dt > 0) || !Double.isFinite(dt)) throw new IllegalArgumentException("dt must be positive, got " + dt);
        if (!Double.isFinite(gamma)) throw new IllegalArgumentException("gamma must be finite");
        if (!Double.isFinite(beta)) throw new IllegalArgumentException("beta must be finite");
    }

    public Dynamics withGamma(double g) { return new Dynamics(dt, g, beta, prospectiveErrors, loss); }

    public Dynamics withBeta(double b) { return new Dynamics(dt, gamma, b, prospectiveErrors, loss); }

    public Dynamics withProspectiveErrors(boolean p) { return new Dynamics(dt, gamma, beta, p, loss); }
}
