package org.transferworkbench.engine.demo;

import java.util.SplittableRandom;

/**
 * Platelet: a small ragged fragment with a pale purple rim (hyalomere) around dark purple granules (granulomere),
 * sometimes with one or two smaller fragments nearby as platelets clump on smears.
 */
final class Platelet implements Cell {
    private final RadialShape[] fragments;
    private final double centerX;
    private final double centerY;
    private final double extent;
    private final double rimDensity;
    private final double granuleDensity;
    private final ValueNoise granules;

    Platelet(double centerX, double centerY, double unit, SplittableRandom r) {
        this(centerX, centerY, unit * Shading.between(r, 0.075, 0.12), r, true);
    }

    /** A lone, smaller platelet lying among the other cells of a crop. */
    static Platelet stray(double centerX, double centerY, double unit, SplittableRandom r) {
        return new Platelet(centerX, centerY, unit * Shading.between(r, 0.05, 0.08), r, false);
    }

    private Platelet(double centerX, double centerY, double radius, SplittableRandom r, boolean mayClump) {
        this.centerX = centerX;
        this.centerY = centerY;
        int extra = mayClump && r.nextDouble() < 0.35 ? 1 + r.nextInt(2) : 0;
        this.fragments = new RadialShape[1 + extra];
        fragments[0] = RadialShape.random(r, centerX, centerY, radius, 0.22, 1.45);
        double reach = fragments[0].extent();
        for (int i = 1; i < fragments.length; i++) {
            double angle = r.nextDouble() * 2 * Math.PI;
            double distance = radius * Shading.between(r, 1.4, 2.1);
            RadialShape fragment = RadialShape.random(r, centerX + distance * StrictMath.cos(angle),
                    centerY + distance * StrictMath.sin(angle), radius * Shading.between(r, 0.35, 0.6), 0.25, 1.4);
            fragments[i] = fragment;
            reach = Math.max(reach, distance + fragment.extent());
        }
        this.extent = reach;
        this.rimDensity = Shading.between(r, 0.30, 0.50);
        this.granuleDensity = Shading.between(r, 0.9, 1.4);
        this.granules = new ValueNoise(r, (int) Math.ceil(2 * reach) + 2, Math.max(1.0, radius * 0.18));
    }

    @Override
    public double extent() {
        return extent;
    }

    @Override
    public void paint(DensityField field, StainPalette stains) {
        for (int y = field.clipLow(centerY - extent); y <= field.clipHigh(centerY + extent); y++) {
            for (int x = field.clipLow(centerX - extent); x <= field.clipHigh(centerX + extent); x++) {
                double px = x + 0.5;
                double py = y + 0.5;
                double cover = 0;
                double inner = 0;
                for (RadialShape fragment : fragments) {
                    cover = Math.max(cover, fragment.coverage(px, py, 1.2));
                    inner = Math.max(inner, Shading.smoothstep(0.85, 0.35, fragment.rho(px, py)));
                }
                if (cover <= 0) {
                    continue;
                }
                double g = Shading.smoothstep(0.35, 0.75, granules.at(px - centerX + extent, py - centerY + extent));
                field.add(x, y, stains.platelet(), rimDensity * cover + granuleDensity * g * inner * cover);
            }
        }
    }
}
