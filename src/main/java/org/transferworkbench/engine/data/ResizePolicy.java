package org.transferworkbench.engine.data;

/** How a non-square image becomes the network's square input. */
public enum ResizePolicy {
    /** Scale the shorter side to the input size and cut the middle square: no distortion, edges lost. The default. */
    SHORTER_SIDE_CENTER_CROP,
    /** Scale the longer side to the input size and pad with the mean colour: nothing lost, which becomes 0 input. */
    LETTERBOX;

    public static ResizePolicy defaultPolicy() {
        return SHORTER_SIDE_CENTER_CROP;
    }
}
