package org.transferworkbench.engine.experiment;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.transferworkbench.engine.data.SplitEntry;
import org.transferworkbench.engine.data.SplitManifest;
import org.transferworkbench.engine.model.weights.ImageNetClasses;

/**
 * With the ImageNet head kept, the network's classes are the 1000 ImageNet classes; each class folder of the
 * dataset must then name one of them (label such as {@code golden retriever} or {@code golden_retriever}, or its
 * WordNet id), and its images are labelled with that class's output unit.
 */
final class ImageNetHeadSplit {

    private ImageNetHeadSplit() {
    }

    static SplitManifest of(SplitManifest split) {
        Map<String, String> byKey = new HashMap<>();
        List<String> labels = ImageNetClasses.labels();
        for (String label : labels) {
            byKey.put(key(label), label);
        }
        ImageNetClasses.wordNetIds().forEach((id, label) -> byKey.put(key(id), label));
        List<SplitEntry> entries = split.entries().stream().map(e -> {
            String label = byKey.get(key(e.className()));
            if (label == null) {
                throw new IllegalArgumentException("With --keep-imagenet-head every class folder must be named "
                        + "after an ImageNet class (e.g. 'golden retriever' or n02099601); '" + e.className()
                        + "' is not one.");
            }
            return new SplitEntry(e.relativePath(), label, e.group(), e.split());
        }).toList();
        return new SplitManifest(entries, labels, split.datasetFingerprint());
    }

    private static String key(String name) {
        return name.trim().toLowerCase(Locale.ROOT).replace('_', ' ');
    }
}
