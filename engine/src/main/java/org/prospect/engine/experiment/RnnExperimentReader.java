package org.prospect.engine.experiment;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.prospect.engine.gle.Optimizer;
import org.prospect.engine.rnn.LearningRule;
import org.prospect.engine.rnn.RnnSpec;
import org.prospect.engine.rnn.Wiring;
import org.prospect.engine.rnn.TrainingSpec;
import org.prospect.engine.rnn.XorSpec;

/**
 * Turns the parsed JSON of a {@code "model": "rnn"} file into an {@link RnnExperiment}, validating every field
 * before anything is constructed (format in the README, "RNN experiments").
 */
final class RnnExperimentReader {
    private static final String[] TOP_LEVEL = {"name", "description", "model", "network", "task", "training", "rules",
            "alignment"};
    /** The rule names a file may use, in the order the error messages list them. */
    static final String[] RULES = {"BPTT", "e-prop", "MDGL", "MDGL (cell-specific)", "ModProp",
            "ModProp (cell-specific)"};

    private RnnExperimentReader() {}

    static RnnExperiment read(FieldReader root) throws ExperimentFileException {
        root.object(TOP_LEVEL);
        String name = root.required("name").string();
        String description = root.required("description").string();
        root.required("model").choice("gle", "rnn");
        RnnSpec network = network(root.required("network"));
        XorSpec task = task(root.required("task"));
        FieldReader trainingField = root.required("training");
        TrainingSpec training = training(trainingField);
        int iterations = trainingField.required("iterations").intAtLeast(1);
        List<RnnExperiment.RuleEntry> rules = rules(root.required("rules"), root.optional("alignment"));
        return new RnnExperiment(name, description, network, task, training, iterations, rules);
    }

    private static RnnSpec network(FieldReader f) throws ExperimentFileException {
        f.object("units", "inputs", "outputs", "tau", "dt", "excitatoryFraction", "cellTypes", "seed", "wiring");
        int units = f.required("units").intAtLeast(2);
        exactly(f, "inputs", 2, "delayed XOR has two input channels");
        exactly(f, "outputs", 2, "delayed XOR reads out two logits: match, no match");
        double tau = f.required("tau").positive();
        FieldReader dtField = f.required("dt");
        double dt = dtField.positive();
        FieldReader fractionField = f.optional("excitatoryFraction");
        double fraction = 0.8;
        if (fractionField != null) {
            fraction = fractionField.number();
            if (!(fraction > 0 && fraction < 1)) throw fractionField.expected("a number in (0, 1)");
        }
        FieldReader typesField = f.optional("cellTypes");
        int types = typesField == null ? 2 : typesField.intAtLeast(2);
        FieldReader seedField = f.optional("seed");
        long seed = seedField == null ? 1 : seedField.integer();
        int e = (int) Math.round(fraction * units);
        if (e < 1 || units - e < 1) {
            throw (fractionField != null ? fractionField : f.required("units")).error(
                    "excitatoryFraction " + fraction + " of " + units + " units leaves " + e + " E and " + (units - e)
                            + " I units; need at least one of each");
        }
        int eTypes = (types + 1) / 2;
        if (e < eTypes || units - e < types - eTypes) {
            FieldReader at = typesField != null ? typesField : f.required("units");
            throw at.error(e + " E and " + (units - e) + " I units cannot hold " + types + " cell types (" + eTypes
                    + " E types, " + (types - eTypes) + " I types)");
        }
        FieldReader wiringField = f.optional("wiring");
        Wiring wiring = Wiring.PAPER;
        if (wiringField != null) {
            wiring = Wiring.of(wiringField.string());
            if (wiring == null) throw wiringField.expected("\"paper\" or \"public-code\"");
        }
        return new RnnSpec(units, 2, 2, dt, tau, fraction, types, seed, wiring);
    }

    private static void exactly(FieldReader f, String name, int value, String why) throws ExperimentFileException {
        FieldReader field = f.optional(name);
        if (field == null) return;
        int v = field.intAtLeast(1);
        if (v != value) throw field.expected(value + " (" + why + ")");
    }

    private static XorSpec task(FieldReader f) throws ExperimentFileException {
        f.object("cue", "delay", "baseline", "bumpHeight", "bumpStd", "noiseStd");
        int cue = f.required("cue").intAtLeast(1);
        int delay = f.required("delay").intAtLeast(0);
        double baseline = optionalNumber(f, "baseline", 0.02);
        double height = optionalNumber(f, "bumpHeight", 2.0);
        FieldReader stdField = f.optional("bumpStd");
        double std = stdField == null ? cue / 4.0 : stdField.positive();
        FieldReader noiseField = f.optional("noiseStd");
        double noise = noiseField == null ? 0.01 : noiseField.numberAtLeast(0, "0");
        return new XorSpec(cue, delay, baseline, height, std, noise);
    }

