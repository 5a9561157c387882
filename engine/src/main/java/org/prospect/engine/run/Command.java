package org.prospect.engine.run;

import java.util.Objects;
import java.util.concurrent.CountDownLatch;
import java.util.function.Consumer;
import org.prospect.engine.experiment.GleSimulation;

/**
 * What a user (or a test, or a script) asks of a {@link SimulationRunner}. Commands are queued and
 * applied between steps in submission order, so the same command sequence gives the same trace.
 */
public sealed interface Command {
    /** Run continuously at the current speed. */
    record Play() implements Command {}

    /** Stop stepping; the simulation keeps its state. */
    record Pause() implements Command {}

    /** Pause, then advance exactly {@code steps} steps (fewer if the run halts). */
    record Step(long steps) implements Command {
        public Step {
            if (steps <= 0) throw new IllegalArgumentException("steps must be positive");
        }
    }

    /** Rebuild the simulation from its experiment: back to t = 0 with the initial weights. */
    record Reset() implements Command {}

    /**
     * Pace the run at {@code timeUnitsPerSecond} simulated time units per wall-clock second, or as fast
     * as possible when it is {@link Double#POSITIVE_INFINITY}.
     */
    record SetSpeed(double timeUnitsPerSecond) implements Command {
        public SetSpeed {
            if (!(timeUnitsPerSecond > 0)) throw new IllegalArgumentException("speed must be positive");
        }
    }

    /** Plasticity on or off from the next step on. */
    record SetLearning(boolean on) implements Command {}

    /**
     * Runs on the (primary) simulation, on its thread between two steps: a read, or an edit of that learner only.
     * Not journaled: an edit the whole-run export must replay goes through {@link Edit}.
     */
    record Apply(Consumer<GleSimulation> edit) implements Command {
        public Apply {
            Objects.requireNonNull(edit, "edit");
        }
    }

    /**
     * A parameter edit of the experiment file's field {@code path} (e.g. {@code dynamics.gamma}), run on the
     * simulation thread between two steps on every learner of the run, except learners of a comparison file
     * whose own settings set that field (or a field containing it, or inside it): a learner's own settings win.
     */
    record Edit(String path, Consumer<GleSimulation> edit) implements Command {
        public Edit {
            Objects.requireNonNull(path, "path");
            Objects.requireNonNull(edit, "edit");
        }
    }

    /**
     * Runs on the simulation thread between two steps with every learner, the primary first: a read of all of
     * them, e.g. to save a session. Not journaled (see {@link EditJournal}): it must not change the run.
     */
    record Inspect(Consumer<java.util.List<GleSimulation>> read) implements Command {
        public Inspect {
            Objects.requireNonNull(read, "read");
        }
    }

    /** Lets a waiting thread know that every command submitted before it has been applied. */
    record Barrier(CountDownLatch reached) implements Command {}

    /** The speed meaning "as fast as possible". */
    double AS_FAST_AS_POSSIBLE = Double.POSITIVE_INFINITY;
}
