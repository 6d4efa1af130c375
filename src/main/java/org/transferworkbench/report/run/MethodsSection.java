package org.transferworkbench.report.run;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.transferworkbench.engine.data.Split;
import org.transferworkbench.engine.data.SplitManifest;
import org.transferworkbench.engine.eval.EvaluationReport;
import org.transferworkbench.engine.model.FreezePlan;
import org.transferworkbench.engine.model.ModelSpec;
import org.transferworkbench.engine.model.ModelSummary;
import org.transferworkbench.engine.model.VggLayout;
import org.transferworkbench.engine.runs.RunConfig;
import org.transferworkbench.engine.runs.RunStatus;
import org.transferworkbench.engine.stats.BootstrapSummary;
import org.transferworkbench.engine.training.Hyperparameters;
import org.transferworkbench.report.document.ReportSection;

/** A "Methods" paragraph in plain prose, to paste into a paper and edit. */
public final class MethodsSection {

    private MethodsSection() {
    }

    static ReportSection of(RunFacts facts, EvaluationSection.Intervals intervals) {
        return ReportSection.builder("methods", "Methods (for a paper)")
                .paragraph(text(facts, intervals.summary()))
                .paragraph("Generated from the run's recorded files; check it against your own description of the "
                        + "data before use.")
                .build();
    }

    static String text(RunFacts facts, Optional<BootstrapSummary> ci) {
        RunConfig c = facts.config();
        ModelSpec spec = c.modelSpec();
        FreezePlan plan = c.parsedFreezePlan();
        Hyperparameters h = c.hyperparameters();
        ModelSummary summary = new ModelSummary(VggLayout.of(spec), plan);
        Map<String, String> env = c.environment() == null ? Map.of() : c.environment();
        StringBuilder t = new StringBuilder();
        t.append(String.format(Locale.ROOT, "We trained a %s network (Simonyan & Zisserman, 2015; configuration %s) on "
                        + "%d×%d-pixel RGB inputs with %s over %d classes, starting from %s. ",
                spec.variant().cliName().toUpperCase(Locale.ROOT), spec.variant().paperConfiguration(),
                spec.inputSize(), spec.inputSize(), headPhrase(spec), spec.numClasses(),
                WeightsOrigin.of(c.weights(), facts.weightLoad()).sentence()));
        t.append(capitalise(plan.describe())).append(String.format(Locale.ROOT,
                "; %s of %s parameters were trained. ", Fmt.count(summary.trainableParams()),
                Fmt.count(summary.totalParams())));
        t.append(String.format(Locale.ROOT, "Training used %s with a learning rate of %s%s%s, batches of %d "
                        + "images and at most %d epochs; %s. ", TrainingSection.optimiser(h),
                Fmt.number(h.learningRate()), h.weightDecay() > 0 ? ", weight decay " + Fmt.number(h.weightDecay())
                        : "", h.convLearningRateFactor() != 1 ? " (×" + Fmt.number(h.convLearningRateFactor())
                        + " for the trained convolution blocks)" : "", h.batchSize(), h.epochs(),
                h.earlyStoppingPatience() > 0 ? "training was set to stop early after " + h.earlyStoppingPatience()
                        + " epochs without an improvement of validation accuracy, and the model of the epoch with the "
                        + "best validation accuracy was kept" : "the model of the epoch with the best validation "
                        + "accuracy was kept"));
        facts.status().filter(s -> s.bestEpoch() > 0).ifPresent(s -> t.append(String.format(Locale.ROOT,
                "Training %s after %d epochs; the best validation accuracy (%.3f) was reached at epoch %d. ",
                s.message() != null && s.message().startsWith("stopped early") ? "stopped early" : "ended",
                s.epochsCompleted(), s.bestValidationAccuracy(), s.bestEpoch())));
        t.append(splitSentence(c, facts.split()));
        String aug = TrainingSection.augmentation(c.augmentation());
        t.append(aug.equals("none") ? "No data augmentation was used. "
                : "Training images were augmented with " + aug.replaceAll(" \\(.*\\)$", "") + ". ");
        t.append("Images were preprocessed as follows: ").append(TrainingSection.preprocessing(c)).append(". ");
        facts.evaluation().ifPresent(r -> t.append(results(r, ci)));
        t.append(software(env));
        return t.toString().strip();
    }

