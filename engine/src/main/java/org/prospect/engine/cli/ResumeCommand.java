package org.prospect.engine.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.prospect.engine.experiment.ExperimentFileException;
import org.prospect.engine.experiment.GleSimulation;
import org.prospect.engine.experiment.SessionFile;
import org.prospect.engine.trace.AtomicFiles;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "resume", description = "Continue a saved session bit-identically, then save it again or write the final parameters.")
final class ResumeCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "SESSION", description = "a session saved by `run --save-session` or the app")
    Path session;

    @ArgGroup(exclusive = true, multiplicity = "1")
    Length length;

    static final class Length {
        @Option(names = "--steps", paramLabel = "N", description = "further steps")
        Long steps;

        @Option(names = "--duration", paramLabel = "T", description = "further simulated time units")
        Double duration;
    }

    @Option(names = "--save-session", paramLabel = "OUT.session", description = "save the run again at its end")
    Path saveSession;

    @Option(names = "--final", paramLabel = "OUT.json", description = "W{l}, b{l}, tau_m{l} after the last step")
    Path finalJson;

    @Override
    public Integer call() throws IOException {
        SessionFile.Session s;
        try {
            s = SessionFile.load(session);
        } catch (ExperimentFileException e) {
            System.err.println(e.getMessage());
            return 2;
        }
        GleSimulation sim = s.simulation();
        // Every learner of a comparison file goes on in lockstep, as in the app.
        java.util.List<GleSimulation> all = s.simulations();
        long steps = length.steps != null ? length.steps : Math.round(length.duration / sim.student().dynamics().dt());
        if (steps <= 0) {
            System.err.println("--steps/--duration: expected a positive length, got " + steps + " steps");
            return 2;
        }
        for (long i = 0; i < steps; i++) {
            for (GleSimulation learner : all) learner.step();
        }
        if (finalJson != null) AtomicFiles.write(finalJson, out -> RunCommand.writeFinal(sim, out));
        if (saveSession != null) SessionFile.save(saveSession, s.source(), all);
        System.err.printf("%s: resumed to t = %.6g (step %d), loss %.6g%n", sim.experiment().name(), sim.time(),
                sim.stepCount(), sim.loss());
        return 0;
    }
}
