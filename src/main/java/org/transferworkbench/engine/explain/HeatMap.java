package org.transferworkbench.engine.explain;

/**
 * One Grad-CAM map at the resolution of its layer, before normalisation: {@code ReLU(sum_k alpha_k A_k)}.
 *
 * @param values          row-major, {@code height * width} values, all {@code >= 0}
 * @param classScore      the explained class's pre-softmax logit
 * @param probabilities   the model's softmax output for the image
 */
public record HeatMap(String layer, int predictedClass, int targetClass, double[] probabilities, double classScore,
                      int height, int width, float[] values) {

    public float max() {
        float max = 0;
        for (float v : values) {
            max = Math.max(max, v);
        }
        return max;
    }

    /** Row and column of the largest value (the first one when several tie). */
    public int[] peak() {
        int best = 0;
        for (int i = 1; i < values.length; i++) {
            if (values[i] > values[best]) {
                best = i;
            }
        }
        return new int[] {best / width, best % width};
    }

    public float at(int row, int column) {
        return values[row * width + column];
    }

    /** True when no location speaks for the class at this layer: the map is zero everywhere. */
    public boolean isEmpty() {
        return max() <= 0;
    }
}
