package org.transferworkbench.engine.demo;

import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Composes one crop: plasma background, partial red cells cut by the crop edges, sometimes a stray platelet,
 * and the labelled cell near the centre. Neighbours appear in every class so that "has red cells" is no shortcut.
 */
final class CropRenderer {
    private static final double STRAY_PLATELET_CHANCE = 0.2;

    private final int size;

    CropRenderer(int size) {
        this.size = size;
    }

    BufferedImage render(CellType type, PhotoConditions photo, SplittableRandom r) {
        DensityField field = new DensityField(size);
        paintPlasma(field, photo.stains(), r);
        double unit = size * photo.magnification();
        double jitter = 0.06 * size;
        double centerX = size / 2.0 + Shading.between(r, -jitter, jitter);
        double centerY = size / 2.0 + Shading.between(r, -jitter, jitter);
        Cell main = Cell.create(type, centerX, centerY, unit, r);
        List<double[]> occupied = new ArrayList<>();
        occupied.add(new double[] {centerX, centerY, main.extent()});
        List<Cell> cells = new ArrayList<>(placeNeighbours(unit, occupied, r));
        if (type != CellType.PLATELET && r.nextDouble() < STRAY_PLATELET_CHANCE) {
            placeStrayPlatelet(unit, occupied, r, cells);
        }
        cells.add(main);
        for (Cell cell : cells) {
            cell.paint(field, photo.stains());
        }
        // Where this crop sat in its source photo decides which part of the photo's vignette it sees.
        double span = (Optics.PHOTO_SPAN - 1) * size;
        return Optics.develop(field, photo, r.nextDouble() * span, r.nextDouble() * span, r);
    }

    private void paintPlasma(DensityField field, StainPalette stains, SplittableRandom r) {
        ValueNoise unevenness = new ValueNoise(r, size, size / 3.0);
        for (int y = 0; y < size; y++) {
            for (int x = 0; x < size; x++) {
                field.add(x, y, stains.background(), 0.7 + 0.6 * unevenness.at(x, y));
            }
        }
    }

    private List<Cell> placeNeighbours(double unit, List<double[]> occupied, SplittableRandom r) {
        double[] main = occupied.get(0);
        int wanted = 1 + r.nextInt(4);
        List<Cell> neighbours = new ArrayList<>();
        for (int attempt = 0; attempt < 40 && neighbours.size() < wanted; attempt++) {
            double radius = unit * Shading.between(r, 0.22, 0.28);
            double angle = r.nextDouble() * 2 * Math.PI;
            double distance = main[2] + radius * Shading.between(r, 0.85, 1.05) + r.nextDouble() * 0.25 * size;
            double x = main[0] + distance * StrictMath.cos(angle);
            double y = main[1] + distance * StrictMath.sin(angle);
            if (!partlyVisible(x, y, radius) || overlaps(x, y, radius, occupied, 0.85)) {
                continue;
            }
            occupied.add(new double[] {x, y, radius});
            neighbours.add(new Erythrocyte(x, y, radius, r));
        }
        return neighbours;
    }

    private void placeStrayPlatelet(double unit, List<double[]> occupied, SplittableRandom r, List<Cell> cells) {
        for (int attempt = 0; attempt < 20; attempt++) {
            double x = Shading.between(r, 0.08, 0.92) * size;
            double y = Shading.between(r, 0.08, 0.92) * size;
            double radius = 0.1 * unit;
            if (!overlaps(x, y, radius, occupied, 1.0)) {
                occupied.add(new double[] {x, y, radius});
                cells.add(Platelet.stray(x, y, unit, r));
                return;
            }
        }
    }

    /** At least ~40% of the radius reaches into the crop, so a neighbour is a visible cut-off cell, not a sliver. */
    private boolean partlyVisible(double x, double y, double radius) {
        double nearestX = Math.max(0, Math.min(size, x));
        double nearestY = Math.max(0, Math.min(size, y));
        double dx = x - nearestX;
        double dy = y - nearestY;
        return Math.sqrt(dx * dx + dy * dy) < 0.6 * radius;
    }

    private static boolean overlaps(double x, double y, double radius, List<double[]> occupied, double tolerance) {
        for (double[] o : occupied) {
            double dx = x - o[0];
            double dy = y - o[1];
            if (Math.sqrt(dx * dx + dy * dy) < tolerance * (radius + o[2])) {
                return true;
            }
        }
        return false;
    }
}
