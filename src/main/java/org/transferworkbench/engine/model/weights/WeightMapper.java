package org.transferworkbench.engine.model.weights;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.deeplearning4j.nn.api.Layer;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.transferworkbench.engine.model.HeadType;
import org.transferworkbench.engine.model.LayerSpec;
import org.transferworkbench.engine.model.VggLayout;

/**
 * Puts canonical weights into a VGG {@link ComputationGraph} by layer name, checking every shape first: either all
 * chosen layers are written or none (a mismatch throws before anything is assigned).
 *
 * <p>Which layers are taken:
 * <ul>
 *   <li>every convolution of the network; a missing one is an error (VGG16 weights do not fill a VGG19);</li>
 *   <li>fc1 and fc2 when the network has them and fc1's input fits; the ImageNet fc1 only fits the 7x7x512
 *       block5_pool of a 224-pixel input, so at other sizes both start random and the report says why;</li>
 *   <li>{@code predictions}: ImageNet's 1000-class layer only when the user keeps the ImageNet head (then it must be
 *       there); weights of one of our own runs when the class count matches;</li>
 *   <li>the compact head's dense layer when the source has one of the same shape (a run's model).</li>
 * </ul>
 * Frozen layers are wrapped by DL4J but share the parameter views, so they keep what is loaded here.
 */
public final class WeightMapper {
    static final int IMAGENET_CLASSES = 1000;

    private WeightMapper() {
    }

    public static WeightLoadReport apply(ComputationGraph graph, VggLayout layout, SourceWeights source,
                                         boolean keepImagenetHead, String sourceName, String checksum) {
        if (keepImagenetHead && (layout.spec().head() != HeadType.PAPER
                || layout.spec().numClasses() != IMAGENET_CLASSES)) {
            throw new IllegalArgumentException("The ImageNet head can only be kept with the paper head and the "
                    + IMAGENET_CLASSES + " ImageNet classes.");
        }
        Map<String, LayerParams> chosen = new LinkedHashMap<>();
        List<String> notes = new ArrayList<>(source.notes());
        boolean fcFits = true;
        for (LayerSpec l : layout.layers()) {
            if (!l.hasWeights()) {
                continue;
            }
            LayerParams p = source.layers().get(l.name());
            Layer target = graph.getLayer(l.name());
            switch (l.kind()) {
                case CONVOLUTION -> {
                    if (p == null) {
                        throw new IllegalArgumentException("The weights from " + sourceName + " have no layer "
                                + l.name() + ", which " + layout.spec().variant() + " needs; they belong to another"
                                + " VGG configuration.");
                    }
                    check(l.name(), target, p);
                    chosen.put(l.name(), p);
                }
                case DENSE -> {
                    if (p == null) {
                        continue;
                    }
                    if (l.name().equals("fc1") && !fitsInput(target, p)) {
                        fcFits = false;
                        notes.add("fc1 of the weights takes " + p.weights().size(0) + " inputs (block5_pool at "
                                + "the input size they were trained for), this network's takes "
                                + target.getParam("W").size(0) + " (input " + layout.spec().inputSize()
                                + " px); fc1 and fc2 start random. Use --input 224 to load them.");
                        continue;
                    }
                    if (l.name().equals("fc2") && !fcFits) {
                        continue;
                    }
                    check(l.name(), target, p);
                    chosen.put(l.name(), p);
                }
                case OUTPUT -> {
                    if (source.imagenetHead() && keepImagenetHead) {
                        if (p == null || !chosen.containsKey("fc2")) {
                            throw new IllegalArgumentException("The ImageNet head cannot be kept: the weights from "
                                    + sourceName + " do not fill fc1, fc2 and predictions of this network"
                                    + " (they need the paper head at input 224).");
                        }
                        check(l.name(), target, p);
                        chosen.put(l.name(), p);
                    } else if (!source.imagenetHead() && p != null) {
                        if (sameShapes(target, p)) {
                            chosen.put(l.name(), p);
                        } else {
                            notes.add("The output layer of " + sourceName + " has " + p.weights().size(1)
                                    + " classes, this network " + target.getParam("W").size(1)
                                    + "; a new output layer is trained.");
                        }
                    }
                }
                default -> {
                }
            }
        }
        if (keepImagenetHead && !chosen.containsKey("predictions")) {
            throw new IllegalArgumentException("The ImageNet head can only be kept with ImageNet weights, the paper "
                    + "head and input 224.");
        }
        chosen.forEach((name, p) -> assign(graph.getLayer(name), p));
        List<String> loaded = new ArrayList<>(chosen.keySet());
        List<String> random = layout.layers().stream().filter(LayerSpec::hasWeights).map(LayerSpec::name)
                .filter(n -> !chosen.containsKey(n)).toList();
        List<String> unused = source.layers().keySet().stream()
                .filter(n -> layout.layer(n).isEmpty()).sorted().toList();
        if (!unused.isEmpty()) {
            notes.add("Not used (this network has no such layers): " + String.join(", ", unused) + ".");
        }
        return new WeightLoadReport(WeightLoadReport.FORMAT_VERSION, sourceName, checksum, loaded, random, notes);
    }

    /** fc1's input count depends on the input size; its output count does not. */
    private static boolean fitsInput(Layer target, LayerParams p) {
        return p.weights().rank() != 2 || p.weights().size(0) == target.getParam("W").size(0);
    }

    private static boolean sameShapes(Layer target, LayerParams p) {
        return Arrays.equals(target.getParam("W").shape(), p.weights().shape())
                && target.getParam("b").length() == p.bias().length();
    }

    static void check(String name, Layer target, LayerParams p) {
        INDArray w = target.getParam("W");
        INDArray b = target.getParam("b");
        if (!Arrays.equals(w.shape(), p.weights().shape())) {
            throw new IllegalArgumentException("Weights of layer " + name + " have shape "
                    + LayerParams.shape(p.weights()) + " but the network expects " + LayerParams.shape(w) + ".");
        }
        if (b.length() != p.bias().length() || p.bias().rank() > 2) {
            throw new IllegalArgumentException("The bias of layer " + name + " has shape "
                    + LayerParams.shape(p.bias()) + " but the network expects " + LayerParams.shape(b) + ".");
        }
    }

    /** Assigns into the existing parameter views, which are slices of the network's single flat parameter vector. */
    static void assign(Layer target, LayerParams p) {
        INDArray w = target.getParam("W");
        INDArray b = target.getParam("b");
        w.assign(p.weights().castTo(w.dataType()));
        b.assign(p.bias().castTo(b.dataType()).reshape(b.shape()));
    }
}
