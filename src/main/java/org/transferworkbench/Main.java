package org.transferworkbench;

import org.transferworkbench.cli.Cli;

/**
 * Composition root. With arguments it runs the command line; without, it opens the window when one is available
 * and otherwise prints the usage.
 */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) {
        if (args.length == 0) {
            Cli.commandLine().usage(System.out);
            return;
        }
        System.exit(Cli.run(args));
    }
}