    private static double optionalNumber(FieldReader f, String name, double fallback) throws ExperimentFileException {
        FieldReader field = f.optional(name);
        return field == null ? fallback : field.number();
    }

    private static TrainingSpec training(FieldReader f) throws ExperimentFileException {
        f.object("batch", "optimizer", "learningRate", "decayEvery", "decayFactor", "l2", "validationBatch",
                "validateEvery", "iterations");
        int batch = f.required("batch").intAtLeast(1);
        FieldReader optimizerField = f.optional("optimizer");
        Optimizer.Kind optimizer = optimizerField == null || optimizerField.choice("adam", "sgd").equals("adam")
                ? Optimizer.Kind.ADAM : Optimizer.Kind.SGD;
        double rate = f.required("learningRate").numberAtLeast(0, "0");
        FieldReader everyField = f.optional("decayEvery");
        int decayEvery = everyField == null ? 1 : everyField.intAtLeast(1);
        FieldReader factorField = f.optional("decayFactor");
        double decayFactor = factorField == null ? 1.0 : factorField.positive();
        if (everyField == null && factorField != null) f.required("decayEvery", "\"decayFactor\" is given");
        FieldReader l2Field = f.optional("l2");
        double l2 = l2Field == null ? 0 : l2Field.numberAtLeast(0, "0");
        FieldReader validationField = f.optional("validationBatch");
        int validationBatch = validationField == null ? batch : validationField.intAtLeast(1);
        FieldReader validateField = f.optional("validateEvery");
        int validateEvery = validateField == null ? 1 : validateField.intAtLeast(0);
        return new TrainingSpec(batch, optimizer, rate, decayEvery, decayFactor, l2, validationBatch, validateEvery);
    }

    private static List<RnnExperiment.RuleEntry> rules(FieldReader f, FieldReader alignmentField)
            throws ExperimentFileException {
        List<String> labels = new ArrayList<>();
        List<LearningRule> learning = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (FieldReader r : f.atLeast(1, "rule")) {
            String ruleName;
            FieldReader labelField = null;
            FieldReader muField = null;
            FieldReader nameField;
            if (r.node().isTextual()) {
                nameField = r;
            } else if (r.isObject()) {
                r.object("rule", "mu", "label");
                nameField = r.required("rule");
                muField = r.optional("mu");
                labelField = r.optional("label");
            } else {
                throw r.expected("a rule name (one of " + FieldReader.quoted(RULES)
                        + ") or an object {\"rule\": …, \"mu\": …, \"label\": …}");
            }
            ruleName = nameField.choice(RULES);
            boolean modProp = ruleName.startsWith("ModProp");
            double mu = 0;
            if (modProp) {
                if (muField == null) {
                    if (r.isObject()) r.required("mu", "rule is \"" + ruleName + "\"");
                    throw r.error("\"" + ruleName + "\" needs μ: write {\"rule\": \"" + ruleName
                            + "\", \"mu\": 0.25} (the paper's μ is 0.25)");
                }
                mu = muField.number();
            } else if (muField != null) {
                throw muField.error("\"mu\" is only allowed for ModProp rules, not for \"" + ruleName + "\"");
            }
            LearningRule rule = switch (ruleName) {
                case "BPTT" -> LearningRule.bptt();
                case "e-prop" -> LearningRule.eprop();
                case "MDGL" -> LearningRule.mdgl();
                case "MDGL (cell-specific)" -> LearningRule.mdglCellSpecific();
                case "ModProp" -> LearningRule.modProp(mu);
                default -> LearningRule.modPropCellSpecific(mu);
            };
            String label = labelField == null ? ruleName : labelField.string();
            if (label.isBlank()) throw labelField.expected("a non-empty label");
            if (!seen.add(label)) {
                throw (labelField != null ? labelField : r).error("the label \"" + label
                        + "\" is used twice (give each rule its own \"label\")");
            }
            labels.add(label);
            learning.add(rule);
        }
        Set<String> aligned = new HashSet<>(labels);
        if (alignmentField != null) {
            aligned.clear();
            for (FieldReader a : alignmentField.elements()) {
                String label = a.string();
                if (!labels.contains(label)) {
                    throw a.expected("the label of one of the rules (" + FieldReader.quoted(labels.toArray(String[]::new))
                            + ")");
                }
                if (!aligned.add(label)) throw a.error("\"" + label + "\" is listed twice");
            }
        }
        List<RnnExperiment.RuleEntry> out = new ArrayList<>();
        for (int k = 0; k < labels.size(); k++) {
            out.add(new RnnExperiment.RuleEntry(labels.get(k), learning.get(k), aligned.contains(labels.get(k))));
        }
        return out;
    }
}
