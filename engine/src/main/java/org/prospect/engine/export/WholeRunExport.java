package org.prospect.engine.export;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.CancellationException;
import org.prospect.engine.experiment.GleSimulation;
import org.prospect.engine.experiment.StateColumns;
import org.prospect.engine.run.EditJournal;
import org.prospect.engine.trace.AtomicFiles;

/**
 * Exports a whole run, not just what a bounded trace still holds: the run is regenerated from its journal's
 * origin, with every edit applied at the step it was made, up to the step the journal was read at, and each
 * step's row is streamed to disk in the layout of {@code run --csv} / {@code run --npz} (batch sample 0; see
 * {@link StateColumns}). Regenerating is exact because a run is deterministic given its experiment, origin and
 * command sequence. Memory does not grow with the run's length. Call off any UI thread.
 */
public final class WholeRunExport {
    /** Rows between two progress reports (and cancellation checks). */
    static final int REPORT_EVERY = 256;

    /** Told how far the export is; asked whether to give up. */
    public interface Progress {
        void at(long done, long total);

        boolean cancelled();
    }

    private WholeRunExport() {}

    /**
     * Writes the run {@code journal} describes to {@code out}: CSV when its name ends in {@code .csv}, else NPZ.
     * Written under a temporary name and renamed when complete.
     *
     * @throws CancellationException when {@code progress} says so; nothing is then left under {@code out}
     */
    public static void write(EditJournal journal, Path out, Progress progress) throws IOException {
        if (out.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".csv")) {
            AtomicFiles.write(out, w -> {
                Rows rows = new Rows(journal);
                w.write(String.join(",", rows.columns.names()));
                w.write('\n');
                StringBuilder line = new StringBuilder(rows.row.length * 24);
                while (rows.next(progress)) {
                    line.setLength(0);
                    line.append((long) rows.row[0]);
                    for (int c = 1; c < rows.row.length; c++) line.append(',').append(rows.row[c]);
                    line.append('\n');
                    w.append(line);
                }
            });
        } else {
            Rows rows = new Rows(journal);
            try (NpzStream npz = new NpzStream(out, rows.columns.names())) {
                while (rows.next(progress)) npz.add(rows.row);
                npz.finish();
            }
        }
    }

    /** The regenerated run, one row per step. */
    private static final class Rows {
        final EditJournal journal;
        final GleSimulation sim;
        final StateColumns columns;
        final double[] row;
        final long total;
        int nextEntry;

        Rows(EditJournal journal) {
            this.journal = journal;
            sim = journal.start();
            columns = new StateColumns(sim, 0);
            row = new double[columns.size()];
            total = journal.steps() - journal.firstStep();
        }

        /** Takes the next step (after the edits due before it) and fills the row; false when the run is done. */
        boolean next(Progress progress) {
            long done = sim.stepCount() - journal.firstStep();
            if (done % REPORT_EVERY == 0) {
                if (progress.cancelled()) throw new CancellationException("the export was cancelled");
                progress.at(done, total);
            }
            if (sim.stepCount() >= journal.steps()) {
                progress.at(total, total);
                return false;
            }
            nextEntry = journal.applyDue(sim, nextEntry);
            sim.step();
            columns.fill(sim, row);
            return true;
        }
    }
}
