package org.transferworkbench.engine.demo;

import java.util.SplittableRandom;

/** Red cell: a pink biconcave disc, so thinner (paler) in the middle and densest just inside the rim. */
final class Erythrocyte implements Cell {
    private final RadialShape shape;
    private final double density;
    private final double pallorRadius;
    private final double pallorDepth;
    private final ValueNoise mottle;

    Erythrocyte(double centerX, double centerY, double radius, SplittableRandom r) {
        this.shape = RadialShape.random(r, centerX, centerY, radius, 0.035, 1.12);
        this.density = Shading.between(r, 0.80, 1.05);
        this.pallorRadius = Shading.between(r, 0.32, 0.52);
        this.pallorDepth = Shading.between(r, 0.45, 0.72);
        // Noise is sampled in cell-local coordinates so neighbours centred outside the crop need no special case.
        this.mottle = new ValueNoise(r, (int) Math.ceil(4 * radius) + 2, Math.max(2, radius / 5));
    }

    @Override
    public double extent() {
        return shape.extent();
    }

    @Override
    public void paint(DensityField field, StainPalette stains) {
        double e = shape.extent();
        for (int y = field.clipLow(shape.centerY - e); y <= field.clipHigh(shape.centerY + e); y++) {
            for (int x = field.clipLow(shape.centerX - e); x <= field.clipHigh(shape.centerX + e); x++) {
                double rho = shape.rho(x + 0.5, y + 0.5);
                double cover = shape.coverageAt(rho, 1.6);
                if (cover <= 0) {
                    continue;
                }
                double pallor = 1 - pallorDepth * (1 - Shading.smoothstep(pallorRadius * 0.4, pallorRadius + 0.3, rho));
                double rim = 1 + 0.18 * Shading.smoothstep(0.70, 0.95, rho);
                double texture = 0.92 + 0.16 * mottle.at(x - shape.centerX + 2 * shape.radius, y - shape.centerY + 2 * shape.radius);
                field.add(x, y, stains.erythrocyte(), density * pallor * rim * texture * cover);
            }
        }
    }
}
