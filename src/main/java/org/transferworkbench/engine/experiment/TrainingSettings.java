package org.transferworkbench.engine.experiment;

import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.transferworkbench.engine.data.AugmentationSettings;
import org.transferworkbench.engine.data.ResizePolicy;
import org.transferworkbench.engine.data.SplitSpec;
import org.transferworkbench.engine.model.FreezePlan;
import org.transferworkbench.engine.model.HeadType;
import org.transferworkbench.engine.model.VggVariant;
import org.transferworkbench.engine.model.weights.WeightsChoice;
import org.transferworkbench.engine.model.weights.WeightsSource;
import org.transferworkbench.engine.training.Hyperparameters;
import org.transferworkbench.engine.training.Optimizer;

/**
 * The settings of one run as text, keyed by the {@code train} command's option names without "--" ("model",
 * "freeze", "lr", ...), and the one place that turns them into an {@link ExperimentRequest}. The command line,
 * study files and the window share it, so a setting means the same everywhere and has one default. Immutable.
 */
public final class TrainingSettings {
    private static final Map<String, String> DEFAULTS = defaultValues();

    private final Map<String, String> values;

    private TrainingSettings(Map<String, String> values) {
        this.values = Collections.unmodifiableMap(values);
    }

    /** Every setting at its default; "data" (the dataset folder) is empty and must be set. */
    public static TrainingSettings defaults() {
        return new TrainingSettings(new LinkedHashMap<>(DEFAULTS));
    }

    /** The default of one setting as text ("" when it has none), for help texts. */
    public static String defaultOf(String key) {
        requireKnown(key);
        return DEFAULTS.get(key);
    }

    public static List<String> keys() {
        return List.copyOf(DEFAULTS.keySet());
    }

    public static boolean isKnown(String key) {
        return DEFAULTS.containsKey(key);
    }

    /** A copy with one setting changed; null or blank text restores the default. */
    public TrainingSettings with(String key, String text) {
        requireKnown(key);
        Map<String, String> copy = new LinkedHashMap<>(values);
        copy.put(key, text == null || text.isBlank() ? DEFAULTS.get(key) : text.trim());
        return new TrainingSettings(copy);
    }

    public TrainingSettings withAll(Map<String, String> changes) {
        TrainingSettings result = this;
        for (Map.Entry<String, String> e : changes.entrySet()) {
            result = result.with(e.getKey(), e.getValue());
        }
        return result;
    }

    public String get(String key) {
        requireKnown(key);
        return values.get(key);
    }

    /** Every setting, in the vocabulary's order. */
    public Map<String, String> asMap() {
        return values;
    }

    /**
     * Parses and checks every setting.
     *
     * @throws IllegalArgumentException with one sentence naming the setting at fault
     */
    public ExperimentRequest toRequest() {
        if (get("data").isEmpty()) {
            throw new IllegalArgumentException("Choose a dataset folder (setting 'data').");
        }
        long seed = whole("seed");
        Hyperparameters hyper = new Hyperparameters(Optimizer.parse(get("optimizer")), decimal("lr"),
                decimal("momentum"), (int) whole("batch"), (int) whole("epochs"), decimal("weight-decay"), seed,
                (int) whole("patience"), decimal("conv-lr-factor"), flag("class-weights"));
        String reuse = get("reuse-split");
        return new ExperimentRequest(Path.of(get("data")), get("name").isEmpty() ? null : get("name"),
                VggVariant.parse(get("model")), (int) whole("input"), HeadType.parse(get("head")),
                (int) whole("hidden"), decimal("dropout"), FreezePlan.parse(get("freeze")), hyper, splitSpec(seed),
                reuse.isEmpty() ? null : Path.of(reuse), AugmentationSettings.parse(get("augment")), resizePolicy(),
                new WeightsChoice(WeightsSource.parse(get("weights")), flag("keep-imagenet-head"),
                        get("weights-url").isEmpty() ? null : get("weights-url")));
    }

