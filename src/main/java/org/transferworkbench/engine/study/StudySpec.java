package org.transferworkbench.engine.study;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.transferworkbench.engine.data.StratifiedGroupKFold;
import org.transferworkbench.engine.experiment.ExperimentRequest;
import org.transferworkbench.engine.experiment.TrainingSettings;

/**
 * What a study repeats: one or more arms (configurations), each trained once per seed and fold on one dataset.
 * Stored as study.json (see {@link StudySpecJson} for the file format, docs/STUDIES.md for users). Immutable.
 *
 * @param dataset absolute dataset folder
 * @param base    settings shared by every arm
 * @param folds   k of k-fold cross-validation; 0 = the ordinary train/validation/test split, made anew per seed
 */
public record StudySpec(String name, Path dataset, Map<String, String> base, List<StudyArm> arms, List<Long> seeds,
                        int folds) {
    /** The study sets these per repeat itself. */
    static final Set<String> STUDY_OWNED = Set.of("data", "seed", "reuse-split", "name");
    /** The same images must land in the same split for every arm, or arms cannot be compared pair by pair. */
    static final Set<String> SHARED_ONLY = Set.of("split", "group");
    static final int MAX_FOLDS = 20;

    public StudySpec {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("The study needs a \"name\".");
        }
        if (dataset == null || !Files.isDirectory(dataset)) {
            throw new IllegalArgumentException("The study's dataset folder " + dataset + " does not exist.");
        }
        base = Map.copyOf(base);
        arms = List.copyOf(arms);
        seeds = List.copyOf(seeds);
        checkSettings("\"base\"", base, false);
        if (arms.isEmpty()) {
            throw new IllegalArgumentException("The study needs at least one arm in \"arms\".");
        }
        Set<String> labels = new HashSet<>();
        for (StudyArm arm : arms) {
            if (arm.label() == null || arm.label().isBlank()) {
                throw new IllegalArgumentException("Every arm needs a \"label\".");
            }
            if (!labels.add(arm.label())) {
                throw new IllegalArgumentException("Two arms are labelled '" + arm.label() + "'; labels must differ.");
            }
            checkSettings("arm '" + arm.label() + "'", arm.settings(), true);
        }
        if (seeds.isEmpty()) {
            throw new IllegalArgumentException("The study needs at least one seed (\"seeds\": [1, 2, 3] or a count).");
        }
        if (new HashSet<>(seeds).size() != seeds.size()) {
            throw new IllegalArgumentException("The seeds " + seeds + " repeat a value; each seed must differ.");
        }
        if (folds != 0 && (folds < 2 || folds > MAX_FOLDS)) {
            throw new IllegalArgumentException("\"folds\" must be 0 (one train/validation/test split per seed) or "
                    + "from 2 to " + MAX_FOLDS + "; got " + folds + ".");
        }
        if (folds > 0) {
            new StratifiedGroupKFold(folds, 0, null, validationShare(TrainingSettings.defaults().withAll(base)));
        }
        // Every arm must make a valid request before the first repeat starts, not fail hours later.
        for (StudyArm arm : arms) {
            try {
                settings(base, arm, dataset, seeds.get(0)).toRequest();
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("Arm '" + arm.label() + "': " + e.getMessage(), e);
            }
        }
    }

    /** Base settings, then the arm's, then the study's own (dataset and seed). */
    public TrainingSettings settingsFor(StudyArm arm, long seed) {
        return settings(base, arm, dataset, seed);
    }

    // static: the compact constructor validates before the fields are assigned
    private static TrainingSettings settings(Map<String, String> base, StudyArm arm, Path dataset, long seed) {
        return TrainingSettings.defaults().withAll(base).withAll(arm.settings())
                .with("data", dataset.toString()).with("seed", Long.toString(seed));
    }

    /**
     * Under k-fold the test share is 1/k; validation keeps the share of train + validation that the "split"
     * setting gives it (0.15 / 0.85 by default).
     */
    static double validationShare(TrainingSettings settings) {
        var split = settings.with("data", "-").toRequest().split();
        return split.validationFraction() / (split.trainFraction() + split.validationFraction());
    }

    public StudyArm arm(String label) {
        return arms.stream().filter(a -> a.label().equals(label)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("The study has no arm '" + label + "'."));
    }

    /** Seeds times folds: how many runs one arm gets. */
    public int repeatsPerArm() {
        return seeds.size() * Math.max(1, folds);
    }

    private static void checkSettings(String where, Map<String, String> settings, boolean isArm) {
        for (String key : settings.keySet()) {
            if (!TrainingSettings.isKnown(key)) {
                throw new IllegalArgumentException("Unknown setting '" + key + "' in " + where + "; the settings are "
                        + String.join(", ", TrainingSettings.keys().stream()
                        .filter(k -> !STUDY_OWNED.contains(k)).toList()) + ".");
            }
            if (STUDY_OWNED.contains(key)) {
                throw new IllegalArgumentException("Setting '" + key + "' in " + where
                        + " is set by the study for each repeat; give the dataset as \"dataset\" and the seeds as "
                        + "\"seeds\".");
            }
            if (isArm && SHARED_ONLY.contains(key)) {
                throw new IllegalArgumentException("Setting '" + key + "' in " + where + " must be the same for every "
                        + "arm (put it in \"base\"), so that arms are compared on the same images.");
            }
        }
    }
}
