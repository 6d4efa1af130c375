package org.transferworkbench.engine.model;

import java.util.List;
import java.util.Locale;

/** Per-layer output shape, parameter count and frozen/trainable state, with totals. */
public final class ModelSummary {

    public record Row(String layer, String group, String outputShape, long params, boolean frozen) { }

    private final VggLayout layout;
    private final FreezePlan plan;

    public ModelSummary(VggLayout layout, FreezePlan plan) {
        this.layout = layout;
        this.plan = plan;
    }

    public List<Row> rows() {
        return layout.layers().stream()
                .map(l -> new Row(l.name(), l.group().displayName(), l.shapeText(), l.paramCount(),
                        l.hasWeights() && plan.isFrozen(l.group())))
                .toList();
    }

    public long totalParams() {
        return layout.totalParams();
    }

    public long frozenParams() {
        return layout.frozenParams(plan);
    }

    public long trainableParams() {
        return totalParams() - frozenParams();
    }

    /** Parameters in the fully connected part plus the output layer: with the paper head, most of the model. */
    public long headParams() {
        return layout.layers().stream()
                .filter(l -> l.group().kind() != LayerGroup.Kind.CONV_BLOCK)
                .mapToLong(LayerSpec::paramCount).sum();
    }

    /** A fixed-width table for the terminal and text reports. */
    public String toText() {
        ModelSpec spec = layout.spec();
        StringBuilder sb = new StringBuilder();
        sb.append(String.format(Locale.ROOT, "%s (configuration %s), input 3x%dx%d, %s head, %d classes, freeze: %s%n",
                spec.variant(), spec.variant().paperConfiguration(), spec.inputSize(), spec.inputSize(),
                spec.head().name().toLowerCase(Locale.ROOT), spec.numClasses(), plan));
        sb.append(String.format(Locale.ROOT, "%-16s %-12s %-14s %14s  %s%n", "layer", "group", "output", "params",
                "state"));
        for (Row r : rows()) {
            String state = r.params() == 0 ? "" : r.frozen() ? "frozen" : "trainable";
            sb.append(String.format(Locale.ROOT, "%-16s %-12s %-14s %,14d  %s%n", r.layer(), r.group(),
                    r.outputShape(), r.params(), state));
        }
        sb.append(String.format(Locale.ROOT, "total %,d parameters: %,d trainable, %,d frozen; head %,d (%.1f%%)%n",
                totalParams(), trainableParams(), frozenParams(), headParams(),
                100.0 * headParams() / Math.max(1, totalParams())));
        sb.append(String.format(Locale.ROOT, "forward pass: %.2f G multiply-adds per image%n",
                layout.multiplyAddsPerImage() / 1e9));
        return sb.toString();
    }
}
