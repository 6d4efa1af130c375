package org.transferworkbench.report.study;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.transferworkbench.engine.experiment.TrainingSettings;
import org.transferworkbench.engine.model.ModelSpec;
import org.transferworkbench.engine.runs.RunConfig;
import org.transferworkbench.engine.stats.ClassificationBootstrap;
import org.transferworkbench.engine.study.ArmSummary;
import org.transferworkbench.engine.study.StudyArm;
import org.transferworkbench.engine.study.StudyMetric;
import org.transferworkbench.engine.study.StudySpec;
import org.transferworkbench.engine.training.Hyperparameters;
import org.transferworkbench.report.document.ReportSection;
import org.transferworkbench.report.run.Fmt;
import org.transferworkbench.report.run.MethodsSection;
import org.transferworkbench.report.run.RunFacts;
import org.transferworkbench.report.run.TrainingSection;
import org.transferworkbench.report.run.WeightsOrigin;

/** The study's "Methods" paragraph in plain prose: design, arms, training, statistics, results, software. */
final class StudyMethodsSection {

    private StudyMethodsSection() {
    }

    static ReportSection of(StudyFacts facts) {
        return ReportSection.builder("methods", "Methods (for a paper)")
                .paragraph(design(facts))
                .paragraph(arms(facts))
                .paragraph(statistics(facts))
                .paragraph(results(facts))
                .paragraph("Generated from the study's and its runs' recorded files; check it against your own "
                        + "description of the data before use.")
                .build();
    }

    static String design(StudyFacts facts) {
        StudySpec spec = facts.results().spec();
        Optional<RunFacts> any = facts.representative();
        String classes = any.map(r -> String.format(Locale.ROOT, " (%d classes: %s; dataset fingerprint %s)",
                r.config().classNames().size(), String.join(", ", r.config().classNames()),
                Fmt.orNotRecorded(r.config().datasetFingerprint()))).orElse("");
        StringBuilder t = new StringBuilder(String.format(Locale.ROOT, "We compared %s on the image dataset in %s%s. ",
                spec.arms().size() == 1 ? "one configuration (\"" + spec.arms().get(0).label() + "\")"
                        : spec.arms().size() + " configurations (arms: " + quotedLabels(spec) + ")",
                spec.dataset(), classes));
        List<String> differing = StudySettings.differingKeys(spec);
        if (spec.arms().size() > 1) {
            t.append(differing.isEmpty() ? "The arms share every setting. "
                    : "The arms differ only in " + StudySettings.differences(spec, differing) + "; every other "
                    + "setting and the data splits were the same for all arms. ");
        }
        t.append(String.format(Locale.ROOT, "%s trained %s (%s).", spec.arms().size() == 1 ? "It was"
                : "Each arm was", spec.repeatsPerArm() == 1 ? "once" : spec.repeatsPerArm() + " times",
                repeatsText(spec))).append(' ');
        t.append(splitText(spec));
        return t.toString().strip();
    }

    private static String repeatsText(StudySpec spec) {
        boolean one = spec.seeds().size() == 1;
        String seeds = joined(spec.seeds().stream().map(String::valueOf).toList());
        if (spec.folds() == 0) {
            return one ? "with seed " + seeds : "once per seed; seeds " + seeds;
        }
        return "once per fold of a " + spec.folds() + "-fold cross-validation" + (one ? ", with seed " + seeds
                : ", repeated for seeds " + seeds);
    }

    static String splitText(StudySpec spec) {
        TrainingSettings base = TrainingSettings.defaults().withAll(spec.base());
        String group = base.get("group");
        String grouping = group == null || group.isEmpty() ? ""
                : ", keeping all images whose paths give the same group key for the regular expression " + group
                + " together";
        if (spec.folds() == 0) {
            var split = base.with("data", "-").toRequest().split();
            return String.format(Locale.ROOT, "For each seed the images were split anew into training, validation "
                            + "and test sets, stratified per class (%.0f / %.0f / %.0f %%)%s; the same seed gave the "
                            + "same split in every arm, so repeats are paired by seed.", 100 * split.trainFraction(),
                    100 * split.validationFraction(), 100 * split.testFraction(), grouping);
        }
        return String.format(Locale.ROOT, "For each seed the images were assigned to %d folds, stratified per class "
                + "%s; each fold served once as the test set, and a stratified validation set was taken from the "
                + "remaining folds. The same fold lists were used by every arm, so repeats are paired by seed and "
                + "fold.", spec.folds(), grouping.isEmpty() ? "(every image is its own group)"
                : "and group-aware" + grouping);
    }

