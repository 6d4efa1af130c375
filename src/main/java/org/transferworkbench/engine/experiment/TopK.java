package org.transferworkbench.engine.experiment;

import java.util.List;

/** The k most probable classes for one image, most probable first. */
public record TopK(String image, List<Guess> guesses) {

    public record Guess(String className, double probability) { }

    public Guess best() {
        return guesses.get(0);
    }
}
