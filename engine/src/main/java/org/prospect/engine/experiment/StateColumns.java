package org.prospect.engine.experiment;

import java.util.ArrayList;
import java.util.List;
import org.prospect.engine.gle.GleNetwork;
import org.prospect.engine.gle.NetworkSpec;
import org.prospect.engine.gle.Quantity;

/**
 * One row per step in the layout of the GLE reference traces: {@code step, t, x{k}, target{k}}, then per
 * layer and neuron {@code L{l}_n{j}_{u,prosp_u,r,v,prosp_v,inst_e}} and {@code _tau_m} where τ is learned.
 * Values are those of one batch sample (0 unless told otherwise), written after the step.
 */
public final class StateColumns {
    private static final Quantity[] PER_NEURON = {
        Quantity.SOMATIC_POTENTIAL, Quantity.PROSPECTIVE_POTENTIAL, Quantity.RATE,
        Quantity.ERROR_POTENTIAL, Quantity.PROSPECTIVE_ERROR, Quantity.INSTANTANEOUS_ERROR
    };

    private final NetworkSpec spec;
    private final boolean tauColumns;
    private final List<String> names;
    private final int sample;

    public StateColumns(GleSimulation sim, int sample) {
        this.spec = sim.experiment().network();
        this.tauColumns = sim.experiment().learning().learnTauM();
        this.sample = sample;
        List<String> n = new ArrayList<>();
        n.add("step");
        n.add("t");
        for (int k = 0; k < spec.inputs(); k++) n.add("x" + k);
        for (int k = 0; k < spec.outputs(); k++) n.add("target" + k);
        for (int l = 0; l < spec.layerCount(); l++) {
            for (int j = 0; j < spec.layer(l).size(); j++) {
                for (Quantity q : PER_NEURON) n.add("L" + l + "_n" + j + "_" + q.column());
                if (tauColumns) n.add("L" + l + "_n" + j + "_tau_m");
            }
        }
        this.names = List.copyOf(n);
    }

    public List<String> names() { return names; }

    public int size() { return names.size(); }

    /** Fills {@code row} with the values after the step just taken ({@code sim.stepCount() − 1}). */
    public void fill(GleSimulation sim, double[] row) {
        int c = 0;
        long step = sim.stepCount() - 1;
        row[c++] = step;
        row[c++] = step * sim.student().dynamics().dt();
        int in = spec.inputs();
        int out = spec.outputs();
        for (int k = 0; k < in; k++) row[c++] = sim.input()[sample * in + k];
        for (int k = 0; k < out; k++) row[c++] = sim.target()[sample * out + k];
        GleNetwork net = sim.student();
        for (int l = 0; l < spec.layerCount(); l++) {
            for (int j = 0; j < spec.layer(l).size(); j++) {
                for (Quantity q : PER_NEURON) row[c++] = net.value(q, l, sample, j);
                if (tauColumns) row[c++] = sim.tauMUsed(l)[j];
            }
        }
    }
}
