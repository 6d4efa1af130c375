package org.transferworkbench.report.document;

import java.util.List;

/**
 * One piece of a report section. Every string is plain text as the data gave it (class names and paths are user
 * data); only the renderers escape, each for its own format.
 */
public sealed interface ReportBlock {

    /** A paragraph of prose. */
    record Paragraph(String text) implements ReportBlock {
    }

    /**
     * Something the reader must not miss because it is absent or doubtful ("not recorded", "no test evaluation"):
     * rendered so that it stands out.
     */
    record Notice(String text) implements ReportBlock {
    }

    /** Labelled values, rendered as a two-column table. */
    record Facts(List<Fact> facts) implements ReportBlock {
        public Facts {
            facts = List.copyOf(facts);
        }
    }

    record Fact(String label, String value) {
    }

    /** A table with a header row; every row has as many cells as the header. */
    record Table(String caption, List<String> header, List<List<String>> rows) implements ReportBlock {
        public Table {
            header = List.copyOf(header);
            rows = rows.stream().map(List::copyOf).toList();
            for (List<String> row : rows) {
                if (row.size() != header.size()) {
                    throw new IllegalArgumentException("Table '" + caption + "' has " + header.size()
                            + " columns but a row with " + row.size() + " cells.");
                }
            }
        }
    }

    /** A PNG figure; the writer stores it under {@code fileName} beside the report. */
    record Figure(String fileName, String caption, byte[] png) implements ReportBlock {
        public Figure {
            if (!fileName.matches("[a-z0-9][a-z0-9-]*\\.png")) {
                throw new IllegalArgumentException("Figure file names are lower-case words and dashes ending in "
                        + ".png; got '" + fileName + "'.");
            }
        }
    }

    /** A file the writer copies into the report folder (e.g. the split list), linked from the text. */
    record Attachment(String fileName, String description, java.nio.file.Path source) implements ReportBlock {
        public Attachment {
            if (!fileName.matches("[A-Za-z0-9][A-Za-z0-9._-]*")) {
                throw new IllegalArgumentException("Attachment names are plain file names; got '" + fileName + "'.");
            }
        }
    }
}
