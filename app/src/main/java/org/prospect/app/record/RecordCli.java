package org.prospect.app.record;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The commands that render offscreen ({@code record}, {@code figure}): they live in the app because they
 * need JavaFX, which the engine's CLI never touches. Same conventions: 0 on success, 2 with a one-line
 * reason on bad input.
 */
@Command(name = "prospect", mixinStandardHelpOptions = true, version = "Prospect 0.1",
        subcommands = {RecordCommand.class, FigureCommand.class})
public final class RecordCli {
    public static final java.util.Set<String> COMMANDS = java.util.Set.of("record", "figure");

    private RecordCli() {}

    public static int execute(String... args) {
        CommandLine cl = new CommandLine(new RecordCli());
        cl.setExecutionExceptionHandler((e, line, parsed) -> {
            System.err.println("prospect " + line.getCommandName() + ": " + (e.getMessage() == null ? e.toString() : e.getMessage()));
            return 2;
        });
        return cl.execute(args);
    }
}
