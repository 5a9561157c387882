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
        for (int s = 0; s < batch; s++) System.arraycopy(v, 0, out, s * v.length, v.length);
    }
}
