package org.transferworkbench.cli;

import java.io.IOException;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.transferworkbench.engine.study.RepeatState;
import org.transferworkbench.engine.study.StudyFolder;
import org.transferworkbench.engine.study.StudyQueue;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;

/** {@code study list}: every study with its progress. */
@Command(name = "list", mixinStandardHelpOptions = true, description = "List studies and how far each got.")
public final class StudyListCommand implements Callable<Integer> {

    @ParentCommand
    StudyCommand study;

    @Override
    public Integer call() throws IOException {
        var all = study.studies().list();
        if (all.isEmpty()) {
            System.out.println("No studies in " + study.studies().root() + " yet.");
            return 0;
        }
        for (StudyFolder folder : all) {
            try {
                StudyQueue q = folder.readQueue();
                System.out.printf(Locale.ROOT, "%-48s %3d/%-3d finished%s%s%n", folder.id(),
                        q.count(RepeatState.SUCCEEDED), q.repeats().size(),
                        q.count(RepeatState.FAILED) > 0 ? ", " + q.count(RepeatState.FAILED) + " failed" : "",
                        folder.isRunning() ? ", running" : "");
            } catch (IOException e) {
                System.out.printf(Locale.ROOT, "%-48s unreadable: %s%n", folder.id(), e.getMessage());
            }
        }
        return 0;
    }
}
