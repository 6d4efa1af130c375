package org.transferworkbench.engine.export;

import java.util.List;

/** classes.json: the class names in the model's output order (index 0 first). */
public record ClassList(int formatVersion, List<String> classes) {

    public static final int FORMAT_VERSION = 1;
}
