package org.transferworkbench.engine.demo;

import java.util.Locale;

/**
 * One image to render: its class, the source photo it is cropped from, and the seeds that make it reproducible.
 *
 * @param photo number of the source photo, unique across the whole set
 * @param crop  1-based number of the crop within its photo
 */
record CropSpec(CellType type, int photo, int crop, long photoSeed, long cropSeed) {

    String photoId() {
        return String.format(Locale.ROOT, "photo%03d", photo);
    }

    /** {@code <class>_<photo>_<k>.jpg}: the photo id sits between underscores so {@code _(photo\d+)_} finds the group. */
    String fileName() {
        return type.folderName() + "_" + photoId() + "_" + crop + "." + DatasetPlan.EXTENSION;
    }
}
