package org.transferworkbench.report.document;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * A whole report: what it is about, when it was made, and its sections in order. Knows nothing of HTML or
 * Markdown.
 *
 * @param subject what the report describes, e.g. the run's folder name
 */
public record ReportDocument(String title, String subject, Instant generatedAt, String generator,
                             List<ReportSection> sections) {

    /** The version of the report layout, written into every rendered file and into report.json. */
    public static final int FORMAT_VERSION = 1;

    public ReportDocument {
        sections = List.copyOf(sections);
        List<String> ids = sections.stream().map(ReportSection::id).toList();
        if (ids.stream().distinct().count() != ids.size()) {
            throw new IllegalArgumentException("Section ids must be unique within a report: " + ids);
        }
    }

    /** The same report with more sections at the end (how a study adds its own parts). */
    public ReportDocument withSections(List<ReportSection> more) {
        List<ReportSection> all = new ArrayList<>(sections);
        all.addAll(more);
        return new ReportDocument(title, subject, generatedAt, generator, all);
    }

    public Stream<ReportBlock> blocks() {
        return sections.stream().flatMap(s -> s.blocks().stream());
    }

    public List<ReportBlock.Figure> figures() {
        return blocks().filter(ReportBlock.Figure.class::isInstance).map(ReportBlock.Figure.class::cast).toList();
    }

    public List<ReportBlock.Attachment> attachments() {
        return blocks().filter(ReportBlock.Attachment.class::isInstance).map(ReportBlock.Attachment.class::cast)
                .toList();
    }
}
