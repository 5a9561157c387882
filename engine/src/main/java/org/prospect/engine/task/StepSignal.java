package org.prospect.engine.task;

final class StepSignal implements Signal {
    private final double[] before;
    private final double[] after;
    private final double at;
    private final int batch;
    private final double dt;

    StepSignal(SignalSpec.Step spec, int batch, double dt) {
        this.before = spec.before();
        this.after = spec.after();
        this.at = spec.at();
        this.batch = batch;
        this.dt = dt;
    }

    @Override public int channels() { return before.length; }

    @Override public void sample(long step, double[] out) {
        double[] v = step * dt < at ? before : after;
        System.arraycopy(v, 0, out, 0, v.length);
        // The samples filled so far, copied onto the next as many: log₂(batch) copies rather than one per sample.
        int total = batch * v.length;
        for (int filled = v.length; filled < total; filled *= 2) {
            System.arraycopy(out, 0, out, filled, Math.min(filled, total - filled));
        }
    }
}
