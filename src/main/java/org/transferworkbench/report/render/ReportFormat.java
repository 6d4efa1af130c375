package org.transferworkbench.report.render;

import java.util.Locale;

/** The formats a report can be written in; each has one file name in the report folder. */
public enum ReportFormat {
    HTML("report.html"), MARKDOWN("report.md");

    private final String fileName;

    ReportFormat(String fileName) {
        this.fileName = fileName;
    }

    public String fileName() {
        return fileName;
    }

    public static ReportFormat parse(String text) {
        return switch (text == null ? "" : text.strip().toLowerCase(Locale.ROOT)) {
            case "html", "htm" -> HTML;
            case "md", "markdown" -> MARKDOWN;
            default -> throw new IllegalArgumentException("Unknown report format '" + text + "'; use html or md.");
        };
    }

    /** "html", "md" or both, as the command line's --format gives them; at least one. */
    public static java.util.Set<ReportFormat> parseAll(java.util.List<String> texts) {
        java.util.Set<ReportFormat> chosen = java.util.EnumSet.noneOf(ReportFormat.class);
        texts.forEach(t -> chosen.add(parse(t)));
        if (chosen.isEmpty()) {
            throw new IllegalArgumentException("Choose at least one report format (html or md).");
        }
        return chosen;
    }

    /** Where figures and attached files go, relative to the report file. */
    public static final String FIGURES = "figures";
    public static final String FILES = "files";
}
