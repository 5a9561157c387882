package org.prospect.engine.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.Writer;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.prospect.engine.experiment.Comparison;
import org.prospect.engine.experiment.ExperimentFile;
import org.prospect.engine.experiment.ExperimentFileException;
import org.prospect.engine.experiment.ExperimentText;
import org.prospect.engine.experiment.GleExperiment;
import org.prospect.engine.experiment.GleSimulation;
import org.prospect.engine.experiment.RnnExperiment;
import org.prospect.engine.experiment.SessionFile;
import org.prospect.engine.experiment.StateColumns;
import org.prospect.engine.export.TraceTable;
import org.prospect.engine.gle.GleNetwork;
import org.prospect.engine.trace.AtomicFiles;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "run", description = "Run an experiment headless; write its trace as CSV and final parameters as JSON.")
final class RunCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "FILE", description = "experiment file (JSON)")
    Path file;

    @ArgGroup(exclusive = true)
    Length length;

    static final class Length {
        @Option(names = "--steps", paramLabel = "N", description = "number of steps (default: the file's duration)")
        Long steps;

        @Option(names = "--duration", paramLabel = "T", description = "simulated time units")
        Double duration;

        @Option(names = "--epochs", paramLabel = "K", description = "passes over the training set (data-set experiments)")
        Integer epochs;

        @Option(names = "--iterations", paramLabel = "K", description = "training iterations (rnn experiments; default: the file's)")
        Integer iterations;
    }

    @Option(names = "--metrics", paramLabel = "OUT.csv",
            description = "data-set experiments: one row per epoch (loss, accuracy, test accuracy, rate, seconds); "
                    + "rnn experiments: one row per iteration and rule (loss, accuracy, alignment with BPTT, validation)")
    Path metrics;

    @Option(names = "--csv", paramLabel = "OUT.csv",
            description = "one row per step, batch sample 0, in the reference traces' column layout")
    Path csv;

    @Option(names = "--npz", paramLabel = "OUT.npz",
            description = "the same trace for numpy.load: one array per quantity ([steps, neurons]) and the time axis t")
    Path npz;

    @Option(names = "--save-session", paramLabel = "OUT.session",
            description = "save the whole run at its end (state, weights, optimizer, time) to continue it with `resume`")
    Path saveSession;

    @Option(names = "--final", paramLabel = "OUT.json", description = "W{l}, b{l}, tau_m{l} after the last step")
    Path finalJson;

    @Override
    public Integer call() throws IOException {
        List<ExperimentFile.Learner> learners;
        ExperimentText source;
        try {
            // Read once: a session saved at the end holds the text this run was made from.
            source = ExperimentText.read(file);
            if (ExperimentFile.loadAny(source) instanceof RnnExperiment rnn) {
                return RnnRun.run(rnn, file, length == null ? null : length.iterations,
                        length != null && (length.steps != null || length.duration != null || length.epochs != null),
                        metrics, csv, npz, finalJson);
            }
            if (length != null && length.iterations != null) {
                System.err.println("--iterations: " + file + " is not an rnn experiment (use --steps, --duration or --epochs)");
                return 2;
            }
            learners = ExperimentFile.loadLearners(source);
        } catch (ExperimentFileException e) {
            System.err.println(e.getMessage());
            return 2;
        }
        if (learners.size() > 1) return runComparison(learners, source);
        GleExperiment experiment = learners.get(0).experiment();
        long steps = experiment.steps();
        if (length != null && length.steps != null) steps = length.steps;
        if (length != null && length.duration != null) steps = Math.round(length.duration / experiment.dynamics().dt());
        if (length != null && length.epochs != null) {
            if (!(experiment.target() instanceof org.prospect.engine.task.TargetSpec.Dataset)) {
                System.err.println("--epochs: " + file + " has no data set (use --steps or --duration)");
                return 2;
            }
            GleSimulation probe = new GleSimulation(experiment);
            steps = (long) length.epochs * probe.classification().stepsPerEpoch();
        }
        if (steps <= 0) {
            System.err.println("--steps/--duration: expected a positive length, got " + steps + " steps");
            return 2;
        }
        GleSimulation sim = new GleSimulation(experiment);
        long started = System.nanoTime();
        TraceTable table = npz == null ? null : new TraceTable(new StateColumns(sim, 0).names());
        if (csv != null) {
            long n = steps;
            AtomicFiles.write(csv, out -> writeTrace(sim, n, out, table));
        } else if (table != null) {
            StateColumns columns = new StateColumns(sim, 0);
            double[] row = new double[columns.size()];
            for (long i = 0; i < steps; i++) {
                sim.step();
                columns.fill(sim, row);
                table.add(row);
            }
        } else if (sim.classification() != null) {
            int reported = 0;
            for (long i = 0; i < steps; i++) {
                sim.step();
                var history = sim.classification().history();
                if (history.size() > reported) {
                    var e = history.get(reported++);
                    System.err.printf("epoch %d: train loss %.4f acc %.3f | test loss %.4f acc %.3f | rate %.3g | %.1f s%n",
                            e.epoch(), e.trainLoss(), e.trainAccuracy(), e.testLoss(), e.testAccuracy(), e.rate(), e.seconds());
                }
            }
        } else {
            for (long i = 0; i < steps; i++) sim.step();
        }
        if (table != null) table.toNpz().write(npz);
        double seconds = (System.nanoTime() - started) / 1e9;
        String diverged = sim.findNonFinite();
        if (finalJson != null) {
            AtomicFiles.write(finalJson, out -> writeFinal(sim, out));
        }
        if (saveSession != null) SessionFile.save(saveSession, source, sim);
        if (metrics != null && sim.classification() != null) {
            AtomicFiles.write(metrics, out -> {
                out.write("epoch,train_loss,train_accuracy,test_loss,test_accuracy,rate,seconds\n");
                for (var e : sim.classification().history()) {
                    out.write(e.epoch() + "," + e.trainLoss() + "," + e.trainAccuracy() + "," + e.testLoss() + ","
                            + e.testAccuracy() + "," + e.rate() + "," + e.seconds() + "\n");
                }
            });
        }
        System.err.printf("%s: %d steps (t = %.6g) in %.3f s, %.0f steps/s, loss %.6g%n", experiment.name(), steps,
                sim.time(), seconds, steps / seconds, sim.loss());
        if (diverged != null) {
            System.err.println("warning: the run diverged: non-finite values in " + diverged);
        }
        return 0;
    }

    /** A comparison file: every learner in lockstep, a summary line each, finals keyed by label. */
    private int runComparison(List<ExperimentFile.Learner> learners, ExperimentText source) throws IOException {
        if (csv != null || npz != null) {
            System.err.println("--csv/--npz: a comparison file has " + learners.size()
                    + " learners; traces are written for single experiments only (run one learner's file, or use the app)");
            return 2;
        }
        Comparison comparison = new Comparison(learners);
        GleExperiment first = learners.get(0).experiment();
        long steps = first.steps();
        if (length != null && length.steps != null) steps = length.steps;
        if (length != null && length.duration != null) steps = Math.round(length.duration / first.dynamics().dt());
        long started = System.nanoTime();
        for (long i = 0; i < steps; i++) comparison.step();
        double seconds = (System.nanoTime() - started) / 1e9;
        Map<String, Object> finals = new LinkedHashMap<>();
        for (int i = 0; i < comparison.size(); i++) {
            GleSimulation sim = comparison.simulation(i);
            String diverged = sim.findNonFinite();
            System.err.printf("%-24s t = %.6g  loss %.6g%s%n", comparison.label(i), sim.time(), sim.loss(),
                    diverged == null ? "" : "  DIVERGED: non-finite " + diverged);
            finals.put(comparison.label(i), finalParameters(sim));
        }
        System.err.printf("%d learners × %d steps in %.3f s%n", comparison.size(), steps, seconds);
        if (finalJson != null) {
            AtomicFiles.write(finalJson, out -> new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(out, finals));
        }
        if (saveSession != null) {
            List<GleSimulation> all = new java.util.ArrayList<>();
            for (int i = 0; i < comparison.size(); i++) all.add(comparison.simulation(i));
            SessionFile.save(saveSession, source, all);
        }
        return 0;
    }

    private static void writeTrace(GleSimulation sim, long steps, Writer out, TraceTable table) throws IOException {
        StateColumns columns = new StateColumns(sim, 0);
        out.write(String.join(",", columns.names()));
        out.write('\n');
        double[] row = new double[columns.size()];
        StringBuilder line = new StringBuilder(row.length * 24);
        for (long i = 0; i < steps; i++) {
            sim.step();
            columns.fill(sim, row);
            if (table != null) table.add(row);
            line.setLength(0);
            line.append((long) row[0]);
            for (int c = 1; c < row.length; c++) line.append(',').append(row[c]);
            line.append('\n');
            out.append(line);
        }
    }

    /** The layout of the reference's {@code student_final}: W as [out][in] rows, b where biased, τ_m where learned. */
    static void writeFinal(GleSimulation sim, Writer out) throws IOException {
        new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(out, finalParameters(sim));
    }

    static Map<String, Object> finalParameters(GleSimulation sim) {
        GleNetwork net = sim.student();
        Map<String, Object> fin = new LinkedHashMap<>();
        for (int l = 0; l < net.spec().layerCount(); l++) {
            fin.put("W" + l, Json.rows(net.weights(l), net.spec().layer(l).size(), net.spec().fanIn(l)));
            if (net.hasBias(l)) fin.put("b" + l, net.biases(l).clone());
        }
        if (sim.experiment().learning().learnTauM()) {
            for (int l = 0; l < net.spec().layerCount(); l++) fin.put("tau_m" + l, net.tauM(l).clone());
        }
        return fin;
    }
}
