package org.transferworkbench.engine.demo;

import java.util.SplittableRandom;

/** One cell placed on a crop: its geometry is drawn when it is created, painting only adds stain density. */
interface Cell {

    /** Radius (pixels) of a circle around the placement point that contains the whole cell. */
    double extent();

    void paint(DensityField field, StainPalette stains);

    /**
     * @param unit image size times the photo's magnification; all cell dimensions are fractions of it so the
     *             set keeps its proportions at any image size
     */
    static Cell create(CellType type, double centerX, double centerY, double unit, SplittableRandom r) {
        return switch (type) {
            case ERYTHROCYTE -> new Erythrocyte(centerX, centerY, unit * Shading.between(r, 0.225, 0.275), r);
            case LYMPHOCYTE -> new Lymphocyte(centerX, centerY, unit, r);
            case NEUTROPHIL -> new Neutrophil(centerX, centerY, unit, r);
            case PLATELET -> new Platelet(centerX, centerY, unit, r);
        };
    }
}
