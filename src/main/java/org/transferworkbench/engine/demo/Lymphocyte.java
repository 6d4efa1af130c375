package org.transferworkbench.engine.demo;

import java.util.SplittableRandom;

/** Small lymphocyte: a dense, clumped purple nucleus filling most of the cell and a thin pale-blue cytoplasm rim. */
final class Lymphocyte implements Cell {
    private final RadialShape cell;
    private final RadialShape nucleus;
    private final double cytoplasmDensity;
    private final double nucleusDensity;
    private final ValueNoise chromatin;

    Lymphocyte(double centerX, double centerY, double unit, SplittableRandom r) {
        // About one in five is a large lymphocyte: neutrophil-sized, more cytoplasm, so size alone cannot decide.
        boolean large = r.nextDouble() < 0.2;
        double cellRadius = unit * (large ? Shading.between(r, 0.29, 0.34) : Shading.between(r, 0.23, 0.29));
        this.cell = RadialShape.random(r, centerX, centerY, cellRadius, 0.03, 1.08);
        double nucleusRadius = cellRadius * (large ? Shading.between(r, 0.62, 0.74) : Shading.between(r, 0.74, 0.88));
        // The nucleus is rarely centred: an eccentric nucleus leaves a crescent of cytoplasm on one side.
        double angle = r.nextDouble() * 2 * Math.PI;
        double shift = (cellRadius - nucleusRadius) * Shading.between(r, 0.2, 0.8);
        this.nucleus = RadialShape.random(r, centerX + shift * StrictMath.cos(angle), centerY + shift * StrictMath.sin(angle),
                nucleusRadius, 0.07, 1.10);
        this.cytoplasmDensity = Shading.between(r, 0.35, 0.65);
        this.nucleusDensity = Shading.between(r, 1.25, 1.65);
        this.chromatin = new ValueNoise(r, (int) Math.ceil(2 * cell.extent()) + 2, Math.max(1.6, unit * 0.028));
    }

    @Override
    public double extent() {
        return cell.extent();
    }

    @Override
    public void paint(DensityField field, StainPalette stains) {
        double e = cell.extent();
        for (int y = field.clipLow(cell.centerY - e); y <= field.clipHigh(cell.centerY + e); y++) {
            for (int x = field.clipLow(cell.centerX - e); x <= field.clipHigh(cell.centerX + e); x++) {
                double px = x + 0.5;
                double py = y + 0.5;
                double cellCover = cell.coverage(px, py, 1.4);
                if (cellCover <= 0) {
                    continue;
                }
                double nucleusCover = nucleus.coverage(px, py, 1.2);
                field.add(x, y, stains.lymphocyteCytoplasm(), cytoplasmDensity * cellCover * (1 - 0.6 * nucleusCover));
                double clumps = 0.65 + 0.7 * chromatin.at(px - cell.centerX + e, py - cell.centerY + e);
                field.add(x, y, stains.nucleus(), nucleusDensity * clumps * nucleusCover);
            }
        }
    }
}
