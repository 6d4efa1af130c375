package org.transferworkbench.engine.data;

import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/** How many images of one class each split should receive. */
final class SplitQuotas {
    private SplitQuotas() {
    }

    /**
     * Largest-remainder rounding of {@code imageCount * fraction}, then every active split is topped up to one
     * image (taken from the biggest split) because a validation or test split without a class cannot measure it.
     * Needs {@code imageCount >= active.size()}.
     */
    static Map<Split, Integer> forClass(int imageCount, List<Split> active, SplitSpec spec) {
        Map<Split, Integer> quotas = new EnumMap<>(Split.class);
        Map<Split, Double> remainders = new EnumMap<>(Split.class);
        int given = 0;
        for (Split split : active) {
            double exact = imageCount * spec.fraction(split);
            int whole = (int) Math.floor(exact + 1e-9);
            quotas.put(split, whole);
            remainders.put(split, exact - whole);
            given += whole;
        }
        List<Split> byRemainder = active.stream()
                .sorted(Comparator.comparingDouble((Split s) -> remainders.get(s)).reversed()).toList();
        for (int i = 0; given < imageCount; i++, given++) {
            quotas.merge(byRemainder.get(i % byRemainder.size()), 1, Integer::sum);
        }
        for (Split split : active) {
            if (quotas.get(split) == 0) {
                Split biggest = active.stream().max(Comparator.comparingInt(quotas::get)).orElseThrow();
                quotas.merge(biggest, -1, Integer::sum);
                quotas.put(split, 1);
            }
        }
        return quotas;
    }
}
