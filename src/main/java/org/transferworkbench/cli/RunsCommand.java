package org.transferworkbench.cli;

import java.io.IOException;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.transferworkbench.engine.runs.RunConfig;
import org.transferworkbench.engine.runs.RunDirectory;
import org.transferworkbench.engine.runs.RunStatus;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;

/** {@code runs}: the run store as a table. */
@Command(name = "runs", mixinStandardHelpOptions = true, description = "List stored runs with their key figures.")
public final class RunsCommand implements Callable<Integer> {

    @ParentCommand
    WorkbenchCommand parent;

    @Override
    public Integer call() throws IOException {
        var runs = parent.runStore().list();
        if (runs.isEmpty()) {
            System.out.println("No runs in " + parent.runStore().root() + " yet.");
            return 0;
        }
        String format = "%-44s %-11s %-7s %-12s %6s %8s %8s %10s%n";
        System.out.printf(Locale.ROOT, format, "run", "state", "model", "freeze", "epochs", "best val", "test acc",
                "duration");
        for (RunDirectory run : runs) {
            try {
                RunConfig c = run.readConfig();
                RunStatus s = run.readStatus();
                System.out.printf(Locale.ROOT, format, run.id(),
                        run.effectiveState().name().toLowerCase(Locale.ROOT), c.model(), c.freezePlan(),
                        s.epochsCompleted(), fmt(s.bestValidationAccuracy()),
                        s.testAccuracy() == null ? "-" : fmt(s.testAccuracy()),
                        Durations.format(s.duration().toSeconds()));
            } catch (IOException e) {
                System.out.printf(Locale.ROOT, "%-44s unreadable: %s%n", run.id(), e.getMessage());
            }
        }
        return 0;
    }

    private static String fmt(double v) {
        return Double.isNaN(v) ? "-" : String.format(Locale.ROOT, "%.4f", v);
    }
}
