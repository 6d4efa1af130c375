package org.transferworkbench.engine.export;

import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import org.transferworkbench.engine.data.ImagePreprocessor;
import org.transferworkbench.engine.data.ResizePolicy;

/**
 * preprocessing.json: how a bundle's model wants its input, written out in full so a program in another
 * language can reproduce it. A bundle is read back through this file alone, never through the run's config.
 *
 * @param resizePolicy   {@code SHORTER_SIDE_CENTER_CROP} or {@code LETTERBOX}
 * @param channelOrder   channel order of the tensor's planes, always {@code BGR}
 * @param layout         tensor layout, always {@code NCHW} (channels first)
 * @param meanBgr        subtracted from each channel's 0..255 value, in {@code channelOrder}
 * @param valueRange     the pixel scale before the means are subtracted
 * @param interpolation  how the image is scaled to the input size
 * @param letterboxFill  the RGB colour the letterbox pads with (unused for the centre crop)
 */
public record PreprocessingSpec(int formatVersion, int inputSize, ResizePolicy resizePolicy, String channelOrder,
                                String layout, List<Double> meanBgr, String valueRange, String interpolation,
                                List<Integer> letterboxFill, String description) {

    public static final int FORMAT_VERSION = 1;
    static final String BGR = "BGR";
    static final String NCHW = "NCHW";
    static final String RANGE = "0-255";
    static final String INTERPOLATION = "bilinear; reductions of 2x or more first halve the image step by step "
            + "(2x2 averages), then one bilinear step to the input size";

    public static PreprocessingSpec of(int inputSize, ResizePolicy policy) {
        float[] m = ImagePreprocessor.VGG_MEAN_BGR;
        // Floats widened through their decimal text, so the JSON shows 103.939, not 103.93900299072266.
        List<Double> means = List.of(Double.valueOf(Float.toString(m[0])), Double.valueOf(Float.toString(m[1])),
                Double.valueOf(Float.toString(m[2])));
        int[] fill = ImagePreprocessor.meanColourRgb();
        String resize = policy == ResizePolicy.LETTERBOX
                ? "scale the longer side to " + inputSize + " px, centre the image on an " + inputSize + "x"
                        + inputSize + " canvas filled with letterboxFill (RGB)"
                : "scale the shorter side to " + inputSize + " px, keep the centred " + inputSize + "x" + inputSize
                        + " square";
        String text = "Decode to RGB (grey to 3 channels, alpha composited on white, EXIF orientation applied); "
                + resize + "; tensor [1, 3, " + inputSize + ", " + inputSize + "] float32, planes B, G, R, each "
                + "value = 0..255 pixel value minus meanBgr of its channel; no division by a standard deviation.";
        return new PreprocessingSpec(FORMAT_VERSION, inputSize, policy, BGR, NCHW, means, RANGE, INTERPOLATION,
                List.of(fill[0], fill[1], fill[2]), text);
    }

    /**
     * The preprocessor this spec describes. Only the input size and the resize policy vary between models; the
     * rest is checked, so a bundle that asks for something else is refused rather than fed the wrong pixels.
     */
    public ImagePreprocessor toPreprocessor() throws IOException {
        if (formatVersion != FORMAT_VERSION) {
            throw new IOException("preprocessing.json has format version " + formatVersion
                    + ", which this version of the Workbench cannot read (it reads version " + FORMAT_VERSION + ").");
        }
        if (inputSize <= 0 || resizePolicy == null) {
            throw new IOException("preprocessing.json needs a positive inputSize and a resizePolicy.");
        }
        PreprocessingSpec expected = of(inputSize, resizePolicy);
        if (!BGR.equals(channelOrder) || !NCHW.equals(layout) || !RANGE.equals(valueRange)
                || !sameMeans(expected.meanBgr) || !expected.letterboxFill.equals(letterboxFill)) {
            throw new IOException("preprocessing.json asks for channel order " + channelOrder + ", layout " + layout
                    + ", range " + valueRange + ", means " + meanBgr + " and fill " + letterboxFill
                    + "; this version of the Workbench produces only " + BGR + ", " + NCHW + ", " + RANGE
                    + ", means " + expected.meanBgr + " and fill " + expected.letterboxFill + ".");
        }
        return new ImagePreprocessor(inputSize, resizePolicy);
    }

    private boolean sameMeans(List<Double> expected) {
        if (meanBgr == null || meanBgr.size() != 3) {
            return false;
        }
        double[] a = meanBgr.stream().mapToDouble(Double::doubleValue).toArray();
        double[] b = expected.stream().mapToDouble(Double::doubleValue).toArray();
        return Arrays.equals(a, b);
    }
}
