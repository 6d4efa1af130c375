package org.transferworkbench.engine.demo;

import java.util.SplittableRandom;

/**
 * Smoothly interpolated lattice noise in [0, 1]. The cell size picks the texture: about a pixel for granules,
 * a few pixels for chromatin clumps, tens of pixels for uneven plasma and illumination.
 */
final class ValueNoise {
    private final double cellSize;
    private final int columns;
    private final float[] values;
    private final double offsetX;
    private final double offsetY;

    ValueNoise(SplittableRandom r, int extent, double cellSize) {
        this.cellSize = cellSize;
        this.columns = (int) Math.ceil(extent / cellSize) + 3;
        this.values = new float[columns * columns];
        for (int i = 0; i < values.length; i++) {
            values[i] = (float) r.nextDouble();
        }
        this.offsetX = r.nextDouble() * cellSize;
        this.offsetY = r.nextDouble() * cellSize;
    }

    double at(double x, double y) {
        double gx = (x + offsetX) / cellSize;
        double gy = (y + offsetY) / cellSize;
        int ix = Math.max(0, Math.min(columns - 2, (int) Math.floor(gx)));
        int iy = Math.max(0, Math.min(columns - 2, (int) Math.floor(gy)));
        double fx = Shading.smoothstep(0, 1, gx - ix);
        double fy = Shading.smoothstep(0, 1, gy - iy);
        int i = iy * columns + ix;
        double top = values[i] + (values[i + 1] - values[i]) * fx;
        double bottom = values[i + columns] + (values[i + columns + 1] - values[i + columns]) * fx;
        return top + (bottom - top) * fy;
    }
}
