package org.transferworkbench.report.document;

import java.util.ArrayList;
import java.util.List;

/**
 * A titled part of a report (dataset, model, evaluation, ...). A run report is a list of these; a study report can
 * add its own sections beside them.
 *
 * @param id an anchor for links inside the report: lower-case words and dashes
 */
public record ReportSection(String id, String title, List<ReportBlock> blocks) {

    public ReportSection {
        if (!id.matches("[a-z][a-z0-9-]*")) {
            throw new IllegalArgumentException("Section ids are lower-case words and dashes; got '" + id + "'.");
        }
        blocks = List.copyOf(blocks);
    }

    public static Builder builder(String id, String title) {
        return new Builder(id, title);
    }

    /** Collects blocks in reading order. */
    public static final class Builder {
        private final String id;
        private final String title;
        private final List<ReportBlock> blocks = new ArrayList<>();

        private Builder(String id, String title) {
            this.id = id;
            this.title = title;
        }

        public Builder paragraph(String text) {
            return add(new ReportBlock.Paragraph(text));
        }

        public Builder notice(String text) {
            return add(new ReportBlock.Notice(text));
        }

        public Builder add(ReportBlock block) {
            blocks.add(block);
            return this;
        }

        public ReportSection build() {
            return new ReportSection(id, title, blocks);
        }
    }
}