    static String arms(StudyFacts facts) {
        StringBuilder t = new StringBuilder();
        for (StudyArm arm : facts.results().spec().arms()) {
            Optional<RunFacts> run = facts.representative(arm.label());
            if (run.isEmpty()) {
                t.append("Arm \"").append(arm.label()).append("\" has no run yet, so its network is described "
                        + "only by the settings table below. ");
                continue;
            }
            RunConfig c = run.get().config();
            ModelSpec m = c.modelSpec();
            Hyperparameters h = c.hyperparameters();
            t.append(String.format(Locale.ROOT, "Arm \"%s\" trained a %s network (configuration %s) on %d×%d-pixel "
                            + "inputs with %s, starting from %s; %s. It used %s with a learning rate of %s%s, batches "
                            + "of %d images and at most %d epoch%s; %s. ", arm.label(),
                    m.variant().cliName().toUpperCase(Locale.ROOT), m.variant().paperConfiguration(), m.inputSize(),
                    m.inputSize(), MethodsSection.headPhrase(m),
                    WeightsOrigin.of(c.weights(), run.get().weightLoad()).sentence(), c.parsedFreezePlan().describe(),
                    TrainingSection.optimiser(h), Fmt.number(h.learningRate()),
                    h.weightDecay() > 0 ? ", weight decay " + Fmt.number(h.weightDecay()) : "", h.batchSize(),
                    h.epochs(), h.epochs() == 1 ? "" : "s", h.earlyStoppingPatience() > 0
                            ? "training was set to stop early after " + h.earlyStoppingPatience()
                            + " epochs without an improvement of validation accuracy"
                            : "no early stopping"));
        }
        return t.append("In every run the model of the epoch with the best validation accuracy was kept and "
                + "evaluated once on the run's test set.").toString();
    }

    static String statistics(StudyFacts facts) {
        int resamples = facts.results().repeats().stream().filter(r -> r.bootstrap() != null)
                .mapToInt(r -> r.bootstrap().resamples()).findFirst()
                .orElse(ClassificationBootstrap.STANDARD_RESAMPLES);
        return String.format(Locale.ROOT, "For each arm we report the mean ± sample standard deviation over its "
                + "repeats of test accuracy, balanced accuracy and macro-F1 (the run-to-run variation), and a typical "
                + "95%% confidence interval: each repeat's percentile bootstrap interval over its own test images "
                + "(%d resamples, fixed seed), averaged bound by bound over the repeats; pooling the repeats' "
                + "predictions instead would count an image once per repeat and give intervals that are too "
                + "narrow.%s", resamples, comparison(facts.results().spec()));
    }

    private static String comparison(StudySpec spec) {
        if (spec.arms().size() < 2) {
            return "";
        }
        return String.format(Locale.ROOT, " Arms were compared pair by pair on each figure with a two-sided "
                + "paired t-test over the repeats paired by %s, with a t-based 95%% interval of the mean "
                + "difference; a difference is called beyond the run-to-run noise only when that interval excludes "
                + "zero and the mean difference also exceeds the pooled standard deviation of the two arms over "
                + "repeats (the noise of a single run).",
                spec.folds() == 0 ? "seed" : "seed and fold");
    }

    static String results(StudyFacts facts) {
        StringBuilder t = new StringBuilder();
        for (ArmSummary arm : facts.results().arms()) {
            if (arm.finished() == 0) {
                t.append("Arm \"").append(arm.arm()).append("\" has no finished repeat. ");
                continue;
            }
            t.append(String.format(Locale.ROOT, "Arm \"%s\" (%d of %d repeats) reached a test accuracy of %s, a "
                            + "balanced accuracy of %s and a macro-F1 of %s (mean ± sd [typical 95%% CI]). ",
                    arm.arm(), arm.finished(), arm.planned(), arm.describe(StudyMetric.ACCURACY),
                    arm.describe(StudyMetric.BALANCED_ACCURACY), arm.describe(StudyMetric.MACRO_F1)));
        }
        facts.results().comparisons().stream().filter(c -> c.metric() == StudyMetric.ACCURACY)
                .forEach(c -> t.append("Accuracy, \"").append(c.armB()).append("\" against \"").append(c.armA())
                        .append("\" over ").append(c.pairs().size()).append(" pairs: ").append(c.verdictNamed())
                        .append(' '));
        Map<String, String> env = facts.representative().map(r -> r.config().environment()).orElse(null);
        t.append(env == null ? "The software versions were not recorded. " : MethodsSection.software(env));
        return t.toString().strip();
    }

    private static String quotedLabels(StudySpec spec) {
        return joined(spec.arms().stream().map(a -> "\"" + a.label() + "\"").toList());
    }

    static String joined(List<String> parts) {
        if (parts.size() <= 1) {
            return String.join("", parts);
        }
        return String.join(", ", new ArrayList<>(parts.subList(0, parts.size() - 1))) + " and "
                + parts.get(parts.size() - 1);
    }
}
