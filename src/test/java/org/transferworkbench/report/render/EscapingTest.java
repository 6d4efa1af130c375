package org.transferworkbench.report.render;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.transferworkbench.report.document.ReportBlock;
import org.transferworkbench.report.document.ReportDocument;
import org.transferworkbench.report.document.ReportSection;

/** User text comes out as the same characters in both formats, and ordinary numbers stay readable. */
class EscapingTest {

    @Test
    void htmlEscapesEveryMarkupCharacterIncludingInAttributes() {
        assertThat(Html.escape("<a href='x'>\"&\"</a>")).isEqualTo(
                "&lt;a href=&#39;x&#39;&gt;&quot;&amp;&quot;&lt;/a&gt;");
        assertThat(Html.escape("bell\u0007")).isEqualTo("bell\uFFFD");
    }

    @Test
    void markdownNeutralisesEmphasisLinksTablesAndHtmlButKeepsNumbersPlain() {
        assertThat(Markdown.escape("*x* _y_ [l](u) a|b `c` <b>")).isEqualTo(
                "\\*x\\* \\_y\\_ \\[l\\](u) a\\|b \\`c\\` &lt;b&gt;");
        assertThat(Markdown.escape("lr 1e-3, 70 / 15 %, x-ray")).isEqualTo("lr 1e-3, 70 / 15 %, x-ray");
        assertThat(Markdown.escape("--- and ++")).isEqualTo("\\-\\-\\- and \\+\\+");
        assertThat(Markdown.escape("Simonyan & Zisserman, &lt; stays text")).isEqualTo(
                "Simonyan & Zisserman, &amp;lt; stays text");
        assertThat(Markdown.escape("two\nlines")).isEqualTo("two lines");
        assertThat(Markdown.paragraph("1. not a list")).isEqualTo("1\\. not a list");
    }

    @Test
    void aTableCellWithAPipeStaysInItsColumn() {
        ReportDocument doc = new ReportDocument("T", "s", Instant.EPOCH, "g", List.of(ReportSection.builder("t", "T")
                .add(new ReportBlock.Table("c", List.of("class", "n"), List.of(List.of("a|b", "1")))).build()));
        assertThat(new MarkdownRenderer().render(doc)).contains("| a\\|b | 1 |");
        assertThat(new HtmlRenderer().render(doc)).contains("<th scope=\"row\">a|b</th><td class=\"num\">1</td>");
    }
}
