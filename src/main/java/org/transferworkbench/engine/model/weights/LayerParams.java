package org.transferworkbench.engine.model.weights;

import java.util.Arrays;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * The weights and bias of one layer, already in DL4J's layout: convolution kernels [out, in, kh, kw], dense
 * matrices [in, out], bias [out] (its rank is not significant: DL4J keeps biases as [1, out]).
 */
public record LayerParams(INDArray weights, INDArray bias) {

    public LayerParams {
        if (weights == null || bias == null) {
            throw new IllegalArgumentException("A layer needs both weights and a bias.");
        }
    }

    static String shape(INDArray a) {
        return Arrays.toString(a.shape());
    }
}
