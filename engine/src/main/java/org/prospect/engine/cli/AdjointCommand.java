package org.prospect.engine.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import org.prospect.engine.adjoint.AdjointRun;
import org.prospect.engine.adjoint.ExactAdjoint;
import org.prospect.engine.adjoint.Trajectory;
import org.prospect.engine.experiment.ExperimentFile;
import org.prospect.engine.experiment.ExperimentFileException;
import org.prospect.engine.experiment.GleExperiment;
import org.prospect.engine.gle.NetworkSpec;
import org.prospect.engine.trace.AtomicFiles;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "adjoint",
        description = "Exact BPTT adjoints λ = ∂L/∂u of the student at its initial weights over the first N steps.")
final class AdjointCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "FILE", description = "experiment file (JSON)")
    Path file;

    @Option(names = "--steps", paramLabel = "N", required = true, description = "window length in steps")
    int steps;

    @Option(names = "--csv", paramLabel = "OUT.csv", description = "per step: target{k}, out{k}, L{l}_n{j}_lambda")
    Path csv;

    @Option(names = "--json", paramLabel = "OUT.json", description = "loss, dL_dW, dL_db")
    Path json;

    @Override
    public Integer call() throws IOException {
        GleExperiment experiment;
        try {
            experiment = ExperimentFile.load(file);
        } catch (ExperimentFileException e) {
            System.err.println(e.getMessage());
            return 2;
        }
        if (experiment.target() instanceof org.prospect.engine.task.TargetSpec.Dataset) {
            System.err.println(file + ": target: the adjoint needs a teacher or a target signal, not a data set");
            return 2;
        }
        if (steps <= 0) {
            System.err.println("--steps: expected a positive number of steps, got " + steps);
            return 2;
        }
        AdjointRun run = AdjointRun.compute(experiment, steps);
        NetworkSpec spec = run.spec();
        ExactAdjoint adjoint = run.adjoint();
        Trajectory tr = run.trajectory();
        if (csv != null) {
            AtomicFiles.write(csv, out -> {
                StringBuilder line = new StringBuilder("step");
                for (int k = 0; k < spec.outputs(); k++) line.append(",target").append(k);
                for (int k = 0; k < spec.outputs(); k++) line.append(",out").append(k);
                for (int l = 0; l < spec.layerCount(); l++) {
                    for (int j = 0; j < spec.layer(l).size(); j++) line.append(",L").append(l).append("_n").append(j).append("_lambda");
                }
                out.write(line.append('\n').toString());
                for (int t = 0; t < run.steps(); t++) {
                    line.setLength(0);
                    line.append(t);
                    for (int k = 0; k < spec.outputs(); k++) line.append(',').append(tr.target(t)[k]);
                    for (int k = 0; k < spec.outputs(); k++) line.append(',').append(tr.output(t)[k]);
                    for (int l = 0; l < spec.layerCount(); l++) {
                        for (int j = 0; j < spec.layer(l).size(); j++) line.append(',').append(adjoint.lambda(t, l)[j]);
                    }
                    out.write(line.append('\n').toString());
                }
            });
        }
        if (json != null) {
            Map<String, Object> result = new LinkedHashMap<>();
            result.put("T_steps", run.steps());
            result.put("dt", experiment.dynamics().dt());
            result.put("loss", adjoint.loss());
            Map<String, Object> dw = new LinkedHashMap<>();
            Map<String, Object> db = new LinkedHashMap<>();
            for (int l = 0; l < spec.layerCount(); l++) {
                dw.put("W" + l, Json.rows(adjoint.weightGradient(l), spec.layer(l).size(), spec.fanIn(l)));
                db.put("b" + l, adjoint.biasGradient(l).clone());
            }
            result.put("dL_dW", dw);
            result.put("dL_db", db);
            AtomicFiles.write(json, out -> new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(out, result));
        }
        System.err.printf("%s: adjoint over %d steps, loss %.10g%n", experiment.name(), run.steps(), adjoint.loss());
        return 0;
    }
}
