package org.prospect.engine.task;

import java.util.SplittableRandom;

/**
 * One period of the smoothed square wave is tabulated once (a circular Gaussian convolution, so the wave
 * stays periodic); each sample then reads the table at its own offset.
 */
final class SquareWaveSignal implements Signal {
    private final double[] period;
    private final int[] offsets;
    private final int channels;

    SquareWaveSignal(SignalSpec.SquareWave spec, int batch, double dt, long seed) {
        int n = Math.max(2, (int) Math.round(spec.period() / dt));
        double[] square = new double[n];
        for (int i = 0; i < n; i++) square[i] = i < n / 2 ? spec.amplitude() : -spec.amplitude();
        period = smooth(square, spec.sigmaSteps());
        channels = spec.channels();
        offsets = new int[batch * channels];
        if (spec.randomOffsets()) {
            SplittableRandom random = new SplittableRandom(seed);
            for (int i = 0; i < offsets.length; i++) offsets[i] = random.nextInt(n);
        }
    }

    private static double[] smooth(double[] x, double sigma) {
        if (sigma <= 0) return x.clone();
        int n = x.length;
        int radius = (int) Math.ceil(4 * sigma);
        double[] kernel = new double[2 * radius + 1];
        double sum = 0;
        for (int j = -radius; j <= radius; j++) {
            kernel[j + radius] = Math.exp(-0.5 * j * j / (sigma * sigma));
            sum += kernel[j + radius];
        }
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            double acc = 0;
            for (int j = -radius; j <= radius; j++) acc += kernel[j + radius] * x[Math.floorMod(i + j, n)];
            y[i] = acc / sum;
        }
        return y;
    }

    @Override public int channels() { return channels; }

    @Override public void sample(long step, double[] out) {
        int n = period.length;
        int phase = (int) (step % n);
        for (int k = 0; k < offsets.length; k++) {
            int i = phase + offsets[k];
            out[k] = period[i >= n ? i - n : i];
        }
    }
}
