package org.prospect.engine.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The headless command line: {@code prospect run|adjoint|…}. Never touches JavaFX. */
@Command(name = "prospect", mixinStandardHelpOptions = true, version = "Prospect 0.1",
        description = "Watch neurons assign credit through space and time. Headless commands:",
        footer = {"", "Also in the jar:",
                "  record   Animation (MP4, GIF, PNGs) of a view; offscreen.",
                "  figure   The dashboard or a chart as PNG or SVG; offscreen.",
                "  bench --gui  The window's frames/s at full speed (display).",
                "With no arguments the jar opens the window on samples/lagline.json."},
        subcommands = {RunCommand.class, AdjointCommand.class, BenchCommand.class, SweepCommand.class, ResumeCommand.class, CommandLine.HelpCommand.class})
public final class Cli {
    /** Runs the command line and returns the process exit code (0 ok, 2 bad input). */
    public static int execute(String... args) {
        CommandLine cl = new CommandLine(new Cli());
        // Anything that escapes a command (an unwritable output file, say) is one line on stderr, not a trace.
        cl.setExecutionExceptionHandler((e, line, parsed) -> {
            System.err.println("prospect " + line.getCommandName() + ": " + e.getMessage());
            return 2;
        });
        return cl.execute(args);
    }

    public static void main(String[] args) {
        System.exit(execute(args));
    }
}
