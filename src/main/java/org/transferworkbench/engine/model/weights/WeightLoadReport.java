package org.transferworkbench.engine.model.weights;

import java.util.List;

/**
 * What a weights load did: where the weights came from, which layers received them and which keep their random
 * initialisation. Printed by the CLI and kept in the run folder as {@code weights.json}.
 *
 * @param source   the source as the user named it, e.g. {@code imagenet (vgg16_dl4j_inference.zip)}
 * @param checksum Adler32 of the file the weights came from, or null for random weights
 */
public record WeightLoadReport(int formatVersion, String source, String checksum, List<String> loaded,
                               List<String> random, List<String> notes) {

    public static final int FORMAT_VERSION = 1;
    public static final String FILE_NAME = "weights.json";

    public WeightLoadReport {
        loaded = List.copyOf(loaded);
        random = List.copyOf(random);
        notes = List.copyOf(notes);
    }

    public static WeightLoadReport allRandom(List<String> layers) {
        return new WeightLoadReport(FORMAT_VERSION, "random", null, List.of(), layers, List.of());
    }

    /** A few lines for the terminal. */
    public String toText() {
        StringBuilder sb = new StringBuilder("Weights: ").append(source);
        if (checksum != null) {
            sb.append(" (Adler32 ").append(checksum).append(')');
        }
        sb.append(System.lineSeparator());
        sb.append("  loaded: ").append(loaded.isEmpty() ? "none" : String.join(", ", loaded))
                .append(System.lineSeparator());
        sb.append("  random: ").append(random.isEmpty() ? "none" : String.join(", ", random))
                .append(System.lineSeparator());
        notes.forEach(n -> sb.append("  note: ").append(n).append(System.lineSeparator()));
        return sb.toString();
    }
}
