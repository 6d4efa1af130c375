package org.transferworkbench.report.render;

import static org.transferworkbench.report.render.Markdown.escape;

import java.time.format.DateTimeFormatter;
import java.util.List;
import org.transferworkbench.report.document.ReportBlock;
import org.transferworkbench.report.document.ReportDocument;
import org.transferworkbench.report.document.ReportSection;

/** Markdown (CommonMark with GitHub tables) with the figures as PNG files in {@code figures/} beside it. */
public final class MarkdownRenderer {

    public String render(ReportDocument doc) {
        StringBuilder out = new StringBuilder(32 * 1024);
        out.append("<!-- transfer-workbench report format v").append(ReportDocument.FORMAT_VERSION).append(" -->\n\n")
                .append("# ").append(escape(doc.title())).append("\n\n")
                .append(escape(doc.subject())).append(" · generated ")
                .append(escape(DateTimeFormatter.ISO_INSTANT.format(doc.generatedAt()))).append(" by ")
                .append(escape(doc.generator())).append(" · report format v").append(ReportDocument.FORMAT_VERSION)
                .append("\n\n");
        for (ReportSection section : doc.sections()) {
            out.append("## ").append(escape(section.title())).append("\n\n");
            section.blocks().forEach(b -> block(out, b));
        }
        return out.toString();
    }

    private static void block(StringBuilder out, ReportBlock block) {
        if (block instanceof ReportBlock.Paragraph p) {
            out.append(Markdown.paragraph(p.text())).append("\n\n");
        } else if (block instanceof ReportBlock.Notice n) {
            out.append("> **Note:** ").append(escape(n.text())).append("\n\n");
        } else if (block instanceof ReportBlock.Facts f) {
            out.append("| | |\n|---|---|\n");
            f.facts().forEach(fact -> out.append("| **").append(escape(fact.label())).append("** | ")
                    .append(escape(fact.value())).append(" |\n"));
            out.append('\n');
        } else if (block instanceof ReportBlock.Table t) {
            table(out, t);
        } else if (block instanceof ReportBlock.Figure f) {
            out.append("![").append(escape(f.caption())).append("](").append(ReportFormat.FIGURES).append('/')
                    .append(f.fileName()).append(")\n\n*").append(escape(f.caption())).append("*\n\n");
        } else if (block instanceof ReportBlock.Attachment a) {
            out.append("[").append(escape(a.fileName())).append("](").append(ReportFormat.FILES).append('/')
                    .append(a.fileName()).append("): ").append(escape(a.description())).append("\n\n");
        }
    }

    private static void table(StringBuilder out, ReportBlock.Table t) {
        if (t.caption() != null && !t.caption().isBlank()) {
            out.append("**").append(escape(t.caption())).append("**\n\n");
        }
        row(out, t.header());
        out.append('|').append("---|".repeat(t.header().size())).append('\n');
        t.rows().forEach(r -> row(out, r));
        out.append('\n');
    }

    private static void row(StringBuilder out, List<String> cells) {
        out.append('|');
        cells.forEach(c -> out.append(' ').append(c.isEmpty() ? " " : escape(c)).append(" |"));
        out.append('\n');
    }
}
