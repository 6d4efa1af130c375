package org.transferworkbench.engine.demo;

import java.util.SplittableRandom;

/**
 * Neutrophil: a large cell with lilac, finely granular cytoplasm and a nucleus of 3-5 purple lobes on a curved
 * chain joined by thin chromatin strands.
 */
final class Neutrophil implements Cell {
    private final RadialShape cell;
    private final RadialShape[] lobes;
    private final double strandWidth;
    private final double cytoplasmDensity;
    private final double nucleusDensity;
    private final ValueNoise granules;
    private final ValueNoise chromatin;

    Neutrophil(double centerX, double centerY, double unit, SplittableRandom r) {
        double cellRadius = unit * Shading.between(r, 0.32, 0.39);
        this.cell = RadialShape.random(r, centerX, centerY, cellRadius, 0.025, 1.08);
        int lobeCount = 3 + r.nextInt(3);
        double chainRadius = cellRadius * Shading.between(r, 0.30, 0.45);
        double span = Shading.between(r, 0.30, 0.42) * Math.PI * (lobeCount - 1);
        double start = r.nextDouble() * 2 * Math.PI;
        this.lobes = new RadialShape[lobeCount];
        for (int i = 0; i < lobeCount; i++) {
            double angle = start + span * i / (lobeCount - 1);
            double x = centerX + chainRadius * StrictMath.cos(angle) + cellRadius * Shading.between(r, -0.06, 0.06);
            double y = centerY + chainRadius * StrictMath.sin(angle) + cellRadius * Shading.between(r, -0.06, 0.06);
            lobes[i] = RadialShape.random(r, x, y, cellRadius * Shading.between(r, 0.19, 0.26), 0.08, 1.30);
        }
        this.strandWidth = Math.max(0.8, cellRadius * 0.05);
        this.cytoplasmDensity = Shading.between(r, 0.45, 0.70);
        this.nucleusDensity = Shading.between(r, 1.15, 1.55);
        int extent = (int) Math.ceil(2 * cell.extent()) + 2;
        this.granules = new ValueNoise(r, extent, Math.max(1.1, unit * 0.013));
        this.chromatin = new ValueNoise(r, extent, Math.max(1.6, unit * 0.03));
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
                double lx = px - cell.centerX + e;
                double ly = py - cell.centerY + e;
                double grain = 0.6 + 0.8 * granules.at(lx, ly);
                field.add(x, y, stains.neutrophilCytoplasm(), cytoplasmDensity * grain * cellCover);
                double nucleusCover = nucleusCover(px, py);
                double clumps = 0.7 + 0.6 * chromatin.at(lx, ly);
                field.add(x, y, stains.nucleus(), nucleusDensity * clumps * nucleusCover * cellCover);
            }
        }
    }

    private double nucleusCover(double px, double py) {
        double cover = 0;
        for (int i = 0; i < lobes.length; i++) {
            cover = Math.max(cover, lobes[i].coverage(px, py, 1.2));
            if (i > 0) {
                double d = Shading.distanceToSegment(px, py, lobes[i - 1].centerX, lobes[i - 1].centerY,
                        lobes[i].centerX, lobes[i].centerY);
                cover = Math.max(cover, Shading.smoothstep(strandWidth + 0.6, strandWidth - 0.6, d));
            }
        }
        return cover;
    }
}
