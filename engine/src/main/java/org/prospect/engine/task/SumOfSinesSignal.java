package org.prospect.engine.task;

import java.util.List;

final class SumOfSinesSignal implements Signal {
    private final double[][] amplitude;
    private final double[][] omega;
    private final double[][] phase;
    private final int batch;
    private final double dt;

    SumOfSinesSignal(SignalSpec.SumOfSines spec, int batch, double dt) {
        int c = spec.channels();
        amplitude = new double[c][];
        omega = new double[c][];
        phase = new double[c][];
        for (int k = 0; k < c; k++) {
            List<SignalSpec.Sine> sines = spec.perChannel().get(k);
            amplitude[k] = new double[sines.size()];
            omega[k] = new double[sines.size()];
            phase[k] = new double[sines.size()];
            for (int j = 0; j < sines.size(); j++) {
                amplitude[k][j] = sines.get(j).amplitude();
                omega[k][j] = 2 * Math.PI * sines.get(j).frequency();
                phase[k][j] = sines.get(j).phase();
            }
        }
        this.batch = batch;
        this.dt = dt;
    }

    @Override public int channels() { return amplitude.length; }

    @Override public void sample(long step, double[] out) {
        double t = step * dt;
        int c = amplitude.length;
        for (int k = 0; k < c; k++) {
            double x = 0;
            for (int j = 0; j < amplitude[k].length; j++) {
                x += amplitude[k][j] * Sine.sin(omega[k][j] * t + phase[k][j]);
            }
            for (int s = 0; s < batch; s++) out[s * c + k] = x;
        }
    }
}
