package org.transferworkbench.engine.model.weights;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.deeplearning4j.nn.api.Layer;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.transferworkbench.engine.model.HeadType;
import org.transferworkbench.engine.model.LayerSpec;
import org.transferworkbench.engine.model.VggLayout;
import org.transferworkbench.engine.model.VggVariant;

/**
 * The warm start of Simonyan &amp; Zisserman (arXiv:1409.1556, section 3.1): a deeper network B-E takes "the first
 * four convolutional layers and the last three fully-connected layers" of a trained configuration A (VGG11); its
 * other layers keep their (seeded) random initialisation.
 *
 * <p>A's first four convolutions are {@code block1_conv1} (3&rarr;64), {@code block2_conv1} (64&rarr;128),
 * {@code block3_conv1} (128&rarr;256) and {@code block3_conv2} (256&rarr;256). Each goes to the layer of the same
 * name in the deeper net, which is the only assignment where every shape fits: a convolution's input width is the
 * width of the block before it, and the deeper nets' extra layers ({@code block1_conv2} 64&rarr;64,
 * {@code block2_conv2} 128&rarr;128, ...) sit at the end of a block, so every copied layer keeps its place as the
 * first (or, in block 3, the first two) convolution(s) of its block. Counting "the first four" in the deeper net
 * instead ({@code block1_conv1, block1_conv2, block2_conv1, block2_conv2}) fails on shapes: A has no 64&rarr;64 layer.
 *
 * <p>The head is copied whole and must match: {@code fc1}, {@code fc2} and {@code predictions} with the paper head
 * (which needs the same input size, since fc1 takes block5_pool flattened), {@code head_dense} (if any) and
 * {@code predictions} with the compact head. A different head, input size or class count is an error rather than a
 * silent partial copy, since the result would no longer be the scheme a study compares.
 */
public final class WarmStartMapper {
    /** A's first four convolutions, by their canonical names, which the deeper nets share. */
    public static final List<String> CONV_LAYERS =
            List.of("block1_conv1", "block2_conv1", "block3_conv1", "block3_conv2");

    private WarmStartMapper() {
    }

    /** The layers a warm start fills in {@code target}: the four convolutions and every weight layer of the head. */
    public static List<String> copiedLayers(VggLayout target) {
        return Stream.concat(CONV_LAYERS.stream(), headLayers(target).stream()).toList();
    }

    /** Throws with one sentence when {@code target} cannot be warm-started at all, before anything is read. */
    public static void checkTarget(VggVariant target) {
        if (target == VggVariant.VGG11) {
            throw new IllegalArgumentException("A warm start initialises a deeper network (vgg13, vgg16c, vgg16 or "
                    + "vgg19) from a VGG11; for a VGG11 use --weights model:FILE.zip to copy every layer.");
        }
    }

    /**
     * Checks, from the zip's configuration only, that {@code modelZip} holds a VGG11: what a run can check about a
     * bare model file before its folder is made.
     */
    public static void checkSourceFile(Path modelZip) throws IOException {
        requireVgg11(ModelZipWeights.convolutionKernels(modelZip), modelZip.toString());
    }

    public static WeightLoadReport apply(ComputationGraph graph, VggLayout layout, SourceWeights source,
                                         String sourceName, String checksum) {
        checkTarget(layout.spec().variant());
        Map<String, Long> kernels = new LinkedHashMap<>();
        source.layers().forEach((name, p) -> {
            if (p.weights().rank() == 4) {
                kernels.put(name, p.weights().size(2));
            }
        });
        requireVgg11(kernels, sourceName);
        Map<String, LayerParams> chosen = new LinkedHashMap<>();
        for (String name : CONV_LAYERS) {
            LayerParams p = source.layers().get(name);
            WeightMapper.check(name, graph.getLayer(name), p);
            chosen.put(name, p);
        }
        checkHeadKind(layout, source, sourceName);
        for (String name : headLayers(layout)) {
            LayerParams p = source.layers().get(name);
            checkHeadLayer(name, graph.getLayer(name), p, layout, sourceName);
            chosen.put(name, p);
        }
        chosen.forEach((name, p) -> WeightMapper.assign(graph.getLayer(name), p));
        List<String> random = layout.layers().stream().filter(LayerSpec::hasWeights).map(LayerSpec::name)
                .filter(n -> !chosen.containsKey(n)).toList();
        List<String> notes = new ArrayList<>(source.notes());
        notes.add("Warm start (Simonyan & Zisserman): " + layout.spec().variant() + " takes the first four "
                + "convolutions and the head of the VGG11; its other " + random.size() + " weight layers start "
                + "random.");
        return new WeightLoadReport(WeightLoadReport.FORMAT_VERSION, "warm start from " + sourceName, checksum,
                new ArrayList<>(chosen.keySet()), random, notes);
    }

