package org.transferworkbench.engine.model;

/**
 * What network to build: the VGG configuration, the square input size, the number of classes and the head.
 *
 * @param compactHiddenUnits size of the compact head's optional dense layer; 0 leaves it out
 * @param dropout            drop probability before each fully connected layer of the head (the paper uses 0.5)
 */
public record ModelSpec(VggVariant variant, int inputSize, int numClasses, HeadType head,
                        int compactHiddenUnits, double dropout) {

    public static final int MIN_INPUT = 32;
    public static final int MAX_INPUT = 224;
    public static final int PAPER_FC_UNITS = 4096;

    public ModelSpec {
        if (variant == null || head == null) {
            throw new IllegalArgumentException("Model and head must be given.");
        }
        if (inputSize < MIN_INPUT || inputSize > MAX_INPUT || inputSize % 32 != 0) {
            throw new IllegalArgumentException("Input size must be a multiple of 32 from " + MIN_INPUT + " to "
                    + MAX_INPUT + " (five 2x2 poolings halve it five times); got " + inputSize + ".");
        }
        if (numClasses < 2) {
            throw new IllegalArgumentException("A classifier needs at least 2 classes; got " + numClasses + ".");
        }
        if (compactHiddenUnits < 0) {
            throw new IllegalArgumentException("The compact head's dense layer cannot have a negative size.");
        }
        if (dropout < 0 || dropout >= 1) {
            throw new IllegalArgumentException("Dropout must be in [0, 1); got " + dropout + ".");
        }
    }

    public static ModelSpec compact(VggVariant variant, int inputSize, int numClasses) {
        return new ModelSpec(variant, inputSize, numClasses, HeadType.COMPACT, 256, 0.5);
    }

    public static ModelSpec paper(VggVariant variant, int inputSize, int numClasses) {
        return new ModelSpec(variant, inputSize, numClasses, HeadType.PAPER, 0, 0.5);
    }

    /** Side length of block5_pool's output. */
    public int finalFeatureSize() {
        return inputSize / 32;
    }
}
