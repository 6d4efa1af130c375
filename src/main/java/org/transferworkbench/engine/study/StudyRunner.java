package org.transferworkbench.engine.study;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.transferworkbench.engine.data.DatasetScan;
import org.transferworkbench.engine.data.DatasetScanner;
import org.transferworkbench.engine.data.SplitManifest;
import org.transferworkbench.engine.data.StratifiedGroupKFold;
import org.transferworkbench.engine.experiment.Errors;
import org.transferworkbench.engine.experiment.ExperimentRequest;
import org.transferworkbench.engine.experiment.ExperimentResult;
import org.transferworkbench.engine.experiment.ExperimentRunner;
import org.transferworkbench.engine.experiment.ForwardingListener;
import org.transferworkbench.engine.experiment.WarmStartExperiment;
import org.transferworkbench.engine.experiment.TrainingSettings;
import org.transferworkbench.engine.jobs.CancellationToken;
import org.transferworkbench.engine.runs.RunDirectory;
import org.transferworkbench.engine.runs.RunLock;
import org.transferworkbench.engine.runs.RunStore;

/**
 * Works through a study's queue, one repeat after another, on the caller's (worker) thread. Starting and resuming
 * are the same call: finished repeats are kept, and an unfinished one is continued or restarted (see
 * {@link RepeatPlan}). A failed repeat is recorded and the queue goes on; cancelling stops after the current
 * repeat has been marked cancelled.
 */
public final class StudyRunner {
    private static final Logger LOG = LoggerFactory.getLogger(StudyRunner.class);

    private final RunStore store;
    private final ExperimentRunner runner;

    public StudyRunner(RunStore store) {
        this(store, new ExperimentRunner(store));
    }

    public StudyRunner(RunStore store, ExperimentRunner runner) {
        this.store = store;
        this.runner = runner;
    }

    public StudyOutcome run(StudyFolder study, StudyListener listener, CancellationToken cancel) throws IOException {
        try (RunLock lock = study.lock()) {
            StudySpec spec = study.readSpec();
            QueueWriter queue = new QueueWriter(study, study.readQueue());
            if (spec.folds() > 0) {
                writeFoldSplits(study, spec, listener, cancel);
            }
            int total = queue.current().repeats().size();
            for (int i = 0; i < total && !cancel.isCancelled(); i++) {
                StudyRepeat repeat = queue.current().repeats().get(i);
                if (repeat.state() != RepeatState.SUCCEEDED) {
                    StudyRepeat done = runRepeat(study, spec, queue, repeat, listener, cancel);
                    listener.onRepeatFinished(done, total);
                }
            }
            return new StudyOutcome(queue.current(), cancel.isCancelled());
        }
    }

