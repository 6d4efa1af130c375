package org.transferworkbench.engine.data;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeSet;

/**
 * What a {@link DatasetScanner} found in a dataset folder: the usable images by class, the files it skipped
 * and why, and warnings worth showing before training. Immutable.
 */
public final class DatasetScan {
    /** Largest-to-smallest class ratio above which we warn that the classes are imbalanced. */
    static final double IMBALANCE_RATIO = 3.0;

    private final Path root;
    private final List<ImageRecord> images;
    private final List<SkippedFile> skipped;
    private final List<String> classNames;
    private final Map<String, Integer> countsByClass;
    private final List<String> warnings;
    private final String fingerprint;

    /**
     * Normally built by {@link DatasetScanner}; public so that other packages can build small scans in tests.
     *
     * @param classFolders every class folder seen, including ones without usable images (for the warning)
     * @param fingerprint  see {@link #fingerprint()}
     */
    public DatasetScan(Path root, List<ImageRecord> images, List<SkippedFile> skipped,
                       List<String> classFolders, String fingerprint) {
        this.root = Objects.requireNonNull(root);
        this.images = images.stream()
                .sorted(Comparator.comparing(ImageRecord::className).thenComparing(ImageRecord::relativePath))
                .toList();
        this.skipped = skipped.stream().sorted(Comparator.comparing(SkippedFile::relativePath)).toList();
        this.classNames = List.copyOf(new TreeSet<>(this.images.stream().map(ImageRecord::className).toList()));
        this.countsByClass = countByClass(this.classNames, this.images);
        this.warnings = List.copyOf(warningsFor(classFolders));
        this.fingerprint = Objects.requireNonNull(fingerprint);
    }

    public Path root() {
        return root;
    }

    /** Sorted class names that have at least one usable image. */
    public List<String> classNames() {
        return classNames;
    }

    /** Usable images, sorted by class and then by path. */
    public List<ImageRecord> images() {
        return images;
    }

    public List<SkippedFile> skipped() {
        return skipped;
    }

    /** Image count per class, in class order. */
    public Map<String, Integer> countsByClass() {
        return countsByClass;
    }

    public List<String> warnings() {
        return warnings;
    }

    /**
     * SHA-256 (hex) over every usable image's relative path, size and a hash of its first 64 KiB.
     * Modification times are left out on purpose: copying a dataset to another disk changes them, yet it is
     * still the same dataset. The content hash catches a folder whose files were swapped for others of the
     * same name and size; reading only the head keeps a rescan of thousands of photos fast.
     */
    public String fingerprint() {
        return fingerprint;
    }

    /** Position of the class in {@link #classNames()}, which is also its label index. */
    public int classIndex(String className) {
        int index = classNames.indexOf(className);
        if (index < 0) {
            throw new IllegalArgumentException("Unknown class '" + className + "'; the dataset has " + classNames);
        }
        return index;
    }

    private static Map<String, Integer> countByClass(List<String> classNames, List<ImageRecord> images) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        classNames.forEach(name -> counts.put(name, 0));
        images.forEach(image -> counts.merge(image.className(), 1, Integer::sum));
        return Collections.unmodifiableMap(counts);
    }

    private List<String> warningsFor(List<String> classFolders) {
        List<String> result = new ArrayList<>();
        for (String folder : new TreeSet<>(classFolders)) {
            if (!countsByClass.containsKey(folder)) {
                result.add("Class folder '" + folder + "' has no usable images and is ignored.");
            }
        }
        if (classNames.size() < 2) {
            result.add("Found " + classNames.size() + " class(es) with usable images; training needs at least 2 "
                    + "(one sub-folder per class).");
        } else {
            imbalanceWarning().ifPresent(result::add);
        }
        return result;
    }

    private Optional<String> imbalanceWarning() {
        String largest = classNames.get(0);
        String smallest = classNames.get(0);
        for (String name : classNames) {
            if (countsByClass.get(name) > countsByClass.get(largest)) {
                largest = name;
            }
            if (countsByClass.get(name) < countsByClass.get(smallest)) {
                smallest = name;
            }
        }
        double ratio = (double) countsByClass.get(largest) / countsByClass.get(smallest);
        if (ratio <= IMBALANCE_RATIO) {
            return Optional.empty();
        }
        return Optional.of(String.format(Locale.ROOT,
                "Classes are imbalanced: '%s' has %d images but '%s' only %d (%.1f times fewer); "
                        + "accuracy will flatter the large class, so look at per-class recall.",
                largest, countsByClass.get(largest), smallest, countsByClass.get(smallest), ratio));
    }

    @Override
    public String toString() {
        return "DatasetScan[" + root + ", " + images.size() + " images in " + classNames.size() + " classes, "
                + skipped.size() + " skipped]";
    }
}