    /**
     * The settings that give this request back through {@link #toRequest()}: how the window turns the choices in its
     * forms into the base of a study.
     */
    public static TrainingSettings of(ExperimentRequest r) {
        Hyperparameters h = r.hyper();
        SplitSpec s = r.split();
        Map<String, String> m = new LinkedHashMap<>();
        m.put("data", r.datasetRoot().toString());
        m.put("name", r.runName());
        m.put("model", r.variant().cliName());
        m.put("freeze", r.freezePlan().toString());
        m.put("input", Integer.toString(r.inputSize()));
        m.put("head", r.head().name().toLowerCase(Locale.ROOT));
        m.put("hidden", Integer.toString(r.compactHiddenUnits()));
        m.put("dropout", number(r.dropout()));
        m.put("epochs", Integer.toString(h.epochs()));
        m.put("batch", Integer.toString(h.batchSize()));
        m.put("optimizer", h.optimizer().name().toLowerCase(Locale.ROOT));
        m.put("lr", number(h.learningRate()));
        m.put("momentum", number(h.momentum()));
        m.put("weight-decay", number(h.weightDecay()));
        m.put("conv-lr-factor", number(h.convLearningRateFactor()));
        m.put("patience", Integer.toString(h.earlyStoppingPatience()));
        m.put("class-weights", Boolean.toString(h.classWeights()));
        m.put("seed", Long.toString(h.seed()));
        m.put("split", number(s.trainFraction()) + "," + number(s.validationFraction()) + ","
                + number(s.testFraction()));
        m.put("group", s.groupPattern() == null ? "" : s.groupPattern());
        m.put("reuse-split", r.reuseSplit() == null ? "" : r.reuseSplit().toString());
        m.put("augment", r.augmentation().toSpec());
        m.put("resize", r.resizePolicy() == ResizePolicy.LETTERBOX ? "letterbox" : "crop");
        m.put("weights", r.weights().source().cliText());
        m.put("weights-url", r.weights().baseUrl() == null ? "" : r.weights().baseUrl());
        m.put("keep-imagenet-head", Boolean.toString(r.weights().keepImagenetHead()));
        return defaults().withAll(m);
    }

    /** Shortest text that parses back to the same double. */
    private static String number(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e9 ? Long.toString((long) v) : Double.toString(v);
    }

    private SplitSpec splitSpec(long seed) {
        String[] parts = get("split").split(",");
        if (parts.length != 3) {
            throw new IllegalArgumentException("Setting 'split' takes three fractions, e.g. 0.7,0.15,0.15; got '"
                    + get("split") + "'.");
        }
        double[] f = new double[3];
        for (int i = 0; i < 3; i++) {
            f[i] = parseDecimal("split", parts[i].trim());
        }
        return new SplitSpec(f[0], f[1], f[2], seed, get("group").isEmpty() ? null : get("group"));
    }

    private ResizePolicy resizePolicy() {
        return switch (get("resize").toLowerCase(Locale.ROOT)) {
            case "crop", "center-crop", "centre-crop" -> ResizePolicy.SHORTER_SIDE_CENTER_CROP;
            case "letterbox", "pad" -> ResizePolicy.LETTERBOX;
            default -> throw new IllegalArgumentException("Setting 'resize' must be crop or letterbox; got '"
                    + get("resize") + "'.");
        };
    }

    private long whole(String key) {
        try {
            return Long.parseLong(get(key));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("Setting '" + key + "' must be a whole number; got '" + get(key)
                    + "'.", e);
        }
    }

    private double decimal(String key) {
        return parseDecimal(key, get(key));
    }

    private static double parseDecimal(String key, String text) {
        try {
            return Double.parseDouble(text);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("Setting '" + key + "' must be a number; got '" + text + "'.", e);
        }
    }

    private boolean flag(String key) {
        return switch (get(key).toLowerCase(Locale.ROOT)) {
            case "true", "yes", "on" -> true;
            case "false", "no", "off" -> false;
            default -> throw new IllegalArgumentException("Setting '" + key + "' must be true or false; got '"
                    + get(key) + "'.");
        };
    }

    private static void requireKnown(String key) {
        if (!DEFAULTS.containsKey(key)) {
            throw new IllegalArgumentException("Unknown setting '" + key + "'; the settings are "
                    + String.join(", ", DEFAULTS.keySet()) + ".");
        }
    }

    private static Map<String, String> defaultValues() {
        Map<String, String> d = new LinkedHashMap<>();
        d.put("data", "");
        d.put("name", "");
        d.put("model", "vgg16");
        d.put("freeze", "conv");
        d.put("input", "64");
        d.put("head", "compact");
        d.put("hidden", "256");
        d.put("dropout", "0.5");
        d.put("epochs", "10");
        d.put("batch", "16");
        d.put("optimizer", "adam");
        d.put("lr", "1e-3");
        d.put("momentum", "0.9");
        d.put("weight-decay", "0");
        d.put("conv-lr-factor", "1");
        d.put("patience", "5");
        d.put("class-weights", "false");
        d.put("seed", "42");
        d.put("split", "0.70,0.15,0.15");
        d.put("group", "");
        d.put("reuse-split", "");
        d.put("augment", "none");
        d.put("resize", "crop");
        d.put("weights", "random");
        d.put("weights-url", "");
        d.put("keep-imagenet-head", "false");
        return Collections.unmodifiableMap(d);
    }

    @Override
    public String toString() {
        return "TrainingSettings" + values;
    }
}
