package org.transferworkbench.ui.dataset;

import java.nio.file.Path;
import java.util.List;

/** One class of the imported dataset: its image count, its share of all images and a few sample images. */
public record ClassRow(String name, int count, double share, List<Path> samples) {
}
