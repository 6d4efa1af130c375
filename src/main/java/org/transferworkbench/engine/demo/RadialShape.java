package org.transferworkbench.engine.demo;

import java.util.SplittableRandom;

/**
 * A closed blob: an ellipse whose radius is perturbed by a few low harmonics. Enough to make round cells
 * slightly dented and platelets ragged. Per pixel it uses only + - * / and sqrt (harmonics by angle addition,
 * no trigonometry), which is fast and gives identical pixels on every JVM and CPU.
 */
final class RadialShape {
    private static final int HARMONICS = 4;

    final double centerX;
    final double centerY;
    final double radius;
    private final double elongation;
    private final double cos;
    private final double sin;
    private final double[] amplitudes;
    private final double[] phaseCos;
    private final double[] phaseSin;
    private final double extent;

    private RadialShape(double centerX, double centerY, double radius, double elongation, double orientation,
                        double[] amplitudes, double[] phases) {
        this.centerX = centerX;
        this.centerY = centerY;
        this.radius = radius;
        this.elongation = elongation;
        this.cos = StrictMath.cos(orientation);
        this.sin = StrictMath.sin(orientation);
        this.amplitudes = amplitudes;
        this.phaseCos = new double[phases.length];
        this.phaseSin = new double[phases.length];
        double sum = 1;
        for (int k = 0; k < phases.length; k++) {
            phaseCos[k] = StrictMath.cos(phases[k]);
            phaseSin[k] = StrictMath.sin(phases[k]);
            sum += amplitudes[k];
        }
        this.extent = radius * sum * elongation + 1;
    }

    /**
     * @param irregularity  largest relative amplitude of each harmonic (k = 2..5; k = 1 would only shift the blob)
     * @param maxElongation largest ratio of the long to the short axis
     */
    static RadialShape random(SplittableRandom r, double centerX, double centerY, double radius,
                              double irregularity, double maxElongation) {
        double[] amplitudes = new double[HARMONICS];
        double[] phases = new double[HARMONICS];
        for (int k = 0; k < HARMONICS; k++) {
            // Higher harmonics get weaker so edges stay smooth rather than spiky.
            amplitudes[k] = irregularity * r.nextDouble() / (1 + 0.5 * k);
            phases[k] = r.nextDouble() * 2 * Math.PI;
        }
        double elongation = Shading.between(r, 1.0, maxElongation);
        return new RadialShape(centerX, centerY, radius, elongation, r.nextDouble() * Math.PI, amplitudes, phases);
    }

    /** Radius of a circle that surely contains the shape. */
    double extent() {
        return extent;
    }

    /** Distance from the centre relative to the boundary in that direction: 0 centre, 1 on the edge. */
    double rho(double x, double y) {
        double dx = x - centerX;
        double dy = y - centerY;
        double u = (dx * cos + dy * sin) / elongation;
        double v = -dx * sin + dy * cos;
        double distance = Math.sqrt(u * u + v * v);
        if (distance == 0) {
            return 0;
        }
        double c1 = u / distance;
        double s1 = v / distance;
        // cos(2θ), sin(2θ), then each next harmonic by angle addition.
        double ck = c1 * c1 - s1 * s1;
        double sk = 2 * s1 * c1;
        double boundary = 1;
        for (int k = 0; k < HARMONICS; k++) {
            boundary += amplitudes[k] * (ck * phaseCos[k] - sk * phaseSin[k]);
            double next = ck * c1 - sk * s1;
            sk = sk * c1 + ck * s1;
            ck = next;
        }
        return distance / (radius * boundary);
    }

    /** 1 inside, 0 outside, ramping over about {@code edgePixels} at the boundary: anti-aliasing and a soft membrane. */
    double coverage(double x, double y, double edgePixels) {
        double dx = x - centerX;
        double dy = y - centerY;
        double reach = extent + edgePixels;
        if (dx * dx + dy * dy > reach * reach) {
            return 0;
        }
        return coverageAt(rho(x, y), edgePixels);
    }

    /** As {@link #coverage} for a {@link #rho} already computed. */
    double coverageAt(double rho, double edgePixels) {
        double signedDistance = (1 - rho) * radius;
        return Shading.smoothstep(-edgePixels / 2, edgePixels / 2, signedDistance);
    }
}
