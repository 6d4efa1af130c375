package org.transferworkbench.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.transferworkbench.report.document.ReportBlock;
import org.transferworkbench.report.document.ReportDocument;
import org.transferworkbench.report.document.ReportSection;
import org.transferworkbench.report.render.ReportFormat;

/** The report folder is replaced whole or not at all; a document can grow by sections (how a study adds its own). */
class ReportWriterTest {

    @TempDir
    Path tmp;

    private static ReportDocument doc(ReportBlock... blocks) {
        return new ReportDocument("Methods report", "Run r", Instant.EPOCH, "test",
                List.of(ReportSection.builder("one", "One").paragraph("first report").build()))
                .withSections(List.of(new ReportSection("two", "Two", List.of(blocks))));
    }

    @Test
    void aFailedWriteLeavesTheEarlierReportAsItWas() throws Exception {
        Path out = tmp.resolve("report");
        new ReportWriter().write(doc(), out, EnumSet.of(ReportFormat.HTML));
        String before = Files.readString(out.resolve("report.html"));

        ReportDocument broken = doc(new ReportBlock.Attachment("split.csv", "the split",
                tmp.resolve("no-such-split.csv")));
        assertThatThrownBy(() -> new ReportWriter().write(broken, out, EnumSet.allOf(ReportFormat.class)))
                .isInstanceOf(IOException.class);

        assertThat(out.resolve("report.html")).hasContent(before);
        assertThat(out.resolve("report.md")).doesNotExist();
        try (var s = Files.list(tmp)) {
            assertThat(s.map(p -> p.getFileName().toString())).containsExactly("report");
        }
    }

    @Test
    void sectionsKeepTheirOrderAndIdsMustBeUnique() throws Exception {
        var written = new ReportWriter().write(doc(new ReportBlock.Notice("second")), tmp.resolve("r"),
                Set.of(ReportFormat.MARKDOWN));
        String md = Files.readString(written.file(ReportFormat.MARKDOWN));
        assertThat(md.indexOf("## One")).isLessThan(md.indexOf("## Two"));
        assertThat(md).contains("> **Note:** second");
        assertThatThrownBy(() -> doc().withSections(List.of(ReportSection.builder("one", "Again").build())))
                .hasMessageContaining("unique");
        assertThatThrownBy(() -> new ReportWriter().write(doc(), tmp.resolve("x"), Set.of()))
                .hasMessageContaining("at least one report format");
    }
}
