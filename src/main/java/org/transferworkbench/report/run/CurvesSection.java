package org.transferworkbench.report.run;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.transferworkbench.engine.runs.RunStatus;
import org.transferworkbench.engine.training.EpochMetrics;
import org.transferworkbench.report.document.ReportBlock;
import org.transferworkbench.report.document.ReportSection;
import org.transferworkbench.report.figures.CurveFigure;

/** Accuracy and loss per epoch, as figures and as the numbers behind them. */
final class CurvesSection {
    static final String ACCURACY_PNG = "accuracy.png";
    static final String LOSS_PNG = "loss.png";

    private CurvesSection() {
    }

    static ReportSection of(RunFacts facts) {
        ReportSection.Builder b = ReportSection.builder("curves", "Training curves");
        List<EpochMetrics> epochs = facts.epochs();
        if (epochs.isEmpty()) {
            return b.notice("No epoch was completed (metrics.csv is missing or empty), so there are no curves.")
                    .build();
        }
        int best = facts.status().map(RunStatus::bestEpoch).orElse(0);
        b.add(new ReportBlock.Figure(ACCURACY_PNG, "Accuracy per epoch on the training and validation splits",
                CurveFigure.png("Accuracy", "accuracy", epochs, EpochMetrics::trainAccuracy,
                        EpochMetrics::validationAccuracy, best)));
        b.add(new ReportBlock.Figure(LOSS_PNG, "Loss (cross-entropy) per epoch on the training and validation "
                + "splits", CurveFigure.png("Loss", "loss", epochs, EpochMetrics::trainLoss,
                EpochMetrics::validationLoss, best)));
        List<List<String>> rows = new ArrayList<>();
        for (EpochMetrics m : epochs) {
            rows.add(List.of(Integer.toString(m.epoch()), Fmt.decimal(m.trainLoss()), Fmt.decimal(m.trainAccuracy()),
                    Fmt.decimal(m.validationLoss()), Fmt.decimal(m.validationAccuracy()), Fmt.number(m.learningRate()),
                    String.format(Locale.ROOT, "%.1f", m.seconds())));
        }
        return b.add(new ReportBlock.Table("Per epoch (metrics.csv)", List.of("epoch", "train loss",
                "train accuracy", "validation loss", "validation accuracy", "learning rate", "seconds"), rows)).build();
    }
}
