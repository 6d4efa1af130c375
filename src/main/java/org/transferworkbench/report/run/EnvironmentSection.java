package org.transferworkbench.report.run;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.transferworkbench.engine.experiment.EnvironmentInfo;
import org.transferworkbench.report.document.ReportBlock;
import org.transferworkbench.report.document.ReportSection;

/** The software and hardware that trained the run, as recorded in config.json when it started. */
public final class EnvironmentSection {
    /** config.json's environment keys, in reading order, with the label a reader expects. */
    private static final Map<String, String> LABELS = new LinkedHashMap<>();

    static {
        LABELS.put("workbench", "Transfer Workbench");
        LABELS.put("deeplearning4j", "Deeplearning4j / ND4J");
        LABELS.put("nd4jBackend", "ND4J backend");
        LABELS.put("java", "Java");
        LABELS.put("os", "Operating system");
        LABELS.put("device", "Processor / GPU");
        LABELS.put("cpuThreads", "CPU threads");
        LABELS.put("memory", "Memory");
    }

    private EnvironmentSection() {
    }

    public static ReportSection of(RunFacts facts) {
        Map<String, String> env = facts.config().environment() == null ? Map.of() : facts.config().environment();
        List<ReportBlock.Fact> rows = new ArrayList<>();
        LABELS.forEach((key, label) -> rows.add(new ReportBlock.Fact(label, Fmt.orNotRecorded(env.get(key)))));
        env.forEach((key, value) -> {
            if (!LABELS.containsKey(key)) {
                rows.add(new ReportBlock.Fact(key, value));
            }
        });
        ReportSection.Builder b = ReportSection.builder("environment", "Software and hardware")
                .paragraph("As recorded when the run started:")
                .add(new ReportBlock.Facts(rows));
        if (!env.containsKey("memory")) {
            b.notice("This run was made before the Workbench recorded memory sizes.");
        }
        return b.paragraph("This report was written by Transfer Workbench " + EnvironmentInfo.workbenchVersion()
                + " on Java " + System.getProperty("java.version") + ".").build();
    }
}
