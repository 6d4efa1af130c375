package org.transferworkbench.engine.data;

import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Tracks per-class image counts per split while groups are handed out, and picks the best split for a group. */
final class GroupAssigner {
    private final Map<String, Map<Split, Integer>> quotas;
    private final Map<String, Map<Split, Integer>> assigned = new HashMap<>();
    private final List<Split> active;

    GroupAssigner(Map<String, Map<Split, Integer>> quotas, List<Split> active) {
        this.quotas = quotas;
        this.active = active;
    }

    void assign(ImageGroup group, Split split) {
        group.assignTo(split);
        group.countsByClass().forEach((className, count) ->
                assigned.computeIfAbsent(className, c -> new EnumMap<>(Split.class)).merge(split, count, Integer::sum));
    }

    int assignedCount(String className, Split split) {
        return assigned.getOrDefault(className, Map.of()).getOrDefault(split, 0);
    }

    /**
     * The split where the group adds least squared distance from the quotas, summed over its classes.
     * For a single image this is simply the split that still lacks the most images of its class.
     * Ties go to the earlier split; the random order in which groups arrive supplies the randomness.
     */
    Split cheapestSplitFor(ImageGroup group) {
        Split best = null;
        long bestCost = Long.MAX_VALUE;
        for (Split split : active) {
            long cost = 0;
            for (var classCount : group.countsByClass().entrySet()) {
                long size = classCount.getValue();
                long over = assignedCount(classCount.getKey(), split)
                        - quotas.get(classCount.getKey()).getOrDefault(split, 0);
                cost += size * (2 * over + size);
            }
            if (cost < bestCost) {
                bestCost = cost;
                best = split;
            }
        }
        return best;
    }
}
