package org.transferworkbench.engine.demo;

/** Small numeric helpers shared by the painters; kept free of transcendental calls so results are exact everywhere. */
final class Shading {
    private Shading() {
    }

    static double clamp01(double v) {
        return v < 0 ? 0 : (v > 1 ? 1 : v);
    }

    /** Hermite step from 0 at {@code edge0} to 1 at {@code edge1}; used for soft, anti-aliased edges. */
    static double smoothstep(double edge0, double edge1, double x) {
        double t = clamp01((x - edge0) / (edge1 - edge0));
        return t * t * (3 - 2 * t);
    }

    static double between(java.util.SplittableRandom r, double low, double high) {
        return low + (high - low) * r.nextDouble();
    }

    /** Distance from (px, py) to the segment a-b; gives the thin chromatin bridges between nuclear lobes. */
    static double distanceToSegment(double px, double py, double ax, double ay, double bx, double by) {
        double dx = bx - ax;
        double dy = by - ay;
        double lengthSquared = dx * dx + dy * dy;
        double t = lengthSquared == 0 ? 0 : clamp01(((px - ax) * dx + (py - ay) * dy) / lengthSquared);
        double ex = px - (ax + t * dx);
        double ey = py - (ay + t * dy);
        return Math.sqrt(ex * ex + ey * ey);
    }
}