    /** Names only what the run recorded: older runs lack some keys, and "not recorded" reads badly in prose. */
    public static String software(Map<String, String> env) {
        java.util.List<String> parts = new java.util.ArrayList<>();
        if (env.containsKey("workbench")) {
            parts.add("Transfer Workbench " + env.get("workbench"));
        }
        if (env.containsKey("deeplearning4j")) {
            parts.add("Deeplearning4j/ND4J " + env.get("deeplearning4j")
                    + (env.containsKey("nd4jBackend") ? " (" + env.get("nd4jBackend") + " backend)" : ""));
        }
        if (env.containsKey("java")) {
            parts.add("Java " + env.get("java"));
        }
        if (parts.isEmpty()) {
            return "The software versions were not recorded for this run. ";
        }
        String list = parts.size() == 1 ? parts.get(0) : String.join(", ", parts.subList(0, parts.size() - 1))
                + " and " + parts.get(parts.size() - 1);
        return "The experiment was run with " + list + (env.containsKey("device") ? ", on " + env.get("device") : "")
                + ". ";
    }

    private static String splitSentence(RunConfig c, Optional<SplitManifest> split) {
        String counts = split.map(s -> String.format(Locale.ROOT, " (%d training, %d validation and %d test "
                + "images)", s.entries(Split.TRAIN).size(), s.entries(Split.VALIDATION).size(),
                s.entries(Split.TEST).size())).orElse("");
        String grouping = c.split().groupPattern() == null ? ""
                : ", keeping images that share a group key (pattern " + c.split().groupPattern() + ") in one split";
        if (c.splitManifestSource() != null) {
            return "The images were divided into training, validation and test sets as in an earlier run's split "
                    + "list" + counts + ". ";
        }
        return "The images were split " + DatasetSection.splitText(c.split()) + counts + grouping + ". ";
    }

    private static String results(EvaluationReport r, Optional<BootstrapSummary> ci) {
        if (ci.isEmpty()) {
            return String.format(Locale.ROOT, "On the held-out test set (%d images) the model reached an accuracy "
                    + "of %.3f, a balanced accuracy of %.3f and a macro-F1 of %.3f. ", r.images(), r.accuracy(),
                    r.balancedAccuracy(), r.macroF1());
        }
        BootstrapSummary s = ci.get();
        return String.format(Locale.ROOT, "On the held-out test set (%d images) the model reached an accuracy of "
                        + "%.3f (95%% CI %s), a balanced accuracy of %.3f (%s) and a macro-F1 of %.3f (%s); "
                        + "intervals are percentile bootstrap intervals over the test images (%d resamples). ",
                r.images(), r.accuracy(), Fmt.range(s.accuracy()), r.balancedAccuracy(),
                Fmt.range(s.balancedAccuracy()), r.macroF1(), Fmt.range(s.macroF1()), s.resamples());
    }

    public static String headPhrase(ModelSpec spec) {
        if (spec.head() == org.transferworkbench.engine.model.HeadType.PAPER) {
            return "the paper's classifier head (two fully connected layers of " + ModelSpec.PAPER_FC_UNITS
                    + " units with dropout " + Fmt.number(spec.dropout()) + ", softmax)";
        }
        return "a compact head (global average pooling, " + (spec.compactHiddenUnits() > 0 ? "a dense layer of "
                + spec.compactHiddenUnits() + " units with dropout " + Fmt.number(spec.dropout()) + ", " : "")
                + "softmax)";
    }

    private static String capitalise(String s) {
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }
}
