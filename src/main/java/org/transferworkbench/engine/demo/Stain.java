package org.transferworkbench.engine.demo;

import java.util.SplittableRandom;

/**
 * Optical density a stain adds per unit amount, per colour channel. Working in optical density (Beer-Lambert)
 * rather than blending colours makes overlapping cells darken the way real stained smears do.
 */
record Stain(double red, double green, double blue) {

    Stain scaled(double factor) {
        return new Stain(red * factor, green * factor, blue * factor);
    }

    /** Each channel varied by up to +-{@code amount}: batches of stain never match exactly. */
    Stain jittered(SplittableRandom r, double amount) {
        return new Stain(red * vary(r, amount), green * vary(r, amount), blue * vary(r, amount));
    }

    static Stain blend(Stain a, Stain b, double t) {
        return new Stain(a.red + (b.red - a.red) * t, a.green + (b.green - a.green) * t, a.blue + (b.blue - a.blue) * t);
    }

    private static double vary(SplittableRandom r, double amount) {
        return 1 + amount * (2 * r.nextDouble() - 1);
    }
}
