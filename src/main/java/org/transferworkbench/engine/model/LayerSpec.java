package org.transferworkbench.engine.model;

/**
 * One layer of a VGG network as the project defines it, independent of DL4J.
 *
 * @param outputShape channels-first shape of one sample's output: {c, h, w} or {units}
 * @param size        kernel size for convolutions, units for dense layers, window for pooling
 * @param inputWidth  channels or units coming in (0 for layers without weights)
 * @param width       channels or units going out
 */
public record LayerSpec(String name, LayerGroup group, Kind kind, int size, int inputWidth, int width,
                        long[] outputShape) {

    public enum Kind { CONVOLUTION, MAX_POOL, GLOBAL_AVG_POOL, DENSE, OUTPUT }

    public long paramCount() {
        return switch (kind) {
            case CONVOLUTION -> (long) size * size * inputWidth * width + width;
            case DENSE, OUTPUT -> (long) inputWidth * width + width;
            case MAX_POOL, GLOBAL_AVG_POOL -> 0;
        };
    }

    public boolean hasWeights() {
        return paramCount() > 0;
    }

    /** Multiply-adds of the forward pass for one sample, for throughput figures. */
    public long multiplyAdds() {
        return switch (kind) {
            case CONVOLUTION -> (long) size * size * inputWidth * width * outputShape[1] * outputShape[2];
            case DENSE, OUTPUT -> (long) inputWidth * width;
            case MAX_POOL, GLOBAL_AVG_POOL -> 0;
        };
    }

    public String shapeText() {
        StringBuilder sb = new StringBuilder();
        for (long d : outputShape) {
            sb.append(sb.length() == 0 ? "" : "x").append(d);
        }
        return sb.toString();
    }
}
