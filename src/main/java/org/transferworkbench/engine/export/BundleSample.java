package org.transferworkbench.engine.export;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.transferworkbench.engine.data.ImageDecoder;
import org.transferworkbench.engine.data.Split;
import org.transferworkbench.engine.data.SplitEntry;
import org.transferworkbench.engine.data.SplitManifest;
import org.transferworkbench.engine.runs.RunConfig;
import org.transferworkbench.engine.runs.RunDirectory;

/** Picks the image a bundle ships as its worked example: the first readable one of the run's test split. */
final class BundleSample {

    /** @param file the image on disk, in the run's dataset */
    record Choice(Path file, String trueClass, Split split) { }

    private BundleSample() {
    }

    static Choice choose(RunDirectory run, RunConfig config) throws IOException {
        SplitManifest manifest = SplitManifest.read(run.file(RunDirectory.SPLIT));
        Path root = Path.of(config.datasetRoot());
        // A run trained with no test split (--split 0.8,0.2,0) still deserves a sample: validation, then train.
        List<SplitEntry> candidates = new ArrayList<>(manifest.entries(Split.TEST));
        candidates.addAll(manifest.entries(Split.VALIDATION));
        candidates.addAll(manifest.entries(Split.TRAIN));
        for (SplitEntry e : candidates) {
            Path file = root.resolve(e.relativePath());
            if (Files.isRegularFile(file) && readable(file)) {
                return new Choice(file, e.className(), e.split());
            }
        }
        throw new IOException("None of the run's " + candidates.size() + " images can be read from " + root
                + " (moved or deleted?); the bundle needs one as its sample.");
    }

    private static boolean readable(Path file) {
        try {
            ImageDecoder.readRgb(file);
            return true;
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }
}
