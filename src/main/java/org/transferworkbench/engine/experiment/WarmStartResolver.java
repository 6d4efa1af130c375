package org.transferworkbench.engine.experiment;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.transferworkbench.engine.model.FreezePlan;
import org.transferworkbench.engine.model.HeadType;
import org.transferworkbench.engine.model.VggVariant;
import org.transferworkbench.engine.model.weights.WarmStartMapper;
import org.transferworkbench.engine.model.weights.WeightsChoice;
import org.transferworkbench.engine.model.weights.WeightsSource;
import org.transferworkbench.engine.runs.RunConfig;
import org.transferworkbench.engine.runs.RunDirectory;
import org.transferworkbench.engine.runs.RunStore;

/**
 * Turns {@code warmstart:RUN} into the run's best-model.zip and checks, from that run's config.json, what can be
 * checked before a new run folder is made: that it is a VGG11 with the same head and classes (for a bare model zip,
 * only that it is a VGG11, from its configuration). The layer-by-layer shape check follows when the weights are
 * loaded.
 */
final class WarmStartResolver {

    private WarmStartResolver() {
    }

    static WeightsChoice resolve(ExperimentRequest request, List<String> classes, RunStore store)
            throws IOException {
        WeightsChoice choice = request.weights();
        if (!(choice.source() instanceof WeightsSource.WarmStart w)) {
            return choice;
        }
        WarmStartMapper.checkTarget(request.variant());
        if (w.trainsVgg11First()) {
            throw new IllegalArgumentException("--weights warmstart:vgg11 trains a VGG11 first, which takes two runs;"
                    + " start it as a warm-start experiment (the train command and studies do).");
        }
        RunDirectory run;
        Path model;
        if (w.modelZip() != null) {
            model = w.modelZip();
            Path folder = model.toAbsolutePath().getParent();
            run = folder != null && Files.isRegularFile(folder.resolve(RunDirectory.STATUS))
                    ? new RunDirectory(folder) : null;
        } else {
            run = store.open(w.reference());
            model = run.file(RunDirectory.BEST_MODEL);
            if (!run.hasBestModel()) {
                throw new IllegalArgumentException("The warm-start run " + run.id() + " has no best-model.zip yet ("
                        + run.effectiveState().name().toLowerCase(java.util.Locale.ROOT) + "); it needs at least one "
                        + "completed epoch.");
            }
        }
        if (run != null && Files.isRegularFile(run.file(RunDirectory.CONFIG))) {
            check(run.readConfig(), request, classes, run.id());
        }
        if (Files.isRegularFile(model)) {
            WarmStartMapper.checkSourceFile(model);
        }
        return new WeightsChoice(w.resolvedTo(model, run == null ? null : run.id()), false, choice.baseUrl());
    }

    private static void check(RunConfig source, ExperimentRequest target, List<String> classes, String id) {
        VggVariant variant = VggVariant.parse(source.model());
        if (variant != VggVariant.VGG11) {
            throw new IllegalArgumentException("The warm-start run " + id + " is a " + variant + " (configuration "
                    + variant.paperConfiguration() + "), not a VGG11 (configuration A).");
        }
        if (source.head() != target.head()) {
            throw new IllegalArgumentException("The warm-start run " + id + " has the " + name(source.head())
                    + " head, this run the " + name(target.head()) + " head; a warm start copies the head, so use "
                    + "the same --head.");
        }
        if (target.head() == HeadType.COMPACT && source.compactHiddenUnits() != target.compactHiddenUnits()) {
            throw new IllegalArgumentException("The warm-start run " + id + " has " + source.compactHiddenUnits()
                    + " dense units in its head, this run " + target.compactHiddenUnits() + "; use the same --hidden.");
        }
        if (target.head() == HeadType.PAPER && source.inputSize() != target.inputSize()) {
            throw new IllegalArgumentException("The warm-start run " + id + " was trained at " + source.inputSize()
                    + " px, this run uses " + target.inputSize() + " px; the paper head's fc1 only fits the same "
                    + "--input.");
        }
        if (!source.classNames().equals(classes)) {
            throw new IllegalArgumentException("The warm-start run " + id + " was trained on the classes "
                    + source.classNames() + ", this dataset has " + classes + "; a warm start needs the same classes.");
        }
    }

    /** A warm start fills only some layers; frozen blocks would keep the others at their random start. */
    static Optional<String> freezeWarning(ExperimentRequest request) {
        if (!(request.weights().source() instanceof WeightsSource.WarmStart)) {
            return Optional.empty();
        }
        FreezePlan plan = request.freezePlan();
        for (int block = 1; block <= VggVariant.BLOCK_COUNT; block++) {
            if (plan.isBlockFrozen(block)) {
                return Optional.of("--freeze " + plan + " keeps frozen blocks as they start, and after a warm start "
                        + "most of their layers are random; the paper trains every layer (--freeze none)");
            }
        }
        return Optional.empty();
    }

    private static String name(HeadType head) {
        return head.name().toLowerCase(java.util.Locale.ROOT);
    }
}
