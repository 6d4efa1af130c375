package org.transferworkbench.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.transferworkbench.engine.demo.DemoDatasetGenerator;
import org.transferworkbench.engine.io.WorkbenchHome;
import org.transferworkbench.engine.jobs.CancellationToken;

/** Where the Workbench finds its own files: the folder run.sh lives in, passed as -Dtw.home. */
final class Defaults {

    private Defaults() {
    }

    static Path home() {
        return WorkbenchHome.resolve();
    }

    /** The embedded demo dataset, generated first if it is missing (a fresh checkout has it committed). */
    static Path demoDataset() {
        Path dir = DemoDatasetGenerator.defaultLocation(home());
        if (!Files.isDirectory(dir)) {
            try {
                new DemoDatasetGenerator().generate(dir, DemoDatasetGenerator.Settings.defaults(),
                        (done, total, msg) -> { }, CancellationToken.none());
            } catch (IOException e) {
                throw new UncheckedIOException("Could not generate the demo dataset in " + dir + ": "
                        + e.getMessage(), e);
            }
        }
        return dir;
    }
}
