package org.transferworkbench.engine.model;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

/**
 * The ordered layers of a {@link ModelSpec}, with the canonical names that ImageNet weight files use
 * ({@code block1_conv1} ... {@code block5_pool}, {@code fc1}, {@code fc2}, {@code predictions}).
 * This is the single definition that the DL4J graph, the summary and the weight loaders follow.
 */
public final class VggLayout {
    private final ModelSpec spec;
    private final List<LayerSpec> layers;

    private VggLayout(ModelSpec spec, List<LayerSpec> layers) {
        this.spec = spec;
        this.layers = Collections.unmodifiableList(layers);
    }

    public static VggLayout of(ModelSpec spec) {
        List<LayerSpec> layers = new ArrayList<>();
        int channels = 3;
        int side = spec.inputSize();
        for (int block = 1; block <= VggVariant.BLOCK_COUNT; block++) {
            int width = VggVariant.BLOCK_WIDTHS[block - 1];
            int[] kernels = spec.variant().kernels(block);
            for (int i = 0; i < kernels.length; i++) {
                layers.add(new LayerSpec("block" + block + "_conv" + (i + 1), LayerGroup.block(block),
                        LayerSpec.Kind.CONVOLUTION, kernels[i], channels, width, new long[] {width, side, side}));
                channels = width;
            }
            side /= 2;
            layers.add(new LayerSpec("block" + block + "_pool", LayerGroup.block(block), LayerSpec.Kind.MAX_POOL,
                    2, 0, channels, new long[] {channels, side, side}));
        }
        int units = spec.head() == HeadType.PAPER ? addPaperHead(layers, channels, side)
                : addCompactHead(layers, spec, channels);
        layers.add(new LayerSpec("predictions", LayerGroup.OUTPUT, LayerSpec.Kind.OUTPUT, spec.numClasses(), units,
                spec.numClasses(), new long[] {spec.numClasses()}));
        return new VggLayout(spec, layers);
    }

    private static int addPaperHead(List<LayerSpec> layers, int channels, int side) {
        int flat = channels * side * side;
        int units = ModelSpec.PAPER_FC_UNITS;
        layers.add(dense("fc1", flat, units));
        layers.add(dense("fc2", units, units));
        return units;
    }

    private static int addCompactHead(List<LayerSpec> layers, ModelSpec spec, int channels) {
        layers.add(new LayerSpec("global_avg_pool", LayerGroup.FULLY_CONNECTED, LayerSpec.Kind.GLOBAL_AVG_POOL, 0, 0,
                channels, new long[] {channels}));
        if (spec.compactHiddenUnits() == 0) {
            return channels;
        }
        layers.add(dense("head_dense", channels, spec.compactHiddenUnits()));
        return spec.compactHiddenUnits();
    }

    private static LayerSpec dense(String name, int in, int out) {
        return new LayerSpec(name, LayerGroup.FULLY_CONNECTED, LayerSpec.Kind.DENSE, out, in, out, new long[] {out});
    }

    public ModelSpec spec() {
        return spec;
    }

    public List<LayerSpec> layers() {
        return layers;
    }

    public Optional<LayerSpec> layer(String name) {
        return layers.stream().filter(l -> l.name().equals(name)).findFirst();
    }

    public long totalParams() {
        return layers.stream().mapToLong(LayerSpec::paramCount).sum();
    }

    public long frozenParams(FreezePlan plan) {
        return layers.stream().filter(l -> plan.isFrozen(l.group())).mapToLong(LayerSpec::paramCount).sum();
    }

    public long multiplyAddsPerImage() {
        return layers.stream().mapToLong(LayerSpec::multiplyAdds).sum();
    }
}