    private StudyRepeat runRepeat(StudyFolder study, StudySpec spec, QueueWriter queue, StudyRepeat repeat,
                                  StudyListener listener, CancellationToken cancel) throws IOException {
        ExperimentRequest request = request(study, spec, repeat);
        boolean warmStart = WarmStartExperiment.appliesTo(request);
        RepeatPlan plan = RepeatPlan.decide(store, repeat, warmStart);
        if (plan.action() == RepeatPlan.Action.KEEP) {
            return queue.update(repeat.ended(RepeatState.SUCCEEDED, plan.reason()));
        }
        TaggingListener tagging = new TaggingListener(listener, study.id(), repeat, queue);
        try {
            ExperimentResult result;
            if (plan.action() == RepeatPlan.Action.RESUME) {
                StudyRepeat continuing = queue.update(repeat.continuing(plan.reason()));
                listener.onRepeatStarted(continuing, queue.current().repeats().size());
                result = runner.resume(plan.run(), tagging, cancel);
            } else {
                StudyRepeat starting = queue.update(repeat.started(null, plan.reason()));
                listener.onRepeatStarted(starting, queue.current().repeats().size());
                // the paper's warm start trains this repeat's own VGG11 on this repeat's split first, so that no
                // test image of one fold reaches the network through the VGG11 of another
                result = warmStart ? new WarmStartExperiment(runner).run(request, tagging, cancel).last()
                        : runner.run(request, tagging, cancel);
            }
            RepeatState end = switch (result.state()) {
                case SUCCEEDED -> RepeatState.SUCCEEDED;
                case CANCELLED -> RepeatState.CANCELLED;
                default -> RepeatState.FAILED;
            };
            return queue.update(queue.current().repeats().get(repeat.index()).ended(end, plan.reason()));
        } catch (java.util.concurrent.CancellationException e) {
            // cancelled before the run had its folder (while scanning): nothing to keep, start afresh next time
            return queue.update(queue.current().repeats().get(repeat.index()).ended(RepeatState.CANCELLED,
                    "cancelled before training began"));
        } catch (RuntimeException | IOException e) {
            // One bad repeat (a full disk, a corrupt image) should not throw away a night of other repeats.
            LOG.warn("Study {}: repeat {} failed", study.id(), repeat.describe(), e);
            String why = Errors.sentence(e);
            listener.onMessage("Repeat " + repeat.describe() + " failed: " + why);
            return queue.update(queue.current().repeats().get(repeat.index()).ended(RepeatState.FAILED, why));
        }
    }

    private static ExperimentRequest request(StudyFolder study, StudySpec spec, StudyRepeat repeat) {
        TrainingSettings settings = spec.settingsFor(spec.arm(repeat.arm()), repeat.seed())
                .with("name", spec.name() + "-" + repeat.arm() + "-s" + repeat.seed()
                        + (repeat.hasFold() ? "-f" + (repeat.fold() + 1) : ""));
        if (repeat.hasFold()) {
            settings = settings.with("reuse-split", study.foldSplit(repeat.seed(), repeat.fold()).toString());
        }
        return settings.toRequest();
    }

    /** The k split manifests of each seed, written once; a resumed study reuses them, so its folds stay put. */
    private static void writeFoldSplits(StudyFolder study, StudySpec spec, StudyListener listener,
                                        CancellationToken cancel) throws IOException {
        boolean allThere = spec.seeds().stream().allMatch(seed ->
                Files.isRegularFile(study.foldSplit(seed, spec.folds() - 1)));
        if (allThere) {
            return;
        }
        listener.onStage("splitting into " + spec.folds() + " folds");
        DatasetScan scan = new DatasetScanner().scan(spec.dataset(), listener::onProgress, cancel);
        TrainingSettings base = TrainingSettings.defaults().withAll(spec.base());
        double validationShare = StudySpec.validationShare(base);
        for (long seed : spec.seeds()) {
            List<SplitManifest> splits = new StratifiedGroupKFold(spec.folds(), seed,
                    base.get("group").isEmpty() ? null : base.get("group"), validationShare).splits(scan);
            for (int fold = 0; fold < splits.size(); fold++) {
                Path file = study.foldSplit(seed, fold);
                Files.createDirectories(file.getParent());
                splits.get(fold).write(file);
            }
        }
    }


    /** Names the run in the queue and tags it the moment its folder exists. */
    private static final class TaggingListener extends ForwardingListener {
        private final String studyId;
        private final StudyRepeat repeat;
        private final QueueWriter queue;

        TaggingListener(StudyListener delegate, String studyId, StudyRepeat repeat, QueueWriter queue) {
            super(delegate);
            this.studyId = studyId;
            this.repeat = repeat;
            this.queue = queue;
        }

        @Override
        public void onRunCreated(RunDirectory run) {
            try {
                StudyTag.of(studyId, repeat).writeTo(run);
                StudyRepeat now = queue.current().repeats().get(repeat.index());
                queue.update(new StudyRepeat(now.index(), now.arm(), now.seed(), now.fold(), now.state(), run.id(),
                        now.attempts(), now.message()));
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
            super.onRunCreated(run);
        }
    }
}
