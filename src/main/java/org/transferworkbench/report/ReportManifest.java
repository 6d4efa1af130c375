package org.transferworkbench.report;

import java.time.Instant;
import java.util.List;

/**
 * report.json: what a report folder holds and which layout it follows, so that tools (and the next version of the
 * Workbench) can recognise and replace it.
 */
public record ReportManifest(int formatVersion, String title, String subject, Instant generatedAt, String generator,
                             List<String> files) {
    public static final String FILE_NAME = "report.json";
}
