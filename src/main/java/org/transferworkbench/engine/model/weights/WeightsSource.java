package org.transferworkbench.engine.model.weights;

import java.nio.file.Path;
import java.util.Locale;

/**
 * Where a network's starting weights come from, as the user names it on the command line:
 * {@code random}, {@code imagenet} (DL4J's zoo file for the chosen VGG16/VGG19, downloaded on request and cached),
 * {@code keras:FILE.h5} (a keras-applications weights file) or {@code model:FILE.zip} (a DL4J model zip, e.g. a
 * run's best-model.zip).
 */
public sealed interface WeightsSource {

    record Random() implements WeightsSource {
        @Override
        public String cliText() {
            return "random";
        }
    }

    /** The variant is the network's own: DL4J publishes one file per variant. */
    record ImageNetZoo() implements WeightsSource {
        @Override
        public String cliText() {
            return "imagenet";
        }
    }

    record KerasH5(Path file) implements WeightsSource {
        @Override
        public String cliText() {
            return "keras:" + file;
        }
    }

    record ModelZip(Path file) implements WeightsSource {
        @Override
        public String cliText() {
            return "model:" + file;
        }
    }

    String cliText();

    static WeightsSource parse(String text) {
        String t = text == null ? "" : text.trim();
        String lower = t.toLowerCase(Locale.ROOT);
        if (lower.isEmpty() || lower.equals("random")) {
            return new Random();
        }
        if (lower.equals("imagenet")) {
            return new ImageNetZoo();
        }
        if (lower.startsWith("keras:") && t.length() > 6) {
            return new KerasH5(Path.of(t.substring(6)));
        }
        if (lower.startsWith("model:") && t.length() > 6) {
            return new ModelZip(Path.of(t.substring(6)));
        }
        if (lower.endsWith(".h5")) {
            return new KerasH5(Path.of(t));
        }
        throw new IllegalArgumentException("--weights must be random, imagenet, keras:FILE.h5 or model:FILE.zip; got '"
                + text + "'.");
    }
}
