package org.prospect.app.views;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.prospect.engine.experiment.ExperimentFile;
import org.prospect.engine.experiment.ExperimentFileException;
import org.prospect.engine.experiment.ExperimentText;
import org.prospect.engine.experiment.SessionFile;
import org.prospect.engine.experiment.Settings;
import org.prospect.engine.export.WholeRunExport;
import org.prospect.engine.run.EditJournal;
import org.prospect.engine.run.RnnRunner;
import org.prospect.engine.run.SimulationRunner;

/**
 * What File ▸ Export visible window…, Export whole run… and Save session… write. Every file is written under a temporary name
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
     * Writes these chart lines to {@code out} (CSV or NPZ by its extension) and, when the run came
     * from a file, that file with the edits in force beside it. Returns the files written.
     */
    public static List<Path> exportVisible(List<org.prospect.app.charts.ExportedLine> lines, Path out, ExperimentText source, Settings edits)
            throws IOException, ExperimentFileException {
        return exportTable(TraceExport.collect(lines), out, source, edits);
    }

    /** Writes {@code table} (CSV or NPZ by the extension) and the experiment with the edits in force beside it. */
    public static List<Path> exportTable(TraceExport.Table table, Path out, ExperimentText source, Settings edits)
            throws IOException, ExperimentFileException {
        List<Path> written = writeExperimentBeside(out, source, edits);
        TraceExport.write(table, out);
        written.add(0, out);
        return written;
    }

    /**
     * Writes the whole run {@code journal} describes to {@code out} (CSV or NPZ by its extension, the layout of
     * {@code run --csv/--npz}) by regenerating it, and the experiment with the edits in force beside it. Slow for a
     * long run: call on a background thread. Returns the files written.
     *
     * @throws java.util.concurrent.CancellationException when {@code progress} says so; the trace is then not
     *         written (the experiment file beside it may be)
     */
    public static List<Path> exportWholeRun(EditJournal journal, Path out, ExperimentText source, Settings edits,
                                            WholeRunExport.Progress progress) throws IOException, ExperimentFileException {
        List<Path> written = writeExperimentBeside(out, source, edits);
        WholeRunExport.write(journal, out, progress);
        written.add(0, out);
        return written;
    }

    private static List<Path> writeExperimentBeside(Path out, ExperimentText source, Settings edits)
            throws IOException, ExperimentFileException {
        List<Path> written = new ArrayList<>();
        // The experiment first: if its edits do not validate, nothing is written.
        if (source != null) {
            Path experiment = experimentBeside(out);
            ExperimentFile.write(source, edits, experiment);
            written.add(experiment);
        }
        return written;
    }

    /**
     * Saves every learner of the run as a session on the simulation thread, between two steps, so the state is
     * consistent; the future completes when the file is in place (or with the error).
     */
    public static CompletableFuture<Path> saveSession(SimulationRunner runner, ExperimentText source, Path out) {
        if (source == null) return CompletableFuture.failedFuture(new IOException("the experiment was not opened from a file"));
        return runner.inspect(all -> {
            try {
                SessionFile.save(out, source, all);
                return out;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    /** Saves an RNN run as a session: its state is taken between two iterations, then written off its thread. */
    public static CompletableFuture<Path> saveSession(RnnRunner runner, ExperimentText source, Path out) {
        if (source == null) return CompletableFuture.failedFuture(new IOException("the experiment was not opened from a file"));
        return runner.saveState().thenApplyAsync(state -> {
            try {
                SessionFile.save(out, source, state);
                return out;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }
}
