package org.transferworkbench.engine.model.weights;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The 1000 ImageNet class labels in the order of the pretrained output units (resource imagenet_classes.txt). */
public final class ImageNetClasses {
    public static final int COUNT = 1000;
    private static final Map<String, String> WORDNET_IDS = new LinkedHashMap<>();
    private static final List<String> LABELS = load();

    private ImageNetClasses() {
    }

    public static List<String> labels() {
        return LABELS;
    }

    /** WordNet id to label, e.g. n02099601 to golden retriever. */
    public static Map<String, String> wordNetIds() {
        return Collections.unmodifiableMap(WORDNET_IDS);
    }

    private static List<String> load() {
        try (InputStream in = ImageNetClasses.class.getResourceAsStream("imagenet_classes.txt")) {
            if (in == null) {
                throw new IllegalStateException("imagenet_classes.txt is missing from the application");
            }
            List<String> labels = new ArrayList<>();
            BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line; (line = r.readLine()) != null; ) {
                if (!line.isBlank() && !line.startsWith("#")) {
                    String label = line.substring(line.indexOf(' ') + 1).trim();
                    WORDNET_IDS.put(line.substring(0, line.indexOf(' ')), label);
                    labels.add(label);
                }
            }
            if (labels.size() != COUNT) {
                throw new IllegalStateException("imagenet_classes.txt has " + labels.size() + " labels, not " + COUNT);
            }
            return List.copyOf(labels);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
