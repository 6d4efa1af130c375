package org.transferworkbench.engine.study;

import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.ToDoubleFunction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.transferworkbench.engine.eval.EvaluationReport;
import org.transferworkbench.engine.runs.RunDirectory;
import org.transferworkbench.engine.runs.RunStore;
import org.transferworkbench.engine.stats.BootstrapSummary;
import org.transferworkbench.engine.stats.ClassificationBootstrap;
import org.transferworkbench.engine.stats.Interval;
import org.transferworkbench.engine.stats.LabelledOutcomes;
import org.transferworkbench.engine.stats.PairedComparison;
import org.transferworkbench.engine.stats.Spread;

/**
 * Turns a study's finished repeats into per-arm figures and paired comparisons.
 *
 * <p>Confidence intervals: each repeat gets a 95% percentile bootstrap over its own test images; an arm reports the
 * mean of its repeats' lower and upper bounds. That is the uncertainty one repeat's finite test set carries, next
 * to the sd over repeats (the run-to-run and split-to-split variation). Pooling all predictions instead would count
 * an image once per seed as if it were a new image and give intervals that are too narrow.
 */
public final class StudyAggregator {
    private static final Logger LOG = LoggerFactory.getLogger(StudyAggregator.class);

    private final ClassificationBootstrap bootstrap;

    public StudyAggregator(ClassificationBootstrap bootstrap) {
        this.bootstrap = bootstrap;
    }

    public static StudyAggregator standard() {
        return new StudyAggregator(ClassificationBootstrap.standard());
    }

    public StudyResults aggregate(StudyFolder study, RunStore store) throws IOException {
        StudySpec spec = study.readSpec();
        StudyQueue queue = study.readQueue();
        List<RepeatFigures> figures = new ArrayList<>();
        for (StudyRepeat repeat : queue.repeats()) {
            if (repeat.state() == RepeatState.SUCCEEDED && repeat.runId() != null) {
                read(repeat, new RunDirectory(store.root().resolve(repeat.runId()))).ifPresent(figures::add);
            }
        }
        List<ArmSummary> arms = new ArrayList<>();
        for (StudyArm arm : spec.arms()) {
            arms.add(summarize(arm.label(), spec.repeatsPerArm(),
                    figures.stream().filter(f -> f.repeat().arm().equals(arm.label())).toList()));
        }
        List<String> labels = spec.arms().stream().map(StudyArm::label).toList();
        return new StudyResults(study.id(), spec, queue, figures, arms, compare(labels, figures));
    }

    /** One finished repeat's figures; empty (and a warning) when its run's files are gone or unreadable. */
    Optional<RepeatFigures> read(StudyRepeat repeat, RunDirectory run) {
        try {
            Optional<EvaluationReport> test = run.readEvaluation();
            if (test.isEmpty()) {
                LOG.warn("Run {} of repeat {} has no test evaluation; left out", run.id(), repeat.describe());
                return Optional.empty();
            }
            EvaluationReport r = test.get();
            BootstrapSummary intervals = null;
            if (Files.isRegularFile(run.file(RunDirectory.PREDICTIONS))) {
                intervals = bootstrap.estimate(LabelledOutcomes.read(run.file(RunDirectory.PREDICTIONS),
                        r.classNames()));
            }
            return Optional.of(new RepeatFigures(repeat, r.accuracy(), r.balancedAccuracy(), r.macroF1(),
                    run.readStatus().bestEpoch(), intervals, run.readMetrics()));
        } catch (IOException | RuntimeException e) {
            LOG.warn("Could not read run {} of repeat {}; left out", run.id(), repeat.describe(), e);
            return Optional.empty();
        }
    }

