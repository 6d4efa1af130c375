package org.transferworkbench.ui.model;

import org.transferworkbench.engine.model.LayerGroup;

/**
 * A row of the network table: a group (block, head, output) or one layer in it.
 *
 * @param group the layer group this row is or belongs to
 */
public record LayerItem(String name, String outputShape, long params, LayerGroup group, boolean isGroup) {
}
