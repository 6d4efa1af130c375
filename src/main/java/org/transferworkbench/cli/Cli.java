package org.transferworkbench.cli;

import java.io.PrintWriter;
import org.transferworkbench.engine.experiment.Errors;
import picocli.CommandLine;

/** Runs the command line with errors reported as one sentence and a non-zero exit code, not a stack trace. */
public final class Cli {
    public static final int EXIT_FAILED = 1;
    public static final int EXIT_CANCELLED = 130;

    private Cli() {
    }

    public static CommandLine commandLine() {
        CommandLine cl = new CommandLine(new WorkbenchCommand());
        cl.setExecutionExceptionHandler((ex, line, parseResult) -> {
            PrintWriter err = line.getErr();
            err.println("Error: " + Errors.sentence(ex));
            err.flush();
            org.slf4j.LoggerFactory.getLogger(Cli.class).debug("command failed", ex);
            return EXIT_FAILED;
        });
        return cl;
    }

    /** 0 for a finished run, 130 for a cancelled one, 1 otherwise. */
    static int exitCode(org.transferworkbench.engine.runs.RunState state) {
        return switch (state) {
            case SUCCEEDED -> 0;
            case CANCELLED -> EXIT_CANCELLED;
            default -> EXIT_FAILED;
        };
    }

    public static int run(String... args) {
        try {
            return commandLine().execute(args);
        } finally {
            ShutdownCancel.commandEnded();
        }
    }
}