    public static ArmSummary summarize(String arm, int planned, List<RepeatFigures> repeats) {
        Map<StudyMetric, Spread> spreads = new EnumMap<>(StudyMetric.class);
        Map<StudyMetric, Interval> typical = new EnumMap<>(StudyMetric.class);
        List<BootstrapSummary> intervals = repeats.stream().map(RepeatFigures::bootstrap)
                .filter(b -> b != null).toList();
        for (StudyMetric metric : StudyMetric.values()) {
            spreads.put(metric, Spread.of(values(repeats, r -> r.metric(metric))));
            if (!intervals.isEmpty()) {
                typical.put(metric, meanInterval(intervals.stream().map(b -> intervalOf(b, metric)).toList()));
            }
        }
        Map<CurveKind, List<CurveBand>> curves = new EnumMap<>(CurveKind.class);
        for (CurveKind kind : CurveKind.values()) {
            curves.put(kind, bands(repeats, kind));
        }
        return new ArmSummary(arm, repeats.size(), planned, spreads, Spread.of(values(repeats, r -> r.bestEpoch())),
                typical, curves);
    }

    /** Every pair of arms (in spec order, B against A) on every metric, over the seeds/folds both finished. */
    public static List<ArmComparison> compare(List<String> arms, List<RepeatFigures> repeats) {
        List<ArmComparison> result = new ArrayList<>();
        for (int i = 0; i < arms.size(); i++) {
            for (int j = i + 1; j < arms.size(); j++) {
                Map<String, RepeatFigures> a = byPair(repeats, arms.get(i));
                Map<String, RepeatFigures> b = byPair(repeats, arms.get(j));
                List<String> pairs = a.keySet().stream().filter(b::containsKey).toList();
                if (pairs.isEmpty()) {
                    continue;
                }
                for (StudyMetric metric : StudyMetric.values()) {
                    double[] x = pairs.stream().mapToDouble(p -> a.get(p).metric(metric)).toArray();
                    double[] y = pairs.stream().mapToDouble(p -> b.get(p).metric(metric)).toArray();
                    result.add(new ArmComparison(arms.get(i), arms.get(j), metric, pairs,
                            PairedComparison.compare(x, y)));
                }
            }
        }
        return result;
    }

    private static Map<String, RepeatFigures> byPair(List<RepeatFigures> repeats, String arm) {
        Map<String, RepeatFigures> result = new LinkedHashMap<>();
        repeats.stream().filter(r -> r.repeat().arm().equals(arm))
                .sorted(java.util.Comparator.comparingInt(r -> r.repeat().index()))
                .forEach(r -> result.put(r.repeat().pairKey(), r));
        return result;
    }

    private static List<CurveBand> bands(List<RepeatFigures> repeats, CurveKind kind) {
        int longest = repeats.stream().mapToInt(r -> r.curve().size()).max().orElse(0);
        List<CurveBand> bands = new ArrayList<>();
        for (int e = 1; e <= longest; e++) {
            int epoch = e;
            double[] values = repeats.stream().flatMap(r -> r.curve().stream())
                    .filter(m -> m.epoch() == epoch).mapToDouble(kind::of).toArray();
            if (values.length > 0) {
                bands.add(CurveBand.of(epoch, Spread.of(values)));
            }
        }
        return bands;
    }

    private static Interval intervalOf(BootstrapSummary b, StudyMetric metric) {
        return switch (metric) {
            case ACCURACY -> b.accuracy();
            case BALANCED_ACCURACY -> b.balancedAccuracy();
            case MACRO_F1 -> b.macroF1();
        };
    }

    private static Interval meanInterval(List<Interval> intervals) {
        return new Interval(intervals.stream().mapToDouble(Interval::estimate).average().orElse(Double.NaN),
                intervals.stream().mapToDouble(Interval::lower).average().orElse(Double.NaN),
                intervals.stream().mapToDouble(Interval::upper).average().orElse(Double.NaN));
    }

    private static double[] values(List<RepeatFigures> repeats, ToDoubleFunction<RepeatFigures> f) {
        return repeats.stream().mapToDouble(f).toArray();
    }
}
