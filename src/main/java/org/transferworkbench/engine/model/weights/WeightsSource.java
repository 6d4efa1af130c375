package org.transferworkbench.engine.model.weights;

import java.nio.file.Path;
import java.util.Locale;

/**
 * Where a network's starting weights come from, as the user names it on the command line:
 * {@code random}, {@code imagenet} (DL4J's zoo file for the chosen VGG16/VGG19, downloaded on request and cached),
 * {@code keras:FILE.h5} (a keras-applications weights file) or {@code model:FILE.zip} (a DL4J model zip, e.g. a
 * run's best-model.zip) or {@code warmstart:...} (the paper's warm start from a trained VGG11, see {@link WarmStart}).
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

    /**
     * Simonyan &amp; Zisserman's warm start: a deeper VGG takes the first four convolutions and the head of a trained
     * VGG11 (see {@link WarmStartMapper}). {@code warmstart:vgg11} means "train that VGG11 first, on the same data"
     * (two runs, performed by the experiment package's WarmStartExperiment); {@code warmstart:RUN} uses an existing
     * VGG11 run (its id, a unique part of it, or its folder) and {@code warmstart:FILE.zip} a VGG11 model zip.
     *
     * @param reference  what the user wrote after {@code warmstart:}
     * @param modelZip   the VGG11 model file, once known: given directly, or the run's best-model.zip after the run
     *                   was looked up in the run store; null before that (and always for {@code vgg11})
     * @param sourceRun  the id of the VGG11 run the model belongs to, or null for a bare model file
     */
    record WarmStart(String reference, Path modelZip, String sourceRun) implements WeightsSource {
        /** The reference that asks for a VGG11 to be trained first. */
        public static final String TRAIN_VGG11_FIRST = "vgg11";

        public WarmStart {
            if (reference == null || reference.isBlank()) {
                throw new IllegalArgumentException("warmstart: needs vgg11 (train one first), a VGG11 run or a "
                        + "VGG11 model zip, e.g. warmstart:vgg11.");
            }
            reference = reference.trim();
        }

        static WarmStart of(String reference) {
            String r = reference.trim();
            boolean file = r.toLowerCase(Locale.ROOT).endsWith(".zip");
            return new WarmStart(r, file ? Path.of(r) : null, null);
        }

        /** True for {@code warmstart:vgg11}: the VGG11 does not exist yet and must be trained first. */
        public boolean trainsVgg11First() {
            return reference.equalsIgnoreCase(TRAIN_VGG11_FIRST);
        }

        /** The same reference, now known to mean this model file (of this run, or null). */
        public WarmStart resolvedTo(Path model, String run) {
            return new WarmStart(reference, model, run);
        }

        @Override
        public String cliText() {
            return "warmstart:" + reference;
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
        if (lower.startsWith("warmstart:")) {
            return WarmStart.of(t.substring("warmstart:".length()));
        }
        if (lower.endsWith(".h5")) {
            return new KerasH5(Path.of(t));
        }
        throw new IllegalArgumentException("--weights must be random, imagenet, keras:FILE.h5, model:FILE.zip or "
                + "warmstart:vgg11|RUN|FILE.zip; got '" + text + "'.");
    }
}
