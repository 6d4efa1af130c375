package org.transferworkbench.engine.data;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * Seeded, stratified and group-aware k-fold cross-validation. Every group goes to exactly one fold (so an image is
 * tested exactly once over the k folds and a group never straddles folds); each class is spread as evenly over the
 * folds as its groups allow (within one image per class and fold when every image is its own group). For fold i,
 * fold i is the test split and the validation split is carved from the other folds by {@link DatasetSplitter}, so
 * it is stratified and group-aware as well. The result is an ordinary {@link SplitManifest}, which makes every
 * fold an ordinary run.
 */
public final class StratifiedGroupKFold {
    private final int k;
    private final long seed;
    private final String groupPattern;
    private final double validationFraction;

    /**
     * @param validationFraction share of the non-test images that goes to validation, e.g. 0.15
     * @param groupPattern       as {@link SplitSpec#groupPattern()}; null for none
     */
    public StratifiedGroupKFold(int k, long seed, String groupPattern, double validationFraction) {
        if (k < 2) {
            throw new IllegalArgumentException("k-fold cross-validation needs at least 2 folds; got " + k + ".");
        }
        if (!(validationFraction > 0 && validationFraction < 1)) {
            throw new IllegalArgumentException("The validation share of the training folds must be between 0 and 1; "
                    + "got " + validationFraction + ".");
        }
        this.k = k;
        this.seed = seed;
        this.groupPattern = groupPattern == null || groupPattern.isBlank() ? null : groupPattern;
        this.validationFraction = validationFraction;
    }

    /** The fold (0 to k-1) of every image, by relative path. */
    public Map<String, Integer> assignFolds(DatasetScan scan) {
        Pattern pattern = groupPattern == null ? null : GroupPattern.compile(groupPattern);
        Map<String, List<ImageRecord>> groups = new TreeMap<>();
        for (ImageRecord image : scan.images()) {
            groups.computeIfAbsent(GroupPattern.groupOrSelf(pattern, image), key -> new ArrayList<>()).add(image);
        }
        requireEnoughGroups(scan, groups);
        List<List<ImageRecord>> order = new ArrayList<>(groups.values());
        Random random = new Random(seed);
        Collections.shuffle(order, random);
        order.sort(Comparator.comparingInt((List<ImageRecord> g) -> g.size()).reversed()); // stable: seeded ties
        int[][] perFoldClass = new int[k][scan.classNames().size()];
        int[] perFold = new int[k];
        Map<String, Integer> foldOf = new HashMap<>();
        for (List<ImageRecord> group : order) {
            int fold = cheapestFold(scan, group, perFoldClass, perFold, random);
            for (ImageRecord image : group) {
                perFoldClass[fold][scan.classIndex(image.className())]++;
                foldOf.put(image.relativePath(), fold);
            }
            perFold[fold] += group.size();
        }
        return foldOf;
    }

    /** Fold {@code fold} as test, validation carved from the rest, everything else train. */
    public SplitManifest split(DatasetScan scan, int fold) {
        return splits(scan).get(fold);
    }

    /** All k splits at once (the fold assignment is computed once). */
    public List<SplitManifest> splits(DatasetScan scan) {
        Map<String, Integer> foldOf = assignFolds(scan);
        List<SplitManifest> result = new ArrayList<>(k);
        for (int fold = 0; fold < k; fold++) {
            result.add(splitFor(scan, foldOf, fold));
        }
        return result;
    }

    private SplitManifest splitFor(DatasetScan scan, Map<String, Integer> foldOf, int fold) {
        List<ImageRecord> rest = scan.images().stream().filter(i -> foldOf.get(i.relativePath()) != fold).toList();
        DatasetScan restScan = new DatasetScan(scan.root(), rest, List.of(), List.of(), scan.fingerprint());
        SplitSpec inner = new SplitSpec(1 - validationFraction, validationFraction, 0,
                Seeds.derive(seed, fold), groupPattern);
        Map<String, SplitEntry> trainOrValidation = new HashMap<>();
        new DatasetSplitter().split(restScan, inner).entries()
                .forEach(e -> trainOrValidation.put(e.relativePath(), e));
        Pattern pattern = groupPattern == null ? null : GroupPattern.compile(groupPattern);
        List<SplitEntry> entries = new ArrayList<>(scan.images().size());
        for (ImageRecord image : scan.images()) {
            SplitEntry inner1 = trainOrValidation.get(image.relativePath());
            entries.add(inner1 != null ? inner1 : new SplitEntry(image.relativePath(), image.className(),
                    GroupPattern.groupOrSelf(pattern, image), Split.TEST));
        }
        return new SplitManifest(entries, scan.classNames(), scan.fingerprint());
    }

    /**
     * The fold where the group adds least to the sum of squared per-class counts (for a one-class group: the fold
     * with the fewest images of its class); ties go to the fold with fewest images, then to a seeded coin.
     */
    private int cheapestFold(DatasetScan scan, List<ImageRecord> group, int[][] perFoldClass, int[] perFold,
                             Random random) {
        Map<Integer, Integer> classCounts = new HashMap<>();
        group.forEach(image -> classCounts.merge(scan.classIndex(image.className()), 1, Integer::sum));
        List<Integer> best = new ArrayList<>();
        long bestCost = Long.MAX_VALUE;
        for (int fold = 0; fold < k; fold++) {
            long cost = 0;
            for (Map.Entry<Integer, Integer> c : classCounts.entrySet()) {
                cost += (long) c.getValue() * (2L * perFoldClass[fold][c.getKey()] + c.getValue());
            }
            cost = cost * (scan.images().size() + 1L) + perFold[fold];
            if (cost < bestCost) {
                bestCost = cost;
                best.clear();
            }
            if (cost == bestCost) {
                best.add(fold);
            }
        }
        return best.get(random.nextInt(best.size()));
    }

    private void requireEnoughGroups(DatasetScan scan, Map<String, List<ImageRecord>> groups) {
        for (String className : scan.classNames()) {
            long n = groups.values().stream()
                    .filter(g -> g.stream().anyMatch(i -> i.className().equals(className))).count();
            // k folds for test plus one more group so that a fold's remaining groups can also give validation
            if (n < k + 1) {
                throw new IllegalArgumentException("Class '" + className + "' has " + n + (groupPattern == null
                        ? " image(s)" : " group(s) under the group pattern") + ", too few for " + k + "-fold "
                        + "cross-validation with a validation split (at least " + (k + 1) + " needed); use fewer "
                        + "folds or add images.");
            }
        }
    }
}
