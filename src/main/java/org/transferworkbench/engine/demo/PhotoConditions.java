package org.transferworkbench.engine.demo;

import java.util.SplittableRandom;

/**
 * Everything a source photo imposes on its crops: stains, white balance, illumination fall-off, focus, sensor
 * noise and magnification. Shared by the 2-4 crops of a photo, which is what makes grouped splits matter.
 *
 * @param vignette     brightness lost at the photo corners, 0..1
 * @param tilt         strength of a linear illumination gradient across the photo
 * @param tiltAngle    direction of that gradient, radians
 * @param blurSigma    Gaussian blur in pixels (focus)
 * @param noiseSigma   sensor noise, standard deviation in 8-bit grey levels
 * @param magnification scale of every cell in the photo relative to nominal
 */
record PhotoConditions(
        StainPalette stains,
        double whiteRed,
        double whiteGreen,
        double whiteBlue,
        double vignette,
        double tilt,
        double tiltAngle,
        double blurSigma,
        double noiseSigma,
        double magnification) {

    static PhotoConditions random(SplittableRandom r) {
        StainPalette stains = StainPalette.random(r);
        double warmth = Shading.between(r, -1, 1);
        return new PhotoConditions(
                stains,
                1.0 - 0.03 * Math.max(0, -warmth),
                Shading.between(r, 0.96, 1.0),
                1.0 - 0.08 * Math.max(0, warmth),
                Shading.between(r, 0.06, 0.28),
                Shading.between(r, 0.0, 0.10),
                Shading.between(r, 0, 2 * Math.PI),
                // Most photos are sharp; some were taken slightly out of focus.
                r.nextDouble() < 0.15 ? Shading.between(r, 0.9, 1.4) : Shading.between(r, 0.35, 0.85),
                Shading.between(r, 1.5, 3.5),
                Shading.between(r, 0.92, 1.08));
    }
}
