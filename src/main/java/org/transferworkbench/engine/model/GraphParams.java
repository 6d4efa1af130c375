package org.transferworkbench.engine.model;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import org.deeplearning4j.nn.api.Layer;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.nd4j.linalg.api.ndarray.INDArray;

/** Parameter copies between graphs that share the project's canonical layer names. */
public final class GraphParams {

    private GraphParams() {
    }

    /**
     * Copies the parameters of every layer of {@code to} that {@code from} also has, checking shapes.
     *
     * @return the number of layers copied
     */
    public static int copyMatching(ComputationGraph from, ComputationGraph to) {
        int copied = 0;
        for (Layer target : to.getLayers()) {
            String name = target.conf().getLayer().getLayerName();
            if (target.numParams() == 0 || from.getVertex(name) == null || !from.getVertex(name).hasLayer()) {
                continue;
            }
            Layer source = from.getLayer(name);
            for (var e : target.paramTable().entrySet()) {
                INDArray src = source.getParam(e.getKey());
                if (src == null || !java.util.Arrays.equals(src.shape(), e.getValue().shape())) {
                    throw new IllegalArgumentException("Layer " + name + " parameter " + e.getKey() + " has shape "
                            + java.util.Arrays.toString(e.getValue().shape()) + " but the source has "
                            + (src == null ? "none" : java.util.Arrays.toString(src.shape())) + ".");
                }
                e.getValue().assign(src);
            }
            copied++;
        }
        return copied;
    }

    /** SHA-256 of the parameters of the named layers: identifies frozen weights whatever their source. */
    public static String fingerprint(ComputationGraph graph, Iterable<String> layerNames) {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            for (String name : layerNames) {
                Layer l = graph.getLayer(name);
                if (l.numParams() > 0) {
                    md.update(name.getBytes(java.nio.charset.StandardCharsets.UTF_8));
                    md.update(l.params().dup().data().asBytes());
                }
            }
            return HexFormat.of().formatHex(md.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
