package org.transferworkbench.bench;

import java.util.Locale;

/** What one benchmark case times. */
public enum BenchCase {
    /** {@code outputSingle}, no gradients. */
    INFER("infer"),
    /** One {@code fit} on one batch with every layer trained. */
    FULL("full"),
    /** One {@code fit} with the convolutions frozen, the frozen blocks run forward on every step. */
    FROZEN("frozen"),
    /** Features of the frozen blocks computed once by a prefix graph, then head-only steps on them. */
    CACHED("cached");

    private final String cliName;

    BenchCase(String cliName) {
        this.cliName = cliName;
    }

    public String cliName() {
        return cliName;
    }

    public static BenchCase parse(String s) {
        String n = s.trim().toLowerCase(Locale.ROOT);
        for (BenchCase c : values()) {
            if (c.cliName.equals(n)) {
                return c;
            }
        }
        throw new IllegalArgumentException("Unknown case '" + s + "'; choose infer, full, frozen or cached.");
    }
}
