package org.transferworkbench.engine.demo;

import java.util.SplittableRandom;

/**
 * The stains of one slide photo (Wright-Giemsa-like). Drawn once per photo so that all crops of a photo share
 * their colours, as crops of one real photograph would.
 */
record StainPalette(
        Stain background,
        Stain erythrocyte,
        Stain nucleus,
        Stain lymphocyteCytoplasm,
        Stain neutrophilCytoplasm,
        Stain granule,
        Stain platelet) {

    static StainPalette random(SplittableRandom r) {
        double strength = Shading.between(r, 0.85, 1.15);
        // Slides range from bluish to magenta nuclei depending on buffer pH; one number moves all of them.
        double ph = r.nextDouble();
        return new StainPalette(
                new Stain(0.03, 0.10, 0.12).jittered(r, 0.35).scaled(Shading.between(r, 0.7, 1.3)),
                new Stain(0.10, 0.62, 0.45).jittered(r, 0.12).scaled(strength),
                Stain.blend(new Stain(0.72, 0.95, 0.26), new Stain(0.52, 1.00, 0.34), ph).jittered(r, 0.08).scaled(strength),
                new Stain(0.55, 0.30, 0.10).jittered(r, 0.15).scaled(strength),
                Stain.blend(new Stain(0.22, 0.42, 0.18), new Stain(0.16, 0.45, 0.24), ph).jittered(r, 0.12).scaled(strength),
                new Stain(0.30, 0.62, 0.22).jittered(r, 0.12).scaled(strength),
                new Stain(0.48, 0.82, 0.26).jittered(r, 0.10).scaled(strength));
    }
}
