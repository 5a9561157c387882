package org.prospect.engine.experiment;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.prospect.engine.gle.Activation;
import org.prospect.engine.gle.LayerSpec;
import org.prospect.engine.gle.NetworkSpec;
import org.prospect.engine.gle.Weights;
import org.prospect.engine.task.TargetSpec;

/**
 * Reads the student network ({@code network}) and a teacher ({@code target.teacher}): sizes, activations,
 * time constants, weights and biases. Every random draw comes from the one generator it is given, in file
 * order: for each layer bottom-up its tauM, tauR, weights (row by row), then biases.
 */
final class NetworkReader {
    private static final String[] ACTIVATIONS =
            Arrays.stream(Activation.values()).map(Activation::fileName).toArray(String[]::new);

    private final double dt;
    private final SplittableRandom random;

    NetworkReader(double dt, SplittableRandom random) {
        this.dt = dt;
        this.random = random;
    }

    /** The student: its shape and its initial weights. */
    record Student(NetworkSpec spec, Weights weights) {}

    Student student(FieldReader network) throws ExperimentFileException {
        network.object("inputs", "layers");
        int inputs = network.required("inputs").intAtLeast(1);
        List<FieldReader> layers = network.required("layers").atLeast(1, "layer");
        List<LayerSpec> specs = new ArrayList<>();
        double[][] w = new double[layers.size()][];
        double[][] b = new double[layers.size()][];
        int fanIn = inputs;
        for (int l = 0; l < layers.size(); l++) {
            FieldReader layer = layers.get(l).object("size", "activation", "tauM", "tauR", "bias", "weights", "biases",
                    "plastic");
            int size = layer.required("size").intAtLeast(1);
            Activation activation = Activation.valueOf(
                    layer.required("activation").choice(ACTIVATIONS).toUpperCase(java.util.Locale.ROOT));
            FieldReader biasField = layer.optional("bias");
            boolean bias = biasField != null && biasField.bool();
            double[] tauM = timeConstants(layer.required("tauM"), size);
            double[] tauR = timeConstants(layer.required("tauR"), size);
            FieldReader weights = layer.optional("weights");
            if (weights != null) {
                w[l] = matrix(weights, size, fanIn);
            } else {
                double bound = 1 / Math.sqrt(fanIn);
                w[l] = uniform(size * fanIn, -bound, bound);
            }
            b[l] = biases(layer.optional("biases"), size, bias);
            FieldReader plasticField = layer.optional("plastic");
            boolean plastic = plasticField == null || plasticField.bool();
            specs.add(new LayerSpec(size, activation, tauM, tauR, bias, plastic));
            fanIn = size;
        }
        return new Student(new NetworkSpec(inputs, specs), new Weights(w, b));
    }

    /** A teacher for {@code student}: one entry per student layer, weights required, τ defaulting to the student's. */
    TargetSpec.Teacher teacher(FieldReader teacher, NetworkSpec student) throws ExperimentFileException {
        teacher.object("layers");
        int n = student.layerCount();
        List<FieldReader> layers = teacher.required("layers").elements(n, "layer", "one per network layer");
        double[][] w = new double[n][];
        double[][] b = new double[n][];
        double[][] tauM = new double[n][];
        double[][] tauR = new double[n][];
        boolean anyTauM = false;
        boolean anyTauR = false;
        for (int l = 0; l < n; l++) {
            LayerSpec s = student.layer(l);
            FieldReader layer = layers.get(l).object("weights", "biases", "tauM", "tauR");
            FieldReader m = layer.optional("tauM");
            FieldReader r = layer.optional("tauR");
            tauM[l] = m == null ? s.tauM() : timeConstants(m, s.size());
            tauR[l] = r == null ? s.tauR() : timeConstants(r, s.size());
            anyTauM |= m != null;
            anyTauR |= r != null;
            w[l] = matrix(layer.required("weights"), s.size(), student.fanIn(l));
            b[l] = biases(layer.optional("biases"), s.size(), s.bias());
        }
        return new TargetSpec.Teacher(new Weights(w, b), anyTauM ? tauM : null, anyTauR ? tauR : null);
    }

