package org.transferworkbench.cli;

import java.nio.file.Path;

/** Where the Workbench finds its own files: the folder run.sh lives in, passed as -Dtw.home. */
final class Defaults {

    private Defaults() {
    }

    static Path home() {
        String home = System.getProperty("tw.home");
        return Path.of(home != null && !home.isBlank() ? home : ".").toAbsolutePath().normalize();
    }

    static Path demoDataset() {
        return home().resolve("datasets").resolve("demo-cells");
    }
}
