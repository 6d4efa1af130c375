package org.transferworkbench.report.render;

import static org.transferworkbench.report.render.Html.escape;

import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.List;
import org.transferworkbench.report.document.ReportBlock;
import org.transferworkbench.report.document.ReportDocument;
import org.transferworkbench.report.document.ReportSection;

/**
 * One self-contained HTML file: styles inline and figures embedded as base64, so the file alone can be mailed or
 * archived; the same figures also lie in {@code figures/} beside it.
 */
public final class HtmlRenderer {
    private static final String STYLE = """
            body{font-family:system-ui,-apple-system,"Segoe UI",sans-serif;max-width:60rem;margin:2rem auto;\
            padding:0 1rem;color:#1d2433;line-height:1.45}
            h1{font-size:1.6rem;margin-bottom:.2rem}h2{font-size:1.25rem;margin-top:2rem;\
            border-bottom:1px solid #d6dbe4;padding-bottom:.2rem}
            table{border-collapse:collapse;margin:.6rem 0 1rem;font-size:.92rem}
            th,td{border:1px solid #d6dbe4;padding:.25rem .55rem;text-align:left;vertical-align:top}
            th{background:#f1f4f8}td.num{text-align:right;font-variant-numeric:tabular-nums}
            caption{caption-side:top;text-align:left;font-weight:600;padding:.2rem 0}
            .notice{background:#fff4e5;border-left:4px solid #e8a33d;padding:.5rem .8rem}
            .meta{color:#5b6578}figure{margin:1rem 0}figure img{max-width:100%;border:1px solid #d6dbe4}
            figcaption{color:#5b6578;font-size:.9rem}code{word-break:break-all}
            @media print{nav{display:none}body{margin:0;max-width:none}figure,table{break-inside:avoid}}
            """;

    public String render(ReportDocument doc) {
        StringBuilder out = new StringBuilder(64 * 1024);
        out.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
                .append("<meta name=\"generator\" content=\"").append(escape(doc.generator())).append("\">\n")
                .append("<meta name=\"report-format-version\" content=\"").append(ReportDocument.FORMAT_VERSION)
                .append("\">\n<title>").append(escape(doc.title() + " — " + doc.subject())).append("</title>\n")
                .append("<style>\n").append(STYLE).append("</style>\n</head>\n<body>\n")
                .append("<h1>").append(escape(doc.title())).append("</h1>\n")
                .append("<p class=\"meta\">").append(escape(doc.subject())).append(" · generated ")
                .append(escape(DateTimeFormatter.ISO_INSTANT.format(doc.generatedAt()))).append(" by ")
                .append(escape(doc.generator())).append(" · report format v").append(ReportDocument.FORMAT_VERSION)
                .append("</p>\n");
        contents(out, doc.sections());
        for (ReportSection section : doc.sections()) {
            out.append("<section id=\"").append(escape(section.id())).append("\">\n<h2>")
                    .append(escape(section.title())).append("</h2>\n");
            section.blocks().forEach(b -> block(out, b));
            out.append("</section>\n");
        }
        return out.append("</body>\n</html>\n").toString();
    }

    private static void contents(StringBuilder out, List<ReportSection> sections) {
        out.append("<nav><ol>\n");
        for (ReportSection s : sections) {
            out.append("<li><a href=\"#").append(escape(s.id())).append("\">").append(escape(s.title()))
                    .append("</a></li>\n");
        }
        out.append("</ol></nav>\n");
    }

    private static void block(StringBuilder out, ReportBlock block) {
        if (block instanceof ReportBlock.Paragraph p) {
            out.append("<p>").append(escape(p.text())).append("</p>\n");
        } else if (block instanceof ReportBlock.Notice n) {
            out.append("<p class=\"notice\">").append(escape(n.text())).append("</p>\n");
        } else if (block instanceof ReportBlock.Facts f) {
            out.append("<table class=\"facts\">\n");
            for (ReportBlock.Fact fact : f.facts()) {
                out.append("<tr><th scope=\"row\">").append(escape(fact.label())).append("</th><td>")
                        .append(escape(fact.value())).append("</td></tr>\n");
            }
            out.append("</table>\n");
        } else if (block instanceof ReportBlock.Table t) {
            table(out, t);
        } else if (block instanceof ReportBlock.Figure f) {
            out.append("<figure><img alt=\"").append(escape(f.caption()))
                    .append("\" src=\"data:image/png;base64,").append(Base64.getEncoder().encodeToString(f.png()))
                    .append("\"><figcaption>").append(escape(f.caption())).append(" (<a href=\"")
                    .append(escape(ReportFormat.FIGURES + "/" + f.fileName())).append("\">")
                    .append(escape(f.fileName())).append("</a>)</figcaption></figure>\n");
        } else if (block instanceof ReportBlock.Attachment a) {
            out.append("<p><a href=\"").append(escape(ReportFormat.FILES + "/" + a.fileName())).append("\">")
                    .append(escape(a.fileName())).append("</a>: ").append(escape(a.description())).append("</p>\n");
        }
    }

    private static void table(StringBuilder out, ReportBlock.Table t) {
        out.append("<table>\n");
        if (t.caption() != null && !t.caption().isBlank()) {
            out.append("<caption>").append(escape(t.caption())).append("</caption>\n");
        }
        out.append("<thead><tr>");
        t.header().forEach(h -> out.append("<th scope=\"col\">").append(escape(h)).append("</th>"));
        out.append("</tr></thead>\n<tbody>\n");
        for (List<String> row : t.rows()) {
            out.append("<tr>");
            for (int i = 0; i < row.size(); i++) {
                String cell = row.get(i);
                boolean numeric = i > 0 && cell.matches("[-+0-9.,% \\[\\]–]+");
                out.append(i == 0 ? "<th scope=\"row\">" : numeric ? "<td class=\"num\">" : "<td>")
                        .append(escape(cell)).append(i == 0 ? "</th>" : "</td>");
            }
            out.append("</tr>\n");
        }
        out.append("</tbody>\n</table>\n");
    }
}
