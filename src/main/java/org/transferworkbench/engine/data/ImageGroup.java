package org.transferworkbench.engine.data;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Images that must stay in the same split, and the split they were given. */
final class ImageGroup {
    private final String key;
    private final List<ImageRecord> images = new ArrayList<>();
    private final Map<String, Integer> countsByClass = new TreeMap<>();
    private Split split;

    ImageGroup(String key) {
        this.key = key;
    }

    void add(ImageRecord image) {
        images.add(image);
        countsByClass.merge(image.className(), 1, Integer::sum);
    }

    String key() {
        return key;
    }

    int size() {
        return images.size();
    }

    Map<String, Integer> countsByClass() {
        return countsByClass;
    }

    boolean contains(String className) {
        return countsByClass.containsKey(className);
    }

    Split split() {
        return split;
    }

    boolean isAssigned() {
        return split != null;
    }

    void assignTo(Split target) {
        this.split = target;
    }
}
