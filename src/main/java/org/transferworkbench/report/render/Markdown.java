package org.transferworkbench.report.render;

/**
 * Escaping for Markdown (CommonMark with GitHub tables). User text must come out as the same characters, never as
 * emphasis, links, table cells or raw HTML, in any viewer.
 */
public final class Markdown {
    private static final String BACKSLASHED = "\\`*_[]{}()#+-!|~";
    private static final java.util.regex.Pattern ENTITY = java.util.regex.Pattern.compile(
            "&(#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{0,31});");

    private Markdown() {
    }

    /** Inline text: one line, every Markdown or HTML meaning removed. */
    public static String escape(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder sb = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '<') {
                sb.append("&lt;");
            } else if (c == '>') {
                sb.append("&gt;");
            } else if (c == '&') {
                // "&" only means something when it starts an entity reference such as "&lt;"
                sb.append(ENTITY.matcher(text).region(i, text.length()).lookingAt() ? "&amp;" : "&");
            } else if (c == '\n' || c == '\r' || c == '\t') {
                sb.append(' ');
            } else if (c < 0x20) {
                sb.append('\uFFFD');
            } else if (BACKSLASHED.indexOf(c) >= 0 && needsBackslash(text, i)) {
                sb.append('\\').append(c);
            } else {
                sb.append(c);
            }
        }
        return sb.toString();
    }

    /**
     * Dashes and pluses only mean something at the start of a line or doubled (tables, lists, rules); escaping
     * them elsewhere would litter numbers such as 1e-3 with backslashes.
     */
    private static boolean needsBackslash(String text, int i) {
        char c = text.charAt(i);
        if (c == '-' || c == '+') {
            return i == 0 || text.charAt(i - 1) == c || (i + 1 < text.length() && text.charAt(i + 1) == c);
        }
        if (c == '(' || c == ')') {
            return false; // only special after "]", which is always escaped
        }
        return true;
    }

    /** A paragraph: inline escaping, plus a leading digit-dot that would otherwise start a numbered list. */
    public static String paragraph(String text) {
        String escaped = escape(text);
        return escaped.matches("^\\d+[.)].*") ? escaped.replaceFirst("^(\\d+)([.)])", "$1\\\\$2") : escaped;
    }
}
