package org.transferworkbench.engine.model.weights;

import java.util.List;
import java.util.Map;

/**
 * VGG's forward pass computed in plain Java straight from Keras-layout arrays (HWIO kernels, channels-last
 * activations, channels-last flatten), so that it shares nothing with the mapper's conversions or with DL4J.
 */
final class KerasReference {

    /** Activations of one image: [h][w][c] flattened channels-last. */
    record Activation(int side, int channels, float[] data) {
    }

    private KerasReference() {
    }

    static Activation conv3x3Relu(Activation in, KerasH5Writer.Array kernel, KerasH5Writer.Array bias) {
        int s = in.side();
        int ci = in.channels();
        int co = (int) kernel.shape()[3];
        float[] k = kernel.data();
        float[] out = new float[s * s * co];
        for (int y = 0; y < s; y++) {
            for (int x = 0; x < s; x++) {
                int o = (y * s + x) * co;
                System.arraycopy(bias.data(), 0, out, o, co);
                for (int ky = 0; ky < 3; ky++) {
                    int iy = y + ky - 1;
                    if (iy < 0 || iy >= s) {
                        continue;
                    }
                    for (int kx = 0; kx < 3; kx++) {
                        int ix = x + kx - 1;
                        if (ix < 0 || ix >= s) {
                            continue;
                        }
                        for (int c = 0; c < ci; c++) {
                            float a = in.data()[(iy * s + ix) * ci + c];
                            int kb = ((ky * 3 + kx) * ci + c) * co;
                            for (int j = 0; j < co; j++) {
                                out[o + j] += a * k[kb + j];
                            }
                        }
                    }
                }
                for (int j = 0; j < co; j++) {
                    out[o + j] = Math.max(0, out[o + j]);
                }
            }
        }
        return new Activation(s, co, out);
    }

    static Activation maxPool(Activation in) {
        int s = in.side() / 2;
        int c = in.channels();
        float[] out = new float[s * s * c];
        for (int y = 0; y < s; y++) {
            for (int x = 0; x < s; x++) {
                for (int j = 0; j < c; j++) {
                    float m = Float.NEGATIVE_INFINITY;
                    for (int dy = 0; dy < 2; dy++) {
                        for (int dx = 0; dx < 2; dx++) {
                            m = Math.max(m, in.data()[((2 * y + dy) * in.side() + 2 * x + dx) * c + j]);
                        }
                    }
                    out[(y * s + x) * c + j] = m;
                }
            }
        }
        return new Activation(s, c, out);
    }

    /** Dense layer over a vector (a channels-last flatten is just the activation array as it is). */
    static float[] dense(float[] in, KerasH5Writer.Array kernel, KerasH5Writer.Array bias, boolean relu) {
        int n = (int) kernel.shape()[1];
        float[] out = bias.data().clone();
        for (int i = 0; i < in.length; i++) {
            for (int j = 0; j < n; j++) {
                out[j] += in[i] * kernel.data()[i * n + j];
            }
        }
        if (relu) {
            for (int j = 0; j < n; j++) {
                out[j] = Math.max(0, out[j]);
            }
        }
        return out;
    }

    static float[] softmax(float[] z) {
        double max = Double.NEGATIVE_INFINITY;
        for (float v : z) {
            max = Math.max(max, v);
        }
        double sum = 0;
        double[] e = new double[z.length];
        for (int i = 0; i < z.length; i++) {
            e[i] = Math.exp(z[i] - max);
            sum += e[i];
        }
        float[] out = new float[z.length];
        for (int i = 0; i < z.length; i++) {
            out[i] = (float) (e[i] / sum);
        }
        return out;
    }

    /** Runs the conv blocks in the order of {@code layers}; layer names with "pool" pool, others convolve. */
    static Activation convBlocks(Activation image, Map<String, List<KerasH5Writer.Array>> layers) {
        Activation a = image;
        for (Map.Entry<String, List<KerasH5Writer.Array>> e : layers.entrySet()) {
            if (e.getKey().contains("_pool")) {
                a = maxPool(a);
            } else if (e.getKey().contains("_conv")) {
                a = conv3x3Relu(a, e.getValue().get(0), e.getValue().get(1));
            }
        }
        return a;
    }
}
