package org.prospect.engine.testing;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.prospect.engine.experiment.GleExperiment;
import org.prospect.engine.gle.Activation;
import org.prospect.engine.gle.Dynamics;
import org.prospect.engine.gle.LayerSpec;
import org.prospect.engine.gle.LearningSpec;
import org.prospect.engine.gle.NetworkSpec;
import org.prospect.engine.gle.Optimizer;
import org.prospect.engine.gle.TargetLoss;
import org.prospect.engine.gle.Weights;
import org.prospect.engine.task.SignalSpec;
import org.prospect.engine.task.TargetSpec;

/** Builds the experiment a reference case describes, straight from its JSON (not through our file format). */
public final class ReferenceExperiments {
    private ReferenceExperiments() {}

    public static GleExperiment of(ReferenceCase c) {
        JsonNode s = c.setup;
        JsonNode sizes = s.get("sizes");
        int layers = sizes.size() - 1;
        boolean bias = s.get("bias").asBoolean();
        List<LayerSpec> specs = new ArrayList<>();
        for (int l = 0; l < layers; l++) {
            specs.add(new LayerSpec(sizes.get(l + 1).asInt(),
                    Activation.valueOf(s.get("activations").get(l).asText().toUpperCase()),
                    ReferenceCase.vector(s.get("tau_m").get(l)), ReferenceCase.vector(s.get("tau_r").get(l)), bias));
        }
        NetworkSpec net = new NetworkSpec(sizes.get(0).asInt(), specs);
        double dt = s.get("dt").asDouble();
        Dynamics dyn = new Dynamics(dt, s.get("gamma").asDouble(), s.get("beta").asDouble(),
                s.get("prospective_errors").asBoolean(), TargetLoss.MSE);
        LearningSpec learning = new LearningSpec(true, LearningSpec.Rule.GLE, Optimizer.Kind.SGD,
                s.get("learning_rate").asDouble(), s.get("learn_tau").asBoolean(), 10 * dt, 0);
        List<List<SignalSpec.Sine>> channels = new ArrayList<>();
        for (int k = 0; k < net.inputs(); k++) {
            channels.add(List.of(new SignalSpec.Sine(1, 0.3, k), new SignalSpec.Sine(0.5, 0.71, 0.3 * k)));
        }
        return new GleExperiment(s.get("name").asText(), "reference", net, weights(s.get("student_init"), net),
                dyn, learning, new SignalSpec.SumOfSines(channels),
                new TargetSpec.Teacher(weights(s.get("teacher"), net), null, null), 1, 1,
                s.get("steps").asInt() * dt, List.of());
    }

    public static Weights weights(JsonNode node, NetworkSpec net) {
        int layers = net.layerCount();
        double[][] w = new double[layers][];
        double[][] b = new double[layers][];
        for (int l = 0; l < layers; l++) {
            w[l] = ReferenceCase.matrix(node.get("W" + l));
            b[l] = node.has("b" + l) ? ReferenceCase.vector(node.get("b" + l)) : new double[net.layer(l).size()];
        }
        return new Weights(w, b);
    }
}
