package org.transferworkbench.report;

import java.util.Locale;
import org.transferworkbench.engine.study.CurveBand;

/** What the shaded band around a mean curve shows. */
public enum BandKind {
    /** mean ± one sample standard deviation over the repeats */
    SD("±1 sd"),
    /** the lowest and highest repeat */
    MIN_MAX("min–max");

    private final String label;

    BandKind(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    double low(CurveBand b) {
        return this == SD ? b.mean() - b.sd() : b.min();
    }

    double high(CurveBand b) {
        return this == SD ? b.mean() + b.sd() : b.max();
    }

    public static BandKind parse(String text) {
        return switch (text.trim().toLowerCase(Locale.ROOT).replace("–", "-")) {
            case "sd", "std", "1sd" -> SD;
            case "minmax", "min-max", "range" -> MIN_MAX;
            default -> throw new IllegalArgumentException("The band must be sd or minmax; got '" + text + "'.");
        };
    }
}
