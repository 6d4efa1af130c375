package org.transferworkbench.engine.model;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Which parts of the network keep their weights during training: each of the five convolution blocks and the
 * fully connected part of the head. The output layer ({@code predictions}) is always trained.
 *
 * <p>Text form (CLI and config files): {@code conv} (feature extraction), {@code none} (fine-tune all),
 * {@code blocks:1-3}, {@code blocks:1,2,5}; append {@code +fc} to also freeze the fully connected layers.
 */
public final class FreezePlan {
    private static final Pattern BLOCKS = Pattern.compile("blocks?:([0-9,\\-\\s]+)");

    private final boolean[] blockFrozen;
    private final boolean fcFrozen;

    public FreezePlan(boolean[] blockFrozen, boolean fcFrozen) {
        if (blockFrozen.length != VggVariant.BLOCK_COUNT) {
            throw new IllegalArgumentException("A freeze plan covers exactly " + VggVariant.BLOCK_COUNT + " blocks.");
        }
        this.blockFrozen = blockFrozen.clone();
        this.fcFrozen = fcFrozen;
    }

    /** Feature extraction: all convolution blocks frozen, the head trained. */
    public static FreezePlan featureExtraction() {
        return firstBlocksFrozen(VggVariant.BLOCK_COUNT);
    }

    public static FreezePlan fineTuneAll() {
        return firstBlocksFrozen(0);
    }

    /** Blocks 1..k frozen, the rest trained. */
    public static FreezePlan firstBlocksFrozen(int k) {
        if (k < 0 || k > VggVariant.BLOCK_COUNT) {
            throw new IllegalArgumentException("k must be between 0 and " + VggVariant.BLOCK_COUNT + "; got " + k + ".");
        }
        boolean[] frozen = new boolean[VggVariant.BLOCK_COUNT];
        Arrays.fill(frozen, 0, k, true);
        return new FreezePlan(frozen, false);
    }

    public static FreezePlan parse(String text) {
        String s = text.trim().toLowerCase(Locale.ROOT).replace(" ", "");
        boolean fc = s.endsWith("+fc");
        if (fc) {
            s = s.substring(0, s.length() - 3);
        }
        FreezePlan base = switch (s) {
            case "conv", "feature-extraction", "features" -> featureExtraction();
            case "none", "fine-tune", "finetune", "" -> fineTuneAll();
            default -> parseBlocks(s, text);
        };
        return base.withFcFrozen(fc);
    }

    private static FreezePlan parseBlocks(String s, String original) {
        Matcher m = BLOCKS.matcher(s);
        if (!m.matches()) {
            throw new IllegalArgumentException("Unknown freeze plan '" + original
                    + "'; use conv, none, blocks:1-3 or blocks:1,2 (add +fc to freeze the dense layers too).");
        }
        boolean[] frozen = new boolean[VggVariant.BLOCK_COUNT];
        for (String part : m.group(1).split(",")) {
            String[] range = part.split("-");
            int from = parseBlock(range[0], original);
            int to = range.length > 1 ? parseBlock(range[1], original) : from;
            if (range.length > 2 || to < from) {
                throw new IllegalArgumentException("Bad block range '" + part + "' in freeze plan '" + original + "'.");
            }
            for (int b = from; b <= to; b++) {
                frozen[b - 1] = true;
            }
        }
        return new FreezePlan(frozen, false);
    }

    private static int parseBlock(String s, String original) {
        try {
            int b = Integer.parseInt(s);
            if (b >= 1 && b <= VggVariant.BLOCK_COUNT) {
                return b;
            }
        } catch (NumberFormatException ignored) {
            // fall through to the message below
        }
        throw new IllegalArgumentException("Blocks are numbered 1 to " + VggVariant.BLOCK_COUNT + "; '" + s
                + "' in freeze plan '" + original + "' is not one of them.");
    }

    public FreezePlan withBlock(int block, boolean frozen) {
        boolean[] copy = blockFrozen.clone();
        copy[block - 1] = frozen;
        return new FreezePlan(copy, fcFrozen);
    }

    public FreezePlan withFcFrozen(boolean frozen) {
        return new FreezePlan(blockFrozen, frozen);
    }

    /** @param block 1-based block number */
    public boolean isBlockFrozen(int block) {
        return blockFrozen[block - 1];
    }

    public boolean isFcFrozen() {
        return fcFrozen;
    }

    /** Whether the layer of the given group ("block1".."block5", "fc", "predictions") is frozen. */
    public boolean isFrozen(LayerGroup group) {
        return switch (group.kind()) {
            case CONV_BLOCK -> isBlockFrozen(group.block());
            case FULLY_CONNECTED -> fcFrozen;
            case OUTPUT, INPUT -> false;
        };
    }

    /** Number of leading blocks that are frozen: the part of the network whose output can be cached. */
    public int frozenPrefixBlocks() {
        int k = 0;
        while (k < blockFrozen.length && blockFrozen[k]) {
            k++;
        }
        return k;
    }

    public boolean isFeatureExtraction() {
        return frozenPrefixBlocks() == VggVariant.BLOCK_COUNT;
    }

    /** Canonical text form, accepted by {@link #parse}. */
    @Override
    public String toString() {
        String base;
        int prefix = frozenPrefixBlocks();
        long frozenCount = countFrozenBlocks();
        if (frozenCount == VggVariant.BLOCK_COUNT) {
            base = "conv";
        } else if (frozenCount == 0) {
            base = "none";
        } else if (frozenCount == prefix) {
            base = prefix == 1 ? "blocks:1" : "blocks:1-" + prefix;
        } else {
            List<String> parts = new ArrayList<>();
            for (int b = 1; b <= VggVariant.BLOCK_COUNT; b++) {
                if (isBlockFrozen(b)) {
                    parts.add(Integer.toString(b));
                }
            }
            base = "blocks:" + String.join(",", parts);
        }
        return fcFrozen ? base + "+fc" : base;
    }

    /** A sentence for people: "blocks 1-3 frozen, blocks 4-5 and the head trained". */
    public String describe() {
        long frozen = countFrozenBlocks();
        String conv = frozen == VggVariant.BLOCK_COUNT ? "all convolution blocks frozen (feature extraction)"
                : frozen == 0 ? "all convolution blocks trained (fine-tuning)"
                : "frozen blocks " + toString().replace("blocks:", "").replace("+fc", "") + ", other blocks trained";
        return conv + (fcFrozen ? "; fully connected layers frozen" : "");
    }

    private long countFrozenBlocks() {
        long n = 0;
        for (boolean b : blockFrozen) {
            n += b ? 1 : 0;
        }
        return n;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof FreezePlan p && fcFrozen == p.fcFrozen && Arrays.equals(blockFrozen, p.blockFrozen);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(blockFrozen) + Boolean.hashCode(fcFrozen);
    }
}
