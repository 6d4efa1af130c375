package org.transferworkbench.engine.data;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Splits a scanned dataset into train, validation and test.
 *
 * <p>Stratified: every class is split in the requested proportions, and every class gets at least one image
 * in each split with a fraction above 0. Seeded: the same scan and spec always give the same split.
 * Group-aware: images sharing a group (see {@link SplitSpec#groupPattern()}) land in one split, so near-duplicate
 * photos of one specimen cannot leak from training into the test set. A group with images of several classes
 * is placed once, as a whole.
 *
 * <p>Groups are placed in a seeded random order: first one group per class and split, so that no split misses a
 * class; then the rest, largest first, each into the split whose per-class counts it brings closest to target.
 */
public final class DatasetSplitter {
    private static final Logger LOG = LoggerFactory.getLogger(DatasetSplitter.class);

    public SplitManifest split(DatasetScan scan, SplitSpec spec) {
        Pattern pattern = spec.groupPattern() == null ? null : GroupPattern.compile(spec.groupPattern());
        List<ImageGroup> groups = groupImages(scan, pattern);
        List<Split> active = Arrays.stream(Split.values()).filter(split -> spec.fraction(split) > 0).toList();
        Map<String, Long> groupsPerClass = groupsPerClass(scan, groups);
        requireEnoughPerClass(scan, groupsPerClass, active, pattern != null);

        Map<String, Map<Split, Integer>> quotas = new HashMap<>();
        scan.countsByClass().forEach((className, count) ->
                quotas.put(className, SplitQuotas.forClass(count, active, spec)));
        GroupAssigner assigner = new GroupAssigner(quotas, active);
        List<ImageGroup> order = new ArrayList<>(groups);
        Collections.shuffle(order, new Random(spec.seed()));
        giveEveryClassEverySplit(scan, groupsPerClass, order, active, assigner);
        order.sort(Comparator.comparingInt(ImageGroup::size).reversed()); // stable: keeps the seeded order
        for (ImageGroup group : order) {
            if (!group.isAssigned()) {
                assigner.assign(group, assigner.cheapestSplitFor(group));
            }
        }
        if (pattern != null) {
            LOG.info("Group pattern '{}' formed {} groups; {} files did not match and stand alone",
                    spec.groupPattern(), groups.size(), summarizeGroups(scan, spec.groupPattern()).unmatchedFileCount());
        }
        return new SplitManifest(entries(scan, pattern, groups), scan.classNames(), scan.fingerprint());
    }

    public int countGroups(DatasetScan scan, String pattern) {
        return summarizeGroups(scan, pattern).groupCount();
    }

    /** Group count and unmatched files for a pattern; a null or blank pattern makes every image a group. */
    public GroupingSummary summarizeGroups(DatasetScan scan, String pattern) {
        if (pattern == null || pattern.isBlank()) {
            return new GroupingSummary(scan.images().size(), 0);
        }
        Pattern compiled = GroupPattern.compile(pattern);
        int unmatched = (int) scan.images().stream()
                .filter(image -> GroupPattern.groupOf(compiled, image).isEmpty()).count();
        return new GroupingSummary(groupImages(scan, compiled).size(), unmatched);
    }

    private static List<ImageGroup> groupImages(DatasetScan scan, Pattern pattern) {
        Map<String, ImageGroup> byKey = new TreeMap<>();
        for (ImageRecord image : scan.images()) {
            byKey.computeIfAbsent(GroupPattern.groupOrSelf(pattern, image), ImageGroup::new).add(image);
        }
        return new ArrayList<>(byKey.values());
    }

    private static Map<String, Long> groupsPerClass(DatasetScan scan, List<ImageGroup> groups) {
        Map<String, Long> result = new TreeMap<>();
        for (String className : scan.classNames()) {
            result.put(className, groups.stream().filter(group -> group.contains(className)).count());
        }
        return result;
    }

    private static void requireEnoughPerClass(DatasetScan scan, Map<String, Long> groupsPerClass,
                                              List<Split> active, boolean grouped) {
        String splitNames = active.stream().map(Split::csvName).collect(Collectors.joining(", "));
        String dropAdvice = active.size() > 1 ? ", or set the " + active.get(active.size() - 1).csvName()
                + " fraction to 0" : "";
        for (String className : scan.classNames()) {
            int images = scan.countsByClass().get(className);
            long groups = groupsPerClass.get(className);
            if (images < active.size()) {
                throw new IllegalArgumentException("Class '" + className + "' has only " + images + " image"
                        + (images == 1 ? "" : "s") + ", but each split (" + splitNames + ") needs at least one. "
                        + "Add at least " + (active.size() - images) + " more image(s) to '" + className
                        + "', remove its folder" + dropAdvice + ".");
            }
            if (grouped && groups < active.size()) {
                throw new IllegalArgumentException("Class '" + className + "' has " + images + " images but they "
                        + "form only " + groups + " group(s) under the group pattern, and each split (" + splitNames
                        + ") needs a group of its own. Add images from more groups, loosen the group pattern"
                        + dropAdvice + ".");
            }
        }
    }

    /** Classes with the fewest groups go first: they have the least room to manoeuvre. */
    private static void giveEveryClassEverySplit(DatasetScan scan, Map<String, Long> groupsPerClass,
                                                 List<ImageGroup> order, List<Split> active,
                                                 GroupAssigner assigner) {
        List<String> classes = new ArrayList<>(scan.classNames());
        classes.sort(Comparator.comparingLong(groupsPerClass::get));
        for (String className : classes) {
            for (Split split : active) {
                if (assigner.assignedCount(className, split) > 0) {
                    continue;
                }
                ImageGroup smallest = order.stream()
                        .filter(group -> !group.isAssigned() && group.contains(className))
                        .min(Comparator.comparingInt(ImageGroup::size))
                        .orElseThrow(() -> new IllegalArgumentException("Class '" + className + "' cannot get an "
                                + "image in the " + split.csvName() + " split: all its groups also hold images of "
                                + "other classes and were placed elsewhere. Use a group pattern that keeps classes "
                                + "apart, or set the " + split.csvName() + " fraction to 0."));
                assigner.assign(smallest, split);
            }
        }
    }

    private static List<SplitEntry> entries(DatasetScan scan, Pattern pattern, List<ImageGroup> groups) {
        Map<String, Split> splitByGroup = new HashMap<>();
        groups.forEach(group -> splitByGroup.put(group.key(), group.split()));
        List<SplitEntry> entries = new ArrayList<>(scan.images().size());
        for (ImageRecord image : scan.images()) {
            String group = GroupPattern.groupOrSelf(pattern, image);
            entries.add(new SplitEntry(image.relativePath(), image.className(), group, splitByGroup.get(group)));
        }
        return entries;
    }
}
