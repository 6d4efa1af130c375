package org.transferworkbench.report.run;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.transferworkbench.engine.data.AugmentationSettings;
import org.transferworkbench.engine.data.ResizePolicy;
import org.transferworkbench.engine.runs.RunConfig;
import org.transferworkbench.engine.runs.RunStatus;
import org.transferworkbench.engine.training.Hyperparameters;
import org.transferworkbench.report.document.ReportBlock;
import org.transferworkbench.report.document.ReportSection;

/** Every hyper-parameter, the seeds, augmentation and preprocessing, and how the training ended. */
public final class TrainingSection {

    private TrainingSection() {
    }

    static ReportSection of(RunFacts facts) {
        RunConfig c = facts.config();
        Hyperparameters h = c.hyperparameters();
        List<ReportBlock.Fact> rows = new ArrayList<>();
        rows.add(new ReportBlock.Fact("Optimiser", optimiser(h)));
        rows.add(new ReportBlock.Fact("Learning rate", Fmt.number(h.learningRate())));
        rows.add(new ReportBlock.Fact("Momentum (Nesterov only)", Fmt.number(h.momentum())));
        rows.add(new ReportBlock.Fact("Learning-rate factor of trained conv blocks",
                Fmt.number(h.convLearningRateFactor())));
        rows.add(new ReportBlock.Fact("Weight decay", Fmt.number(h.weightDecay())));
        rows.add(new ReportBlock.Fact("Batch size", Integer.toString(h.batchSize())));
        rows.add(new ReportBlock.Fact("Epochs (maximum)", Integer.toString(h.epochs())));
        rows.add(new ReportBlock.Fact("Early stopping", earlyStopping(h)));
        rows.add(new ReportBlock.Fact("Class weights", h.classWeights()
                ? "loss weighted by inverse class frequency in the training split" : "none"));
        rows.add(new ReportBlock.Fact("Seed (weights and shuffling)", Long.toString(h.seed())));
        rows.add(new ReportBlock.Fact("Seed (split)", Long.toString(c.split().seed())));
        rows.add(new ReportBlock.Fact("Augmentation (training split only)", augmentation(c.augmentation())));
        rows.add(new ReportBlock.Fact("Preprocessing", preprocessing(c)));
        ReportSection.Builder b = ReportSection.builder("training", "Training settings and outcome")
                .add(new ReportBlock.Facts(rows));
        if (facts.status().isEmpty()) {
            return b.notice("The run has no readable run.json, so its outcome is unknown.").build();
        }
        RunStatus s = facts.status().get();
        List<ReportBlock.Fact> outcome = new ArrayList<>();
        outcome.add(new ReportBlock.Fact("State", facts.state().name().toLowerCase(Locale.ROOT)
                + (s.message() == null ? "" : " (" + s.message() + ")")));
        outcome.add(new ReportBlock.Fact("Epochs completed", Integer.toString(s.epochsCompleted())));
        outcome.add(new ReportBlock.Fact("Best epoch (kept model)", s.bestEpoch() > 0 ? s.bestEpoch()
                + ": validation accuracy " + Fmt.decimal(s.bestValidationAccuracy()) + ", validation loss "
                + Fmt.decimal(s.bestValidationLoss()) : "none"));
        outcome.add(new ReportBlock.Fact("Started", String.valueOf(s.startedAt())));
        outcome.add(new ReportBlock.Fact("Duration", s.duration().toSeconds() + " s"));
        return b.add(new ReportBlock.Facts(outcome)).build();
    }

    public static String optimiser(Hyperparameters h) {
        return switch (h.optimizer()) {
            case ADAM -> "Adam";
            case SGD -> "stochastic gradient descent";
            case NESTEROV -> "SGD with Nesterov momentum " + Fmt.number(h.momentum());
        };
    }

    static String earlyStopping(Hyperparameters h) {
        return h.earlyStoppingPatience() == 0 ? "off; the model of the epoch with the best validation accuracy is kept"
                : "after " + h.earlyStoppingPatience() + " epochs without better validation accuracy; the model of "
                + "the best epoch is kept";
    }

    static String augmentation(AugmentationSettings a) {
        if (a == null || !a.enabled()) {
            return "none";
        }
        List<String> parts = new ArrayList<>();
        if (a.horizontalFlip()) {
            parts.add("random horizontal flips");
        }
        if (a.verticalFlip()) {
            parts.add("random vertical flips");
        }
        if (a.maxRotationDegrees() > 0) {
            parts.add("rotations of up to ±" + Fmt.number(a.maxRotationDegrees()) + "°");
        }
        if (a.randomCrop()) {
            parts.add("random crops of 87.5 % rescaled to the input size");
        }
        if (a.brightness() > 0) {
            parts.add("brightness changes of up to ±" + Fmt.percent(a.brightness()));
        }
        if (a.contrast() > 0) {
            parts.add("contrast changes of up to ±" + Fmt.percent(a.contrast()));
        }
        return String.join(", ", parts) + " (" + a.toSpec() + ")";
    }

    static String preprocessing(RunConfig c) {
        ResizePolicy p = c.resizePolicy() == null ? ResizePolicy.defaultPolicy() : c.resizePolicy();
        String resize = p == ResizePolicy.LETTERBOX
                ? "longer side scaled to " + c.inputSize() + " px and padded to a square with the mean colour"
                : "shorter side scaled to " + c.inputSize() + " px and the centre square cropped";
        return resize + "; VGG's per-channel mean subtraction in BGR order (103.939, 116.779, 123.68), channels "
                + "first; the same for training, validation, test and prediction";
    }
}
