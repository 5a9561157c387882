package org.prospect.engine.rnn;

import java.util.Random;

/** Draws seeded batches of delayed-XOR trials (see {@link XorSpec}); label 1 when the two cue bits match. */
public final class DelayedXor {
    private final XorSpec spec;
    private Random random;
    private final double[] bump;

    public DelayedXor(XorSpec spec, long seed) {
        this.spec = spec;
        this.random = new Random(seed);
        int cue = spec.cueSteps();
        bump = new double[cue];
        // Centred on the middle of the window's step indices, so the bump is symmetric inside it.
        double centre = (cue - 1) / 2.0;
        for (int t = 0; t < cue; t++) {
            double z = (t - centre) / spec.bumpStd();
            bump[t] = spec.bumpHeight() * Math.exp(-0.5 * z * z);
        }
    }

    public XorSpec spec() { return spec; }

    /**
     * Where the stream is: the random generator's serialized form, Base64. {@link Random} keeps its seed (and a
     * pending Gaussian) private; its serialized form is specified (seed, nextNextGaussian, haveNextNextGaussian),
     * so this is the one exact way to continue the stream without redrawing every batch so far.
     */
    public String position() {
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        try (java.io.ObjectOutputStream out = new java.io.ObjectOutputStream(bytes)) {
            out.writeObject(random);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e); // in memory: cannot happen
        }
        return java.util.Base64.getEncoder().encodeToString(bytes.toByteArray());
    }

    /** Continues from a {@link #position()} of a stream of the same spec. */
    public void moveTo(String position) {
        byte[] bytes = java.util.Base64.getDecoder().decode(position);
        try (java.io.ObjectInputStream in = new java.io.ObjectInputStream(new java.io.ByteArrayInputStream(bytes))) {
            in.setObjectInputFilter(info -> info.serialClass() == null || info.serialClass() == Random.class
                    ? java.io.ObjectInputFilter.Status.ALLOWED : java.io.ObjectInputFilter.Status.REJECTED);
            random = (Random) in.readObject();
        } catch (java.io.IOException | ClassNotFoundException | ClassCastException e) {
            throw new IllegalArgumentException("not a saved position of a random stream: " + e.getMessage(), e);
        }
    }

    /** The next batch of {@code batch} trials; bits are drawn first, then the noise, trial by trial. */
    public Trial next(int batch) {
        int steps = spec.steps();
        int cue = spec.cueSteps();
        int cue2 = cue + spec.delaySteps();
        double[] x = new double[steps * batch * 2];
        int[] labels = new int[batch];
        int[] bits = new int[2 * batch];
        for (int b = 0; b < batch; b++) {
            bits[2 * b] = random.nextBoolean() ? 1 : 0;
            bits[2 * b + 1] = random.nextBoolean() ? 1 : 0;
            labels[b] = bits[2 * b] == bits[2 * b + 1] ? 1 : 0;
        }
        for (int b = 0; b < batch; b++) {
            for (int t = 0; t < steps; t++) {
                int off = (t * batch + b) * 2;
                double c1 = spec.baseline();
                double c2 = spec.baseline();
                if (t < cue && bits[2 * b] == 1) c1 += bump[t];
                if (t >= cue2 && bits[2 * b + 1] == 1) c2 += bump[t - cue2];
                x[off] = c1 + spec.noiseStd() * random.nextGaussian();
                x[off + 1] = c2 + spec.noiseStd() * random.nextGaussian();
            }
        }
        return new Trial(steps, batch, 2, x, labels, bits);
    }
}
