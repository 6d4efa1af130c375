package org.transferworkbench.engine.demo;

import java.util.Locale;

/** The four blood-cell classes of the demo set; the folder name is the label a user sees. */
enum CellType {
    ERYTHROCYTE, LYMPHOCYTE, NEUTROPHIL, PLATELET;

    String folderName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
