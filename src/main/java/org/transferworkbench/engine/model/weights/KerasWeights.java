package org.transferworkbench.engine.model.weights;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.transferworkbench.engine.model.LayerSpec;
import org.transferworkbench.engine.model.VggLayout;
import org.transferworkbench.engine.model.VggVariant;

/** A keras-applications weights file (e.g. {@code vgg16_weights_tf_dim_ordering_tf_kernels_notop.h5}) as canonical weights. */
final class KerasWeights {
    /** Channels of block5_pool, the input of fc1's flatten. */
    private static final int BLOCK5_CHANNELS = VggVariant.BLOCK_WIDTHS[VggVariant.BLOCK_COUNT - 1];

    private KerasWeights() {
    }

    static SourceWeights read(Path file, VggLayout target) throws IOException {
        Set<String> wanted = target.layers().stream().filter(LayerSpec::hasWeights).map(LayerSpec::name)
                .collect(Collectors.toSet());
        wanted.addAll(List.of("fc1", "fc2", "predictions"));
        Map<String, List<INDArray>> raw = KerasH5Reader.read(file, wanted);
        Map<String, LayerParams> layers = new LinkedHashMap<>();
        List<String> notes = new ArrayList<>();
        for (Map.Entry<String, List<INDArray>> e : raw.entrySet()) {
            layers.put(e.getKey(), convert(e.getKey(), e.getValue(), file));
        }
        if (!raw.containsKey("fc1")) {
            notes.add(file.getFileName() + " has no fully connected layers (a 'notop' file).");
        }
        return new SourceWeights(layers, true, notes);
    }

    private static LayerParams convert(String layer, List<INDArray> arrays, Path file) {
        if (arrays.size() != 2 || arrays.get(1).rank() != 1) {
            throw new IllegalArgumentException("Layer " + layer + " in " + file.getFileName() + " holds "
                    + arrays.size() + " arrays; expected a kernel and a bias.");
        }
        INDArray kernel = arrays.get(0);
        INDArray weights = switch (kernel.rank()) {
            case 4 -> KerasLayout.convKernel(kernel);
            case 2 -> layer.equals("fc1") ? KerasLayout.denseAfterChannelsLastFlatten(kernel, BLOCK5_CHANNELS)
                    : KerasLayout.dense(kernel);
            default -> throw new IllegalArgumentException("Layer " + layer + " in " + file.getFileName()
                    + " has a kernel of shape " + LayerParams.shape(kernel) + "; expected rank 4 or 2.");
        };
        return new LayerParams(weights, arrays.get(1));
    }
}
