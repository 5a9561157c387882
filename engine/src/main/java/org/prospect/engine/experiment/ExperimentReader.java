package org.prospect.engine.experiment;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.prospect.engine.gle.Activation;
import org.prospect.engine.gle.Dynamics;
import org.prospect.engine.gle.LearningSpec;
import org.prospect.engine.gle.NetworkSpec;
import org.prospect.engine.gle.Optimizer;
import org.prospect.engine.gle.TargetLoss;
import org.prospect.engine.task.SignalSpec;
import org.prospect.engine.task.TargetSpec;

/** Turns the parsed JSON of an experiment file into a {@link GleExperiment}, validating every field. */
final class ExperimentReader {
    private static final String[] TOP_LEVEL = {"name", "description", "model", "seed", "batch", "dt", "duration",
            "network", "dynamics", "learning", "input", "target", "phases"};

    private ExperimentReader() {}

    static GleExperiment read(FieldReader root) throws ExperimentFileException {
        root.object(TOP_LEVEL);
        String name = root.required("name").string();
        String description = root.required("description").string();
        root.required("model").choice("gle", "rnn");
        FieldReader seedField = root.optional("seed");
        long seed = seedField == null ? 1 : seedField.integer();
        FieldReader batchField = root.optional("batch");
        int batch = batchField == null ? 1 : batchField.intAtLeast(1);
        double dt = root.required("dt").positive();

        SplittableRandom random = new SplittableRandom(seed);
        NetworkReader networks = new NetworkReader(dt, random);
        NetworkReader.Student student = networks.student(root.required("network"));
        NetworkSpec spec = student.spec();
        Dynamics dynamics = dynamics(root.required("dynamics"), dt, spec);
        LearningSpec learning = learning(root.required("learning"), dt);
        FieldReader targetField = root.required("target");
        TargetSpec target = target(targetField, spec, networks, batch, dynamics);
        SignalSpec input = null;
        if (target instanceof TargetSpec.Dataset) {
            FieldReader in = root.optional("input");
            if (in != null) throw in.error("not allowed with a dataset target: the data set provides the input");
        } else {
            input = SignalReader.read(root.required("input"), spec.inputs(), "network.inputs");
        }
        FieldReader phasesField = root.optional("phases");
        List<Phase> phases = phasesField == null ? List.of() : phases(phasesField, target);
        double duration = duration(root, phases, target, dt, batch);
        return new GleExperiment(name, description, spec, student.weights(), dynamics, learning, input, target,
                batch, seed, duration, phases);
    }

    private static Dynamics dynamics(FieldReader f, double dt, NetworkSpec spec) throws ExperimentFileException {
        f.object("gamma", "beta", "prospectiveErrors", "loss");
        double gamma = f.required("gamma").number();
        double beta = f.required("beta").number();
        FieldReader prospective = f.optional("prospectiveErrors");
        FieldReader lossField = f.optional("loss");
        TargetLoss loss = TargetLoss.MSE;
        if (lossField != null && lossField.choice("mse", "cross_entropy").equals("cross_entropy")) {
            int top = spec.layerCount() - 1;
            Activation out = spec.layer(top).activation();
            if (out != Activation.LINEAR) {
                throw lossField.error("\"cross_entropy\" requires a linear output layer, but network.layers[" + top
                        + "].activation is \"" + out.fileName() + "\"");
            }
            loss = TargetLoss.CROSS_ENTROPY;
        }
        return new Dynamics(dt, gamma, beta, prospective == null || prospective.bool(), loss);
    }

