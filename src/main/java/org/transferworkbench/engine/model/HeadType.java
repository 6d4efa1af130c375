package org.transferworkbench.engine.model;

import java.util.Locale;

/** The classifier on top of the convolution blocks. */
public enum HeadType {
    /** The paper's head: fc1 4096, fc2 4096 (dropout 0.5 each), softmax. Tied to the input size. */
    PAPER,
    /** Global average pooling after block5_pool, an optional dense layer, softmax. Any input size, few parameters. */
    COMPACT;

    public static HeadType parse(String s) {
        try {
            return valueOf(s.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("Unknown head '" + s + "'; choose paper or compact.", e);
        }
    }
}
