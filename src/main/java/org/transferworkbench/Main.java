package org.transferworkbench;

import org.transferworkbench.cli.Cli;
import org.transferworkbench.ui.WorkbenchApp;

/**
 * Composition root. With arguments it runs the command line; without, it opens the window.
 */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) {
        if (args.length == 0) {
            WorkbenchApp.launchWindow(args);
            return;
        }
        System.exit(Cli.run(args));
    }
}
