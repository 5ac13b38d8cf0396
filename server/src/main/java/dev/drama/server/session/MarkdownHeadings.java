package dev.drama.server.session;

/**
 * Nests a Markdown text (a briefing) under a heading of the debrief: its own headings are
 * shifted so that the highest becomes one level below the given one, keeping their order
 * (capped at level 6). Fenced code blocks are left alone.
 */
final class MarkdownHeadings {
    private MarkdownHeadings() {
    }

    static String nestBelow(String markdown, int level) {
        String[] lines = markdown.split("\n", -1);
        int highest = 7;
        boolean fenced = false;
        for (String line : lines) {
            fenced ^= isFence(line);
            if (!fenced && headingLevel(line) > 0) {
                highest = Math.min(highest, headingLevel(line));
            }
        }
        int shift = highest == 7 ? 0 : Math.max(0, level + 1 - highest);
        if (shift == 0) {
            return markdown;
        }
        StringBuilder out = new StringBuilder();
        fenced = false;
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            fenced ^= isFence(line);
            int own = fenced ? 0 : headingLevel(line);
            if (own > 0) {
                line = "#".repeat(Math.min(6, own + shift)) + line.substring(own);
            }
            out.append(line);
            if (i < lines.length - 1) {
                out.append('\n');
            }
        }
        return out.toString();
    }

    /** The level of an ATX heading ("## Title" is 2), or 0. */
    private static int headingLevel(String line) {
        int n = 0;
        while (n < line.length() && line.charAt(n) == '#') {
            n++;
        }
        return n >= 1 && n <= 6 && (n == line.length() || line.charAt(n) == ' ') ? n : 0;
    }

    private static boolean isFence(String line) {
        String t = line.stripLeading();
        return t.startsWith("```") || t.startsWith("~~~");
    }
}
