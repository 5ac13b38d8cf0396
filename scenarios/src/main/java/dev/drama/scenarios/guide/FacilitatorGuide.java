package dev.drama.scenarios.guide;

import dev.drama.engine.Analysis;
import dev.drama.engine.Dilemma;
import dev.drama.scenarios.Problem;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The "Opening dilemmas" section of a facilitator guide:
 * <pre>
 * ## Opening dilemmas
 * - persuasion: chair -> council
 * - threat: council
 * - cooperation: police
 * </pre>
 * one line per dilemma ({@code kind: holder -> towards}; no {@code -> towards} for threat and
 * co-operation), or a single {@code - none}. The section ends at the next heading.
 */
public final class FacilitatorGuide {
    public static final String HEADING = "## Opening dilemmas";

    private static final Pattern ITEM = Pattern.compile(
            "^[-*]\\s+([A-Za-z-]+)\\s*:\\s*([A-Za-z][A-Za-z0-9_]*)\\s*(?:->\\s*([A-Za-z][A-Za-z0-9_]*))?\\s*$");
    private static final List<String> KINDS = List.of("persuasion", "rejection", "threat", "positioning", "cooperation", "trust");

    /** One line of the section. {@code towards} is empty when there is none. */
    public record OpeningDilemma(String kind, String holder, String towards, int line) {
        /** {@code "persuasion: chair -> council"} or {@code "threat: council"}. */
        public String text() {
            return towards.isEmpty() ? kind + ": " + holder : kind + ": " + holder + " -> " + towards;
        }
    }

    /** The section as read: whether it was there, its heading line, its items and any unreadable lines. */
    public record Section(boolean found, int headingLine, List<OpeningDilemma> dilemmas, List<Problem> problems) {
        public List<String> texts() {
            List<String> out = new ArrayList<>();
            for (OpeningDilemma d : dilemmas) out.add(d.text());
            return out;
        }
    }

    private FacilitatorGuide() {
    }

    public static Section parse(String file, String markdown) {
        String[] lines = markdown.split("\r\n|\r|\n", -1);
        List<OpeningDilemma> items = new ArrayList<>();
        List<Problem> problems = new ArrayList<>();
        int heading = -1;
        for (int i = 0; i < lines.length; i++) {
            if (lines[i].strip().equalsIgnoreCase(HEADING)) {
                heading = i;
                break;
            }
        }
        if (heading < 0) return new Section(false, 0, List.of(), List.of());
        boolean none = false;
        for (int i = heading + 1; i < lines.length; i++) {
            String l = lines[i].strip();
            if (l.startsWith("#")) break;
            if (l.isEmpty()) continue;
            if (l.matches("[-*]\\s+(none|None|nothing)\\.?")) {
                none = true;
                continue;
            }
            Matcher m = ITEM.matcher(l);
            String kind = m.matches() ? m.group(1).toLowerCase().replace("-", "") : null;
            if (kind == null || !KINDS.contains(kind)) {
                problems.add(Problem.warning(file, i + 1, 1, "cannot read this line of the '" + HEADING.substring(3) + "' section",
                        "write one dilemma per line as '- KIND: HOLDER -> TOWARDS' (KIND one of "
                                + String.join(", ", KINDS) + "; no '-> TOWARDS' for threat and cooperation), or '- none'"));
                continue;
            }
            items.add(new OpeningDilemma(kind, m.group(2), m.group(3) == null ? "" : m.group(3), i + 1));
        }
        if (none && !items.isEmpty()) {
            problems.add(Problem.warning(file, heading + 1, 1, "the '" + HEADING.substring(3) + "' section says 'none' but lists dilemmas",
                    "remove '- none'"));
        }
        return new Section(true, heading + 1, List.copyOf(items), List.copyOf(problems));
    }

    /** A dilemma as a line of the section: {@code "persuasion: chair -> council"}. */
    public static String text(Dilemma d) {
        String t = d.towards().orElse("");
        return t.isEmpty() ? d.kind().id() + ": " + d.holder() : d.kind().id() + ": " + d.holder() + " -> " + t;
    }

    /** The engine's dilemmas as lines of the section, in the engine's order. */
    public static List<String> texts(Analysis analysis) {
        List<String> out = new ArrayList<>();
        for (Dilemma d : analysis.dilemmas()) out.add(text(d));
        return out;
    }

    /** The whole section as it should read for this analysis. */
    public static String section(Analysis analysis) {
        StringBuilder b = new StringBuilder(HEADING).append('\n');
        List<String> texts = texts(analysis);
        if (texts.isEmpty()) b.append("- none\n");
        for (String t : texts) b.append("- ").append(t).append('\n');
        return b.toString();
    }

    /** Lines in {@code a} that are not in {@code b} (as multisets). */
    public static List<String> minus(List<String> a, List<String> b) {
        List<String> rest = new ArrayList<>(b);
        List<String> out = new ArrayList<>();
        for (String s : a) if (!rest.remove(s)) out.add(s);
        return out;
    }
}
