package org.transferworkbench.engine.io;

import java.nio.file.Path;

/** Where the Workbench finds its own files (the demo dataset, runs/): the folder run.sh lives in, -Dtw.home. */
public final class WorkbenchHome {

    private WorkbenchHome() {
    }

    /** -Dtw.home, else the current folder; absolute and normalised. */
    public static Path resolve() {
        String home = System.getProperty("tw.home");
        return Path.of(home != null && !home.isBlank() ? home : ".").toAbsolutePath().normalize();
    }
}
