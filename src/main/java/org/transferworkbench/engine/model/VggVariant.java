package org.transferworkbench.engine.model;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * The ConvNet configurations A-E of Simonyan &amp; Zisserman (arXiv:1409.1556, Table 1).
 * Each block lists its convolution kernel sizes; the block's width is fixed by {@link #BLOCK_WIDTHS}.
 */
public enum VggVariant {
    VGG11("vgg11", "A", new int[][] {{3}, {3}, {3, 3}, {3, 3}, {3, 3}}),
    VGG13("vgg13", "B", new int[][] {{3, 3}, {3, 3}, {3, 3}, {3, 3}, {3, 3}}),
    /** Configuration C: the third conv of blocks 3-5 is 1x1. */
    VGG16C("vgg16c", "C", new int[][] {{3, 3}, {3, 3}, {3, 3, 1}, {3, 3, 1}, {3, 3, 1}}),
    VGG16("vgg16", "D", new int[][] {{3, 3}, {3, 3}, {3, 3, 3}, {3, 3, 3}, {3, 3, 3}}),
    VGG19("vgg19", "E", new int[][] {{3, 3}, {3, 3}, {3, 3, 3, 3}, {3, 3, 3, 3}, {3, 3, 3, 3}});

    public static final int[] BLOCK_WIDTHS = {64, 128, 256, 512, 512};
    public static final int BLOCK_COUNT = BLOCK_WIDTHS.length;

    private final String cliName;
    private final String paperConfiguration;
    private final int[][] kernelsPerBlock;

    VggVariant(String cliName, String paperConfiguration, int[][] kernelsPerBlock) {
        this.cliName = cliName;
        this.paperConfiguration = paperConfiguration;
        this.kernelsPerBlock = kernelsPerBlock;
    }

    public String cliName() {
        return cliName;
    }

    public String paperConfiguration() {
        return paperConfiguration;
    }

    /** Kernel sizes of the convolutions of block {@code block} (1-based). */
    public int[] kernels(int block) {
        return kernelsPerBlock[block - 1].clone();
    }

    public int convLayerCount() {
        return Arrays.stream(kernelsPerBlock).mapToInt(k -> k.length).sum();
    }

    /** Weight layers as the paper counts them: convolutions plus the three fully connected layers. */
    public int weightLayerCount() {
        return convLayerCount() + 3;
    }

    /** The default Grad-CAM / feature layer: the last convolution of block 5. */
    public String lastConvLayerName() {
        return "block5_conv" + kernelsPerBlock[4].length;
    }

    public static VggVariant parse(String name) {
        String n = name.trim().toLowerCase(Locale.ROOT).replace("-", "").replace("_", "");
        for (VggVariant v : values()) {
            if (v.cliName.equals(n) || ("vgg" + v.paperConfiguration.toLowerCase(Locale.ROOT)).equals(n)) {
                return v;
            }
        }
        throw new IllegalArgumentException("Unknown model '" + name + "'; choose one of " + cliNames() + ".");
    }

    public static List<String> cliNames() {
        return Arrays.stream(values()).map(VggVariant::cliName).toList();
    }

    @Override
    public String toString() {
        return cliName.toUpperCase(Locale.ROOT).replace("16C", "16-C");
    }
}
