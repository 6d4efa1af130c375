package org.transferworkbench.engine.model;

/** The part of the network a layer belongs to, which is the unit a {@link FreezePlan} freezes. */
public record LayerGroup(Kind kind, int block) {

    public enum Kind { INPUT, CONV_BLOCK, FULLY_CONNECTED, OUTPUT }

    public static final LayerGroup INPUT = new LayerGroup(Kind.INPUT, 0);
    public static final LayerGroup FULLY_CONNECTED = new LayerGroup(Kind.FULLY_CONNECTED, 0);
    public static final LayerGroup OUTPUT = new LayerGroup(Kind.OUTPUT, 0);

    public static LayerGroup block(int block) {
        return new LayerGroup(Kind.CONV_BLOCK, block);
    }

    /** Display name: "block3", "fc", "predictions", "input". */
    public String displayName() {
        return switch (kind) {
            case INPUT -> "input";
            case CONV_BLOCK -> "block" + block;
            case FULLY_CONNECTED -> "fc";
            case OUTPUT -> "predictions";
        };
    }
}
