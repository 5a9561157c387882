package org.prospect.app.views;

import io.fair_acc.chartfx.XYChart;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.prospect.engine.experiment.ExperimentFile;
import org.prospect.engine.experiment.ExperimentFileException;
import org.prospect.engine.experiment.SessionFile;
import org.prospect.engine.experiment.Settings;
import org.prospect.engine.run.Command;
import org.prospect.engine.run.SimulationRunner;

/**
 * What File ▸ Export traces… and File ▸ Save session… write. Every file is written under a temporary name
 * and renamed when complete, so the user's name never holds a half-written file.
 */
public final class RunFiles {
    private RunFiles() {}

    /** The experiment file written beside an export: {@code trace.csv} → {@code trace.experiment.json}. */
    public static Path experimentBeside(Path export) {
        String name = export.getFileName().toString();
        int dot = name.lastIndexOf('.');
        String stem = dot > 0 ? name.substring(0, dot) : name;
        return export.resolveSibling(stem + ".experiment.json");
    }

    /**
     * Writes what the charts hold now to {@code out} (CSV or NPZ by its extension) and, when the run came
     * from a file, that file with the edits in force beside it. Returns the files written.
     */
    public static List<Path> exportVisible(Map<String, XYChart> charts, Path out, Path source, Settings edits)
            throws IOException, ExperimentFileException {
        TraceExport.Table table = TraceExport.collect(charts);
        List<Path> written = new ArrayList<>();
        // The experiment first: if its edits do not validate, nothing is written.
        if (source != null) {
            Path experiment = experimentBeside(out);
            ExperimentFile.write(source, edits, experiment);
            written.add(experiment);
        }
        TraceExport.write(table, out);
        written.add(0, out);
        return written;
    }

    /**
     * Saves the run's (primary) simulation as a session on the simulation thread, between two steps, so the
     * state is consistent; the future completes when the file is in place (or with the error).
     */
    public static CompletableFuture<Path> saveSession(SimulationRunner runner, Path source, Path out) {
        CompletableFuture<Path> done = new CompletableFuture<>();
        if (source == null) {
            done.completeExceptionally(new IOException("the experiment was not opened from a file"));
            return done;
        }
        runner.submit(new Command.Apply(sim -> {
            try {
                SessionFile.save(out, source, sim);
                done.complete(out);
            } catch (IOException | RuntimeException e) {
                done.completeExceptionally(e);
            }
        }));
        return done;
    }
}