    private static void requireVgg11(Map<String, Long> convKernels, String sourceName) {
        Optional<VggVariant> found = variantOf(convKernels);
        if (found.isEmpty() || found.get() != VggVariant.VGG11) {
            throw new IllegalArgumentException("The warm-start source " + sourceName + " is "
                    + found.map(v -> "a " + v + " (configuration " + v.paperConfiguration() + ")")
                    .orElse("not a VGG network of this Workbench") + ", not a VGG11 (configuration A).");
        }
    }

    /**
     * The VGG configuration whose convolutions (names and kernel sizes) these are, if any. The convolutions alone
     * decide: the head is the user's choice and says nothing about the configuration.
     */
    static Optional<VggVariant> variantOf(Map<String, Long> convKernels) {
        for (VggVariant v : VggVariant.values()) {
            Map<String, Long> expected = new LinkedHashMap<>();
            for (int block = 1; block <= VggVariant.BLOCK_COUNT; block++) {
                int[] kernels = v.kernels(block);
                for (int i = 0; i < kernels.length; i++) {
                    expected.put("block" + block + "_conv" + (i + 1), (long) kernels[i]);
                }
            }
            if (expected.equals(convKernels)) {
                return Optional.of(v);
            }
        }
        return Optional.empty();
    }

    private static List<String> headLayers(VggLayout layout) {
        return layout.layers().stream()
                .filter(l -> l.kind() == LayerSpec.Kind.DENSE || l.kind() == LayerSpec.Kind.OUTPUT)
                .map(LayerSpec::name).toList();
    }

    private static void checkHeadKind(VggLayout layout, SourceWeights source, String sourceName) {
        boolean targetPaper = layout.spec().head() == HeadType.PAPER;
        boolean sourcePaper = source.layers().containsKey("fc1");
        if (targetPaper != sourcePaper) {
            throw new IllegalArgumentException("The VGG11 of " + sourceName + " has the " + (sourcePaper ? "paper"
                    : "compact") + " head, this network the " + (targetPaper ? "paper" : "compact") + " head; a warm "
                    + "start copies the head, so train both with the same --head.");
        }
        if (!targetPaper && source.layers().containsKey("head_dense") != layout.layer("head_dense").isPresent()) {
            throw new IllegalArgumentException("The compact head of the VGG11 of " + sourceName + " has "
                    + (source.layers().containsKey("head_dense") ? "a" : "no") + " dense layer, this network's has "
                    + (layout.layer("head_dense").isPresent() ? "one" : "none") + "; use the same --hidden.");
        }
    }

    private static void checkHeadLayer(String name, Layer target, LayerParams p, VggLayout layout,
                                       String sourceName) {
        long[] want = target.getParam("W").shape();
        long[] have = p.weights().shape();
        if (name.equals("predictions") && have.length == 2 && have[1] != want[1]) {
            throw new IllegalArgumentException("The VGG11 of " + sourceName + " was trained for " + have[1]
                    + " classes, this dataset has " + want[1] + "; a warm start needs the same classes.");
        }
        if (name.equals("fc1") && have.length == 2 && have[0] != want[0]) {
            throw new IllegalArgumentException("fc1 of the VGG11 of " + sourceName + " takes " + have[0] + " inputs, "
                    + "this network's takes " + want[0] + " (input " + layout.spec().inputSize() + " px); with the "
                    + "paper head both must be trained at the same --input.");
        }
        if (name.equals("head_dense") && have.length == 2 && have[1] != want[1]) {
            throw new IllegalArgumentException("The compact head of the VGG11 of " + sourceName + " has " + have[1]
                    + " dense units, this network's " + want[1] + "; use the same --hidden.");
        }
        WeightMapper.check(name, target, p);
    }
}