    /** tauM or tauR: one number for all neurons, one per neuron, or {"uniform": [lo, hi]}; each ≥ dt. */
    private double[] timeConstants(FieldReader f, int size) throws ExperimentFileException {
        String atLeastDt = "dt = " + dt;
        if (f.isNumber()) {
            double v = f.numberAtLeast(dt, atLeastDt);
            double[] out = new double[size];
            Arrays.fill(out, v);
            return out;
        }
        if (f.isArray()) {
            List<FieldReader> e = f.elements(size, "value", "one per neuron");
            double[] out = new double[size];
            for (int i = 0; i < size; i++) out[i] = e.get(i).numberAtLeast(dt, atLeastDt);
            return out;
        }
        if (f.isObject()) {
            f.object("uniform");
            double[] range = range(f.required("uniform"), dt, atLeastDt);
            return uniform(size, range[0], range[1]);
        }
        throw f.expected("a number, an array of one number per neuron, or {\"uniform\": [lo, hi]}");
    }

    /** A weight matrix [out][in] given explicitly or as {"uniform": [lo, hi]} / {"normal": [mean, std]}. */
    private double[] matrix(FieldReader f, int rows, int cols) throws ExperimentFileException {
        if (f.isArray()) {
            List<FieldReader> r = f.elements();
            if (r.size() != rows) {
                throw f.error("expected " + FieldReader.count(rows, "row") + " (one per neuron of this layer), found "
                        + r.size());
            }
            double[] out = new double[rows * cols];
            for (int i = 0; i < rows; i++) {
                List<FieldReader> c = r.get(i).elements();
                if (c.size() != cols) {
                    throw r.get(i).error("expected " + FieldReader.count(cols, "column") + " (the layer's fan-in), found "
                            + c.size());
                }
                for (int j = 0; j < cols; j++) out[i * cols + j] = c.get(j).number();
            }
            return out;
        }
        if (f.isObject()) return distribution(f, rows * cols);
        throw f.expected("an array of rows [out][in], {\"uniform\": [lo, hi]} or {\"normal\": [mean, std]}");
    }

    /** Biases: only when the layer has them; default zeros. */
    private double[] biases(FieldReader f, int size, boolean bias) throws ExperimentFileException {
        if (f == null) return new double[size];
        if (!bias) throw f.error("biases are only allowed when the layer's \"bias\" is true");
        if (f.isArray()) {
            List<FieldReader> e = f.elements(size, "value", "one per neuron");
            double[] out = new double[size];
            for (int i = 0; i < size; i++) out[i] = e.get(i).number();
            return out;
        }
        if (f.isObject()) return distribution(f, size);
        throw f.expected("an array of one number per neuron, {\"uniform\": [lo, hi]} or {\"normal\": [mean, std]}");
    }

    private double[] distribution(FieldReader f, int n) throws ExperimentFileException {
        f.object("uniform", "normal");
        if (f.exactlyOneOf("uniform", "normal").equals("uniform")) {
            double[] range = range(f.required("uniform"), Double.NEGATIVE_INFINITY, null);
            return uniform(n, range[0], range[1]);
        }
        List<FieldReader> p = f.required("normal").elements(2, "number", "[mean, std]");
        double mean = p.get(0).number();
        double std = p.get(1).numberAtLeast(0, "0");
        double[] out = new double[n];
        for (int i = 0; i < n; i++) out[i] = mean + std * random.nextGaussian();
        return out;
    }

    /** [lo, hi] with min ≤ lo ≤ hi; {@code minText} explains min, null when there is none. */
    private static double[] range(FieldReader f, double min, String minText) throws ExperimentFileException {
        List<FieldReader> e = f.elements(2, "number", "[lo, hi]");
        double lo = minText == null ? e.get(0).number() : e.get(0).numberAtLeast(min, minText);
        double hi = e.get(1).numberAtLeast(lo, "the lower end " + lo);
        return new double[] {lo, hi};
    }

    /** n draws uniform in [lo, hi). */
    private double[] uniform(int n, double lo, double hi) {
        double[] out = new double[n];
        for (int i = 0; i < n; i++) out[i] = lo + (hi - lo) * random.nextDouble();
        return out;
    }
}
