package org.transferworkbench.engine.model.weights;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** The 1000 ImageNet class labels in the order of the pretrained output units (resource imagenet_classes.txt). */
public final class ImageNetClasses {
    public static final int COUNT = 1000;
    private static final List<String> LABELS = load();

    private ImageNetClasses() {
    }

    public static List<String> labels() {
        return LABELS;
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
                    labels.add(line.substring(line.indexOf(' ') + 1).trim());
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
