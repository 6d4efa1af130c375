package org.transferworkbench.engine.features;

import org.transferworkbench.engine.data.AugmentationSettings;
import org.transferworkbench.engine.model.FreezePlan;
import org.transferworkbench.engine.model.LayerSpec;
import org.transferworkbench.engine.model.VggLayout;

/**
 * Whether a run can train from cached features of its frozen prefix, and where the network is cut.
 *
 * @param splitLayer index in {@link VggLayout#layers()} of the first layer that is trained; the features are the
 *                   output of the layer before it ({@code block<k>_pool})
 * @param reason     why caching is off, for the user; null when it is on
 */
public record CacheDecision(boolean enabled, int splitLayer, String featureLayer, String reason) {

    public static CacheDecision decide(VggLayout layout, FreezePlan plan, AugmentationSettings augmentation,
                                       boolean allowed) {
        int blocks = plan.frozenPrefixBlocks();
        if (!allowed) {
            return off("feature caching was turned off");
        }
        if (blocks == 0) {
            return off("block 1 is trained, so there is no frozen part whose output could be cached");
        }
        if (augmentation.enabled()) {
            return off("augmentation is on: augmented images change every epoch, so their features cannot be "
                    + "cached; every epoch runs through the frozen blocks (slower). Turn augmentation off to cache");
        }
        String feature = "block" + blocks + "_pool";
        int index = 0;
        for (LayerSpec l : layout.layers()) {
            index++;
            if (l.name().equals(feature)) {
                return new CacheDecision(true, index, feature, null);
            }
        }
        throw new IllegalStateException("No layer " + feature);
    }

    private static CacheDecision off(String reason) {
        return new CacheDecision(false, 0, null, reason);
    }
}
