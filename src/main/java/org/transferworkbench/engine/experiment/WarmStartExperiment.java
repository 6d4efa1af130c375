package org.transferworkbench.engine.experiment;

import java.io.IOException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.transferworkbench.engine.jobs.CancellationToken;
import org.transferworkbench.engine.model.FreezePlan;
import org.transferworkbench.engine.model.VggVariant;
import org.transferworkbench.engine.model.weights.WarmStartMapper;
import org.transferworkbench.engine.model.weights.WeightsChoice;
import org.transferworkbench.engine.model.weights.WeightsSource;
import org.transferworkbench.engine.runs.RunDirectory;
import org.transferworkbench.engine.runs.RunState;

/**
 * {@code --weights warmstart:vgg11}: the paper's warm start as two ordinary runs in the run store. First a VGG11
 * ("NAME-vgg11-warmup") is trained from random weights on the same data, hyper-parameters and seed, with every
 * layer trained (the paper trains A from scratch); then the requested deeper network starts from it
 * ({@code warmstart:<warm-up run id>}) on exactly the warm-up's split (its split.csv is reused).
 *
 * <p>This is the entry point for every caller (train command, studies): use it whenever
 * {@link #appliesTo(ExperimentRequest)}; a request naming an existing VGG11 ({@code warmstart:RUN}) is a single run
 * for {@link ExperimentRunner#run}. If the warm-up fails or is cancelled, the deeper network is not started.
 */
public final class WarmStartExperiment {
    private static final Logger LOG = LoggerFactory.getLogger(WarmStartExperiment.class);
    public static final String WARMUP_SUFFIX = "-vgg11-warmup";

    private final ExperimentRunner runner;

    public WarmStartExperiment(ExperimentRunner runner) {
        this.runner = runner;
    }

    /** True when the request asks for a VGG11 to be trained first ({@code warmstart:vgg11}). */
    public static boolean appliesTo(ExperimentRequest request) {
        return request.weights().source() instanceof WeightsSource.WarmStart w && w.trainsVgg11First();
    }

    public WarmStartResult run(ExperimentRequest target, ExperimentListener listener, CancellationToken cancel)
            throws IOException {
        if (!appliesTo(target)) {
            throw new IllegalArgumentException("A warm-start experiment needs --weights warmstart:vgg11; got "
                    + target.weights().source().cliText() + ".");
        }
        WarmStartMapper.checkTarget(target.variant());
        String deeper = target.variant().toString();
        ExperimentResult warmup;
        try {
            warmup = runner.run(warmupRequest(target), new StagedListener("VGG11 warm-up (1/2)", listener), cancel);
        } catch (RunFailedException e) {
            throw new RunFailedException(e.run(), "The VGG11 warm-up run " + e.run().id() + " failed, so " + deeper
                    + " was not started: " + e.getMessage(), e);
        }
        if (warmup.state() != RunState.SUCCEEDED || cancel.isCancelled()) {
            String why = "The VGG11 warm-up run " + warmup.run().id() + " was "
                    + (warmup.state() == RunState.SUCCEEDED ? "finished but the experiment was cancelled"
                    : warmup.state().name().toLowerCase(java.util.Locale.ROOT)) + ", so " + deeper
                    + " was not started.";
            listener.onMessage(why);
            return new WarmStartResult(warmup, null, why);
        }
        LOG.info("VGG11 warm-up {} done; starting {} from it", warmup.run().id(), deeper);
        ExperimentResult result = runner.run(targetRequest(target, warmup.run()),
                new StagedListener(deeper + " from VGG11 (2/2)", listener), cancel);
        return new WarmStartResult(warmup, result, deeper + " run " + result.run().id() + " ("
                + result.state().name().toLowerCase(java.util.Locale.ROOT) + ") started from the VGG11 run "
                + warmup.run().id() + ".");
    }

    /** The same data, split, input, head, hyper-parameters and seed, as a VGG11 trained throughout. */
    static ExperimentRequest warmupRequest(ExperimentRequest t) {
        return new ExperimentRequest(t.datasetRoot(), t.runName() + WARMUP_SUFFIX, VggVariant.VGG11, t.inputSize(),
                t.head(), t.compactHiddenUnits(), t.dropout(), FreezePlan.fineTuneAll(), t.hyper(), t.split(),
                t.reuseSplit(), t.augmentation(), t.resizePolicy(), WeightsChoice.RANDOM);
    }

    /** The user's request, started from the warm-up's best model on the warm-up's own split. */
    static ExperimentRequest targetRequest(ExperimentRequest t, RunDirectory warmup) {
        WeightsSource.WarmStart from = new WeightsSource.WarmStart(warmup.id(),
                warmup.file(RunDirectory.BEST_MODEL), warmup.id());
        return new ExperimentRequest(t.datasetRoot(), t.runName(), t.variant(), t.inputSize(), t.head(),
                t.compactHiddenUnits(), t.dropout(), t.freezePlan(), t.hyper(), t.split(),
                warmup.file(RunDirectory.SPLIT), t.augmentation(), t.resizePolicy(),
                new WeightsChoice(from, false, t.weights().baseUrl()));
    }
}
