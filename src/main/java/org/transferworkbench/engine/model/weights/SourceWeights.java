package org.transferworkbench.engine.model.weights;

import java.util.List;
import java.util.Map;

/**
 * Weights read from a source and renamed to the canonical VGG layer names ({@code block1_conv1} ... {@code fc1},
 * {@code fc2}, {@code predictions}), converted to DL4J's layout, but not yet put into a network.
 *
 * @param layers         by canonical layer name
 * @param imagenetHead   true when {@code predictions} holds the 1000 ImageNet classes (zoo and Keras files), which
 *                       replace the user's output layer only when the user keeps the ImageNet head
 * @param notes          what the reader had to decide about this source, for the load report
 */
public record SourceWeights(Map<String, LayerParams> layers, boolean imagenetHead, List<String> notes) {

    public SourceWeights {
        layers = Map.copyOf(layers);
        notes = List.copyOf(notes);
    }
}
