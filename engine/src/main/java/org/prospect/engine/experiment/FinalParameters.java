package org.prospect.engine.experiment;

import java.util.LinkedHashMap;
import java.util.Map;
import org.prospect.engine.gle.GleNetwork;
import org.prospect.engine.gle.NetworkSpec;

/** A small network's parameters as named scalars ({@code W1_0_0}, {@code b0_2}, {@code tau_m1_0}) for tables. */
final class FinalParameters {
    private FinalParameters() {}

    /** The parameters, or an empty map when there are more than {@code limit} of them (a table would be unreadable). */
    static Map<String, Double> of(GleNetwork net, boolean tauM, int limit) {
        NetworkSpec spec = net.spec();
        Map<String, Double> out = new LinkedHashMap<>();
        for (int l = 0; l < spec.layerCount(); l++) {
            int in = spec.fanIn(l);
            double[] w = net.weights(l);
            for (int k = 0; k < w.length; k++) out.put("W" + l + "_" + (k / in) + "_" + (k % in), w[k]);
            if (net.hasBias(l)) {
                for (int i = 0; i < spec.layer(l).size(); i++) out.put("b" + l + "_" + i, net.biases(l)[i]);
            }
            if (tauM) {
                for (int i = 0; i < spec.layer(l).size(); i++) out.put("tau_m" + l + "_" + i, net.tauM(l)[i]);
            }
            if (out.size() > limit) return Map.of();
        }
        return out;
    }
}
