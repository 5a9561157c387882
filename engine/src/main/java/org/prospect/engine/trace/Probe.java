package org.prospect.engine.trace;

import java.util.ArrayList;
import java.util.List;
import org.prospect.engine.experiment.GleSimulation;
import org.prospect.engine.gle.NetworkSpec;

/**
 * Which values of a {@link GleSimulation} go into which trace channel: the inputs, targets and outputs
 * of batch sample 0 (the one a viewer follows), then the batch-mean loss. Columns are named
 * {@code x0…}, {@code target0…}, {@code out0…}, {@code loss}.
 */
public final class Probe {
    private final int inputs;
    private final int outputs;
    private final List<String> columns;

    private Probe(int inputs, int outputs) {
        this.inputs = inputs;
        this.outputs = outputs;
        List<String> names = new ArrayList<>();
        for (int i = 0; i < inputs; i++) names.add("x" + i);
        for (int i = 0; i < outputs; i++) names.add("target" + i);
        for (int i = 0; i < outputs; i++) names.add("out" + i);
        names.add("loss");
        this.columns = List.copyOf(names);
    }

    /** The probe for networks shaped like {@code network}. */
    public static Probe signals(NetworkSpec network) {
        return new Probe(network.inputs(), network.outputs());
    }

    /** Channel names in channel order. */
    public List<String> columns() { return columns; }

    public int channels() { return columns.size(); }

    /** Channel of input {@code i}. */
    public int inputChannel(int i) { return i; }

    /** Channel of target {@code i}. */
    public int targetChannel(int i) { return inputs + i; }

    /** Channel of output {@code i}. */
    public int outputChannel(int i) { return inputs + outputs + i; }

    public int lossChannel() { return inputs + 2 * outputs; }

    public int inputs() { return inputs; }

    public int outputs() { return outputs; }

    /** Reads the simulation's current values into {@code row} (length ≥ {@link #channels()}); allocates nothing. */
    public void read(GleSimulation simulation, double[] row) {
        // Batch sample 0 sits at offset 0 of the flattened [batch][n] views.
        System.arraycopy(simulation.input(), 0, row, 0, inputs);
        System.arraycopy(simulation.target(), 0, row, inputs, outputs);
        System.arraycopy(simulation.student().output(), 0, row, inputs + outputs, outputs);
        row[inputs + 2 * outputs] = simulation.loss();
    }
}
