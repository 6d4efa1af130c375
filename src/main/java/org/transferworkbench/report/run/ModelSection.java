package org.transferworkbench.report.run;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.transferworkbench.engine.model.FreezePlan;
import org.transferworkbench.engine.model.HeadType;
import org.transferworkbench.engine.model.ModelSpec;
import org.transferworkbench.engine.model.ModelSummary;
import org.transferworkbench.engine.model.VggLayout;
import org.transferworkbench.engine.model.weights.WeightLoadReport;
import org.transferworkbench.engine.runs.RunConfig;
import org.transferworkbench.report.document.ReportBlock;
import org.transferworkbench.report.document.ReportSection;

/** The network: variant, input, head, freeze plan, parameter counts and where its starting weights came from. */
final class ModelSection {

    private ModelSection() {
    }

    static ReportSection of(RunFacts facts) {
        RunConfig c = facts.config();
        ModelSpec spec = c.modelSpec();
        FreezePlan plan = c.parsedFreezePlan();
        ModelSummary summary = new ModelSummary(VggLayout.of(spec), plan);
        WeightsOrigin weights = WeightsOrigin.of(c.weights(), facts.weightLoad());
        List<ReportBlock.Fact> rows = new ArrayList<>();
        rows.add(new ReportBlock.Fact("Network", spec.variant().cliName().toUpperCase(Locale.ROOT)
                + " (Simonyan & Zisserman configuration " + spec.variant().paperConfiguration() + ")"));
        rows.add(new ReportBlock.Fact("Input", "3 × " + spec.inputSize() + " × " + spec.inputSize() + " pixels"));
        rows.add(new ReportBlock.Fact("Head", head(spec)));
        rows.add(new ReportBlock.Fact("Output classes", Integer.toString(spec.numClasses())));
        rows.add(new ReportBlock.Fact("Freeze plan", plan + ": " + plan.describe()));
        rows.add(new ReportBlock.Fact("Parameters", Fmt.count(summary.totalParams()) + " in total: "
                + Fmt.count(summary.trainableParams()) + " trainable, " + Fmt.count(summary.frozenParams())
                + " frozen"));
        rows.add(new ReportBlock.Fact("Starting weights", weights.sentence()));
        rows.add(new ReportBlock.Fact("Recorded as", Fmt.orNotRecorded(c.weights())));
        facts.weightLoad().ifPresent(w -> {
            rows.add(new ReportBlock.Fact("Layers loaded", w.loaded().isEmpty() ? "none" : String.join(", ",
                    w.loaded())));
            rows.add(new ReportBlock.Fact("Layers initialised at random", w.random().isEmpty() ? "none"
                    : String.join(", ", w.random())));
        });
        ReportSection.Builder b = ReportSection.builder("model", "Model and weights").add(new ReportBlock.Facts(rows));
        if (!weights.isRandom() && weights.checksum() == null) {
            b.notice("The checksum of the starting weights was not recorded for this run.");
        }
        facts.weightLoad().map(WeightLoadReport::notes).orElse(List.of()).forEach(b::paragraph);
        return b.build();
    }

    static String head(ModelSpec spec) {
        if (spec.head() == HeadType.PAPER) {
            return "the paper's: fc1 and fc2 with " + ModelSpec.PAPER_FC_UNITS + " units each (ReLU, dropout "
                    + Fmt.number(spec.dropout()) + "), softmax";
        }
        String dense = spec.compactHiddenUnits() > 0 ? "a dense layer of " + spec.compactHiddenUnits()
                + " units (ReLU, dropout " + Fmt.number(spec.dropout()) + "), " : "";
        return "compact: global average pooling after block5_pool, " + dense + "softmax";
    }
}
