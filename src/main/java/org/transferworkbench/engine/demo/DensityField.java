package org.transferworkbench.engine.demo;

/** Accumulated optical density per pixel and channel for one square crop; cells add, optics turns it into light. */
final class DensityField {
    final int size;
    final float[] red;
    final float[] green;
    final float[] blue;

    DensityField(int size) {
        this.size = size;
        this.red = new float[size * size];
        this.green = new float[size * size];
        this.blue = new float[size * size];
    }

    void add(int x, int y, Stain stain, double amount) {
        if (amount <= 0) {
            return;
        }
        int i = y * size + x;
        red[i] += (float) (stain.red() * amount);
        green[i] += (float) (stain.green() * amount);
        blue[i] += (float) (stain.blue() * amount);
    }

    /** Lowest pixel index of a bounding box, clipped to the field. */
    int clipLow(double v) {
        return Math.max(0, (int) Math.floor(v));
    }

    /** Highest pixel index (inclusive) of a bounding box, clipped to the field. */
    int clipHigh(double v) {
        return Math.min(size - 1, (int) Math.ceil(v));
    }
}
