package org.transferworkbench.engine.experiment;

import java.io.IOException;
import java.nio.file.Files;
import java.util.Optional;
import org.transferworkbench.engine.io.Json;
import org.transferworkbench.engine.model.weights.WeightsChoice;
import org.transferworkbench.engine.model.weights.WeightsSource;
import org.transferworkbench.engine.runs.RunDirectory;

/**
 * The user's weights choice, kept in the run folder (starting-weights.json) in the words they gave it, so that a run
 * interrupted before its first checkpoint restarts from the same weights rather than from random ones.
 * (weights.json records what a load did; this records what to load.)
 */
record StartingWeights(int formatVersion, String source, boolean keepImagenetHead, String baseUrl) {
    static final String FILE = "starting-weights.json";
    static final int FORMAT_VERSION = 1;

    /**
     * Files are recorded by absolute path: a resume may start from another working directory.
     *
     * @param choice the choice as resolved for the run (a warm start names its VGG11 model)
     */
    static StartingWeights of(WeightsChoice choice) {
        WeightsSource source = choice.source();
        if (source instanceof WeightsSource.KerasH5 k) {
            source = new WeightsSource.KerasH5(k.file().toAbsolutePath());
        } else if (source instanceof WeightsSource.ModelZip m) {
            source = new WeightsSource.ModelZip(m.file().toAbsolutePath());
        } else if (source instanceof WeightsSource.WarmStart w && w.modelZip() != null) {
            // the VGG11 it resolved to, by file: "warmstart:vgg11" would train another one
            source = WeightsSource.parse("warmstart:" + w.modelZip().toAbsolutePath());
        }
        return new StartingWeights(FORMAT_VERSION, source.cliText(), choice.keepImagenetHead(), choice.baseUrl());
    }

    WeightsChoice toChoice() {
        return new WeightsChoice(WeightsSource.parse(source), keepImagenetHead, baseUrl);
    }

    void write(RunDirectory run) throws IOException {
        Json.writeAtomically(run.file(FILE), this);
    }

    /** Empty for runs made before this file existed. */
    static Optional<StartingWeights> read(RunDirectory run) throws IOException {
        if (!Files.isRegularFile(run.file(FILE))) {
            return Optional.empty();
        }
        return Optional.of(Json.read(run.file(FILE), StartingWeights.class));
    }
}
