package org.prospect.app;

import javafx.application.Application;
import org.prospect.app.record.RecordCli;
import org.prospect.engine.cli.Cli;

/**
 * The jar's main class. It must not extend {@link Application}: the launcher would then demand the
 * JavaFX runtime as modules ("JavaFX runtime components are missing"). With arguments it is the
 * headless CLI and never touches JavaFX; without, it opens the window.
 */
public final class Launcher {
    private Launcher() {}

    public static void main(String[] args) {
        if (args.length > 0 && args[0].equals("bench") && java.util.Arrays.asList(args).contains("--gui")) {
            System.exit(GuiBench.main(args));
        }
        if (args.length > 0) {
            // record and figure render offscreen with JavaFX (Monocle headless); the rest never touch it.
            System.exit(RecordCli.COMMANDS.contains(args[0]) ? RecordCli.execute(args) : Cli.execute(args));
        }
        Application.launch(ProspectApp.class, args);
    }
}