    private static LearningSpec learning(FieldReader f, double dt) throws ExperimentFileException {
        f.object("enabled", "rule", "optimizer", "rate", "learnTauM", "tauMin", "bpttWindow");
        FieldReader enabledField = f.optional("enabled");
        boolean enabled = enabledField == null || enabledField.bool();
        FieldReader ruleField = f.optional("rule");
        LearningSpec.Rule rule = ruleField == null || ruleField.choice("gle", "truncated_bptt").equals("gle")
                ? LearningSpec.Rule.GLE : LearningSpec.Rule.TRUNCATED_BPTT;
        FieldReader optimizerField = f.optional("optimizer");
        Optimizer.Kind optimizer = optimizerField == null || optimizerField.choice("sgd", "adam").equals("sgd")
                ? Optimizer.Kind.SGD : Optimizer.Kind.ADAM;
        double rate = f.required("rate").numberAtLeast(0, "0");
        FieldReader learnTauMField = f.optional("learnTauM");
        boolean learnTauM = learnTauMField != null && learnTauMField.bool();
        FieldReader tauMinField = f.optional("tauMin");
        double tauMin = tauMinField == null ? 10 * dt : tauMinField.numberAtLeast(dt, "dt = " + dt);
        double window = 0;
        if (rule == LearningSpec.Rule.TRUNCATED_BPTT) {
            window = f.required("bpttWindow", "rule is \"truncated_bptt\"").numberAtLeast(dt, "dt = " + dt);
        } else if (f.has("bpttWindow")) {
            throw f.optional("bpttWindow").error("\"bpttWindow\" is only allowed when rule is \"truncated_bptt\"");
        }
        return new LearningSpec(enabled, rule, optimizer, rate, learnTauM, tauMin, window);
    }

    private static TargetSpec target(FieldReader f, NetworkSpec spec, NetworkReader networks, int batch,
                                     Dynamics dynamics) throws ExperimentFileException {
        f.object("teacher", "signal", "dataset");
        String kind = f.exactlyOneOf("teacher", "signal", "dataset");
        if (kind.equals("teacher")) {
            return networks.teacher(f.required("teacher"), spec);
        }
        if (kind.equals("dataset")) {
            return DatasetReader.read(f.required("dataset"), spec, batch, dynamics);
        }
        return new TargetSpec.SignalTarget(SignalReader.read(f.required("signal"), spec.outputs(),
                "the output layer's size"));
    }

    private static List<Phase> phases(FieldReader f, TargetSpec target) throws ExperimentFileException {
        List<Phase> out = new ArrayList<>();
        for (FieldReader p : f.atLeast(1, "phase")) {
            p.object("duration", "learning", "teacherTauM");
            double duration = p.required("duration").positive();
            FieldReader learningField = p.optional("learning");
            boolean learning = learningField == null || learningField.bool();
            FieldReader teacherTauM = p.optional("teacherTauM");
            if (teacherTauM != null && !(target instanceof TargetSpec.Teacher)) {
                throw teacherTauM.error("\"teacherTauM\" is only allowed when the target is a teacher");
            }
            out.add(new Phase(duration, learning, teacherTauM != null && teacherTauM.bool()));
        }
        return out;
    }

    private static double duration(FieldReader root, List<Phase> phases, TargetSpec target, double dt, int batch)
            throws ExperimentFileException {
        if (target instanceof TargetSpec.Dataset d) {
            FieldReader given = root.optional("duration");
            if (given != null) throw given.error("not allowed with a dataset target: \"dataset.epochs\" sets the length");
            if (!phases.isEmpty()) throw root.required("phases").error("not allowed with a dataset target");
            long stepsPerEpoch = (long) (d.train().size() / batch) * d.train().length();
            return d.epochs() * stepsPerEpoch * dt;
        }
        if (phases.isEmpty()) return root.required("duration", "no \"phases\" are given").positive();
        double sum = 0;
        for (Phase p : phases) sum += p.duration();
        FieldReader given = root.optional("duration");
        if (given != null) {
            double d = given.positive();
            if (Math.abs(d - sum) > 1e-9 * Math.max(1, Math.abs(sum))) {
                throw given.expected(sum + " (the sum of the phase durations; or leave \"duration\" out)");
            }
        }
        return sum;
    }
}
