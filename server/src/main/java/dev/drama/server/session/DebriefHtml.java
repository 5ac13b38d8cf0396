package dev.drama.server.session;

import dev.drama.proto.Choice;
import dev.drama.proto.CharacterOutcome;
import dev.drama.proto.OutcomeEvent;
import dev.drama.scenarios.model.PackCharacter;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The debrief as one self-contained HTML file: inline style and SVG charts, no script, so it
 * opens anywhere and can be mailed or archived. Every text from a pack or a participant goes
 * through {@link #escape}, and the file's own Content-Security-Policy forbids scripts in case
 * anything ever slipped through. The charts are drawn from {@link DebriefCharts}, the same
 * figures the debrief page draws from the JSON export; each dilemma kind is told by its
 * letters and name as well as its colour.
 */
final class DebriefHtml {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss").withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter MINUTE = DateTimeFormatter.ofPattern("HH:mm").withZone(ZoneOffset.UTC);
    /** Colour (Okabe-Ito, safe for colour-blindness), letters and name of each kind, as on the dashboard. */
    private static final Map<String, String[]> KINDS = new LinkedHashMap<>();

    static {
        KINDS.put("PERSUASION", new String[] {"#0072B2", "Pe", "persuasion"});
        KINDS.put("REJECTION", new String[] {"#D55E00", "Rj", "rejection"});
        KINDS.put("THREAT", new String[] {"#CC79A7", "Th", "threat"});
        KINDS.put("POSITIONING", new String[] {"#B07800", "Po", "positioning"});
        KINDS.put("COOPERATION", new String[] {"#009E73", "Co", "co-operation"});
        KINDS.put("TRUST", new String[] {"#444444", "Tr", "trust"});
    }

    // The charts' geometry: a column of labels, then the plot.
    private static final int WIDTH = 1000;
    private static final int PLOT_LEFT = 330;
    private static final int PLOT_RIGHT = 980;
    private static final int HEAD = 30;
    private static final int ROW = 28;
    /** About the width of a letter of the charts' 13-unit labels, to leave out one that would not fit. */
    private static final double LETTER_WIDTH = 7;

    private static final String STYLE = """
            body { font: 16px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", sans-serif;
              color: #1b2330; max-width: 1060px; margin: 0 auto; padding: 16px 24px 48px; }
            h1 { font-size: 28px; margin: 8px 0 4px; } h2 { font-size: 22px; margin: 32px 0 8px; border-bottom: 2px solid #d9dee5; }
            h3 { font-size: 18px; margin: 18px 0 4px; } .muted { color: #5b6675; }
            table { border-collapse: collapse; margin: 8px 0; } th, td { border-bottom: 1px solid #d9dee5; padding: 4px 10px; text-align: left; vertical-align: top; }
            svg { display: block; width: 100%; height: auto; margin: 4px 0 12px; }
            .kept { color: #0b6e4f; font-weight: 700; } .broken { color: #b3261e; font-weight: 700; }
            .legend { list-style: none; padding: 0; display: flex; flex-wrap: wrap; gap: 4px 16px; }
            .kind { display: inline-block; min-width: 2.2em; text-align: center; border: 2px solid; border-radius: 10px; font-weight: 800; font-size: 13px; }
            ol.timeline { list-style: none; padding: 0; } ol.timeline li { padding: 2px 0; border-bottom: 1px solid #eef1f4; }
            .timeline time { font-family: ui-monospace, Menlo, Consolas, monospace; color: #5b6675; font-size: 14px; }
            .briefing { white-space: pre-wrap; }
            """;

    private final SessionState state;
    private final StringBuilder out = new StringBuilder();

    private DebriefHtml(SessionState state) {
        this.state = state;
    }

    static String render(SessionState state, List<TimelineEntry> timeline, DebriefCharts charts) {
        return new DebriefHtml(state).document(timeline, charts);
    }

    private String document(List<TimelineEntry> timeline, DebriefCharts charts) {
        String title = "Debrief: " + state.pack().title();
        out.append("<!doctype html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
                .append("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'\">\n")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>")
                .append(escape(title)).append("</title>\n<style>\n").append(STYLE).append("</style>\n</head>\n<body>\n")
                .append("<h1>").append(escape(title)).append("</h1>\n<p class=\"muted\">Session ")
                .append(escape(state.sessionId())).append(", pack ").append(escape(state.pack().id())).append(" v")
                .append(state.pack().version()).append(", phase ").append(Moves.phaseName(state.phase()))
                .append(". Times are UTC.</p>\n");
        cast();
        dilemmas(charts);
        outcome(charts);
        agreements(charts);
        out.append("<h2>Timeline</h2>\n<ol class=\"timeline\">\n");
        for (TimelineEntry e : timeline) {
            out.append("<li><time>").append(TIME.format(Instant.ofEpochMilli(e.atEpochMs()))).append("</time> ")
                    .append(escape(e.text())).append("</li>\n");
        }
        out.append("</ol>\n");
        briefings();
        return out.append("</body>\n</html>\n").toString();
    }

    private void cast() {
        out.append("<h2>Cast</h2>\n<table>\n<tr><th scope=\"col\">Character</th><th scope=\"col\">Played by</th></tr>\n");
        for (dev.drama.engine.Character c : state.board().characters()) {
            out.append("<tr><td>").append(escape(c.name())).append("</td><td>")
                    .append(escape(state.playerOf(c.id()).map(Participant::displayName).orElse("nobody (unplayed)")))
                    .append("</td></tr>\n");
        }
        out.append("</table>\n");
    }

    // ------------------------------------------------------------------ dilemmas over time

    private void dilemmas(DebriefCharts charts) {
        out.append("<h2>Dilemmas over time</h2>\n<p>Each bar is a dilemma (→ whom it is towards), from when it arose "
                + "to when it resolved; a bar that runs off the right edge was still open at the end.</p>\n<ul class=\"legend\">");
        KINDS.forEach((kind, k) -> out.append("<li><span class=\"kind\" style=\"color:").append(k[0]).append("\">")
                .append(k[1]).append("</span> ").append(k[2]).append("</li>"));
        out.append("</ul>\n");
        charts.dilemmas().forEach((holder, spans) -> {
            out.append("<h3>").append(escape(name(holder))).append("</h3>\n");
            if (spans.isEmpty()) {
                out.append("<p class=\"muted\">No dilemma during play.</p>\n");
                return;
            }
            // One row per dilemma (kind and target); a dilemma that came back shares its row.
            Map<String, List<DebriefCharts.DilemmaSpan>> rows = new LinkedHashMap<>();
            spans.forEach(s -> rows.computeIfAbsent(s.kind() + '|' + s.towards(), k -> new ArrayList<>()).add(s));
            int height = HEAD + rows.size() * ROW + 24;
            svgOpen(height, name(holder) + "'s dilemmas over time");
            phaseBands(charts, height - 24);
            int y = HEAD;
            for (List<DebriefCharts.DilemmaSpan> row : rows.values()) {
                DebriefCharts.DilemmaSpan first = row.get(0);
                String[] k = kind(first.kind());
                out.append("<text x=\"").append(PLOT_LEFT - 16).append("\" y=\"").append(y + 19)
                        .append("\" text-anchor=\"end\" font-size=\"14\"><tspan font-weight=\"800\" fill=\"").append(k[0])
                        .append("\">").append(k[1]).append("</tspan> ").append(k[2])
                        .append(first.towards().isEmpty() ? "" : " → " + escape(name(first.towards())))
                        .append("</text>\n");
                for (DebriefCharts.DilemmaSpan s : row) {
                    double x1 = x(charts, s.aroseEpochMs());
                    double x2 = s.resolvedEpochMs() == null ? PLOT_RIGHT : Math.max(x1 + 4, x(charts, s.resolvedEpochMs()));
                    out.append("<g><title>").append(escape(span(first, s))).append("</title>")
                            .append("<rect x=\"").append(num(x1)).append("\" y=\"").append(y + 7).append("\" width=\"")
                            .append(num(x2 - x1)).append("\" height=\"14\" rx=\"3\" fill=\"").append(k[0])
                            .append("\" fill-opacity=\"0.8\"/>");
                    if (s.resolvedEpochMs() == null) {
                        out.append("<path d=\"M").append(PLOT_RIGHT).append(',').append(y + 3).append(" l12,11 l-12,11 z\" fill=\"")
                                .append(k[0]).append("\"/>");
                    } else {
                        out.append("<rect x=\"").append(num(x2 - 2)).append("\" y=\"").append(y + 3)
                                .append("\" width=\"4\" height=\"22\" fill=\"#1b2330\"/>");
                    }
                    out.append("<circle cx=\"").append(num(x1)).append("\" cy=\"").append(y + 14)
                            .append("\" r=\"11\" fill=\"#fff\" stroke=\"").append(k[0]).append("\" stroke-width=\"3\"/>")
                            .append("<text x=\"").append(num(x1)).append("\" y=\"").append(y + 18)
                            .append("\" text-anchor=\"middle\" font-size=\"11\" font-weight=\"800\" fill=\"").append(k[0])
                            .append("\">").append(k[1]).append("</text></g>\n");
                }
                y += ROW;
            }
            axis(charts, y);
            out.append("</svg>\n");
        });
    }

    private String span(DebriefCharts.DilemmaSpan first, DebriefCharts.DilemmaSpan s) {
        return kind(first.kind())[2] + " dilemma" + (first.towards().isEmpty() ? "" : " towards " + name(first.towards()))
                + ": arose " + TIME.format(Instant.ofEpochMilli(s.aroseEpochMs()))
                + (s.resolvedEpochMs() == null ? ", still open at the end"
                : ", resolved " + TIME.format(Instant.ofEpochMilli(s.resolvedEpochMs())));
    }

    /** The phases as bands behind the bars, each named with the time it began. */
    private void phaseBands(DebriefCharts charts, int bottom) {
        List<DebriefCharts.PhaseMark> phases = charts.phases();
        for (int i = 0; i < phases.size(); i++) {
            DebriefCharts.PhaseMark p = phases.get(i);
            long from = Math.max(p.atEpochMs(), charts.startEpochMs());
            long to = i + 1 < phases.size() ? phases.get(i + 1).atEpochMs() : charts.endEpochMs();
            if (to <= from || from >= charts.endEpochMs()) {  // a phase with no time on the axis (the debrief, at the end)
                continue;
            }
            double x1 = x(charts, from);
            double x2 = Math.max(x1, x(charts, to));
            String label = p.name() + ' ' + MINUTE.format(Instant.ofEpochMilli(p.atEpochMs()));
            out.append("<g><title>").append(label).append("</title><rect x=\"").append(num(x1)).append("\" y=\"0\" width=\"")
                    .append(num(x2 - x1)).append("\" height=\"").append(bottom).append("\" fill=\"")
                    .append(i % 2 == 0 ? "#eef1f5" : "#f8f9fb").append("\"/><line x1=\"").append(num(x1)).append("\" x2=\"")
                    .append(num(x1)).append("\" y1=\"0\" y2=\"").append(bottom).append("\" stroke=\"#9aa3ae\"/>");
            if (x2 - x1 >= LETTER_WIDTH * label.length()) {  // a name that does not fit is left to the tooltip
                out.append("<text x=\"").append(num(x1 + 4)).append("\" y=\"18\" font-size=\"13\" fill=\"#394452\">")
                        .append(label).append("</text>");
            }
            out.append("</g>\n");
        }
    }

    private void axis(DebriefCharts charts, int y) {
        out.append("<line x1=\"").append(PLOT_LEFT).append("\" x2=\"").append(PLOT_RIGHT).append("\" y1=\"").append(y + 2)
                .append("\" y2=\"").append(y + 2).append("\" stroke=\"#5b6675\"/><text x=\"").append(PLOT_LEFT)
                .append("\" y=\"").append(y + 18).append("\" font-size=\"12\" fill=\"#5b6675\">")
                .append(TIME.format(Instant.ofEpochMilli(charts.startEpochMs()))).append("</text><text x=\"")
                .append(PLOT_RIGHT).append("\" y=\"").append(y + 18).append("\" font-size=\"12\" fill=\"#5b6675\" text-anchor=\"end\">")
                .append(TIME.format(Instant.ofEpochMilli(charts.endEpochMs()))).append("</text>\n");
    }

    private static double x(DebriefCharts charts, long at) {
        double span = Math.max(1, charts.endEpochMs() - charts.startEpochMs());
        double f = Math.min(1, Math.max(0, (at - charts.startEpochMs()) / span));
        return PLOT_LEFT + f * (PLOT_RIGHT - PLOT_LEFT);
    }

    // ------------------------------------------------------------------ the outcome and the agreements

    private void outcome(DebriefCharts charts) {
        OutcomeEvent outcome = Outcomes.reveal(state).getOutcome();
        out.append("<h2>The outcome against each character's preferences</h2>\n");
        if (!state.outcomeRevealed()) {
            out.append("<p><strong>Not revealed yet:</strong> this is what would happen on the stated intentions.</p>\n");
        }
        out.append("<p>").append(escape(outcome.getSummary())).append("</p>\n<table>\n<tr><th scope=\"col\">Option</th>"
                + "<th scope=\"col\">Whose</th><th scope=\"col\">Outcome</th></tr>\n");
        for (var setting : outcome.getOutcomeList()) {
            state.board().option(setting.getOptionId()).ifPresent(o -> out.append("<tr><td>").append(escape(o.label()))
                    .append("</td><td>").append(escape(name(o.owner()))).append("</td><td>")
                    .append(setting.getChoice() == Choice.YES ? "yes" : "no").append("</td></tr>\n"));
        }
        out.append("</table>\n<p>Each row places the futures compared in the order that character prefers them, "
                + "best on the left: ◆ the outcome, ▲ the threatened future, ■ the character's own position, "
                + "● another character's position. Futures that character likes equally share a place.</p>\n");
        ranking(charts, outcome.getComparedFutures());
        out.append("<ul>\n");
        for (CharacterOutcome co : outcome.getCharactersList()) {
            out.append("<li>").append(escape(co.getVerdict())).append(" It ranks the outcome ")
                    .append(co.getRankOfOutcome()).append(" of ").append(outcome.getComparedFutures()).append('.');
            co.getThreatsCarriedOutList().forEach(t -> out.append(" Carried out the threat of ").append(escape(t)).append('.'));
            out.append("</li>\n");
        }
        out.append("</ul>\n");
    }

    private void ranking(DebriefCharts charts, int compared) {
        int slots = Math.max(1, compared);
        double slot = (PLOT_RIGHT - PLOT_LEFT) / (double) slots;
        List<Integer> heights = new ArrayList<>();
        charts.rankings().values().forEach(futures -> {
            Map<Integer, Integer> perRank = new LinkedHashMap<>();
            futures.forEach(f -> perRank.merge(f.rank(), 1, Integer::sum));
            heights.add(20 + 22 * perRank.values().stream().max(Integer::compare).orElse(1));
        });
        int height = HEAD + heights.stream().mapToInt(Integer::intValue).sum() + 8;
        svgOpen(height, "Where each character ranks the outcome among the futures compared");
        for (int r = 1; r <= slots; r++) {
            out.append("<text x=\"").append(num(PLOT_LEFT + (r - 1) * slot + 6)).append("\" y=\"18\" "
                    + "font-size=\"13\" fill=\"#5b6675\">").append(r == 1 ? "1 best" : r == slots ? r + " worst" : r)
                    .append("</text>\n");
        }
        int y = HEAD;
        int i = 0;
        for (Map.Entry<String, List<Outcomes.RankedFuture>> e : charts.rankings().entrySet()) {
            int h = heights.get(i++);
            out.append("<rect x=\"0\" y=\"").append(y).append("\" width=\"").append(WIDTH).append("\" height=\"").append(h)
                    .append("\" fill=\"").append(i % 2 == 0 ? "#ffffff" : "#f3f5f8").append("\"/><text x=\"")
                    .append(PLOT_LEFT - 10).append("\" y=\"").append(y + 21).append("\" text-anchor=\"end\" font-size=\"14\" "
                            + "font-weight=\"600\">").append(escape(name(e.getKey()))).append("</text>\n");
            Map<Integer, Integer> stacked = new LinkedHashMap<>();
            for (Outcomes.RankedFuture f : e.getValue()) {
                int n = stacked.merge(f.rank(), 1, Integer::sum) - 1;
                double cx = PLOT_LEFT + (f.rank() - 1) * slot + 14;
                int cy = y + 16 + 22 * n;
                out.append("<g><title>").append(escape(futureWords(f, e.getKey()))).append("</title>")
                        .append(marker(f, e.getKey(), cx, cy)).append("<text x=\"").append(num(cx + 12)).append("\" y=\"")
                        .append(cy + 5).append("\" font-size=\"13\"").append(f.outcome() ? " font-weight=\"800\"" : "")
                        .append('>').append(escape(futureLabel(f, e.getKey()))).append("</text></g>\n");
            }
            y += h;
        }
        out.append("</svg>\n");
    }

    private static String marker(Outcomes.RankedFuture f, String characterId, double cx, int cy) {
        String x = num(cx);
        if (f.outcome()) {
            return "<path d=\"M" + x + "," + (cy - 9) + " l9,9 l-9,9 l-9,-9 z\" fill=\"#1d3557\"/>";
        }
        if (f.threatened()) {
            return "<path d=\"M" + x + "," + (cy - 8) + " l8,14 l-16,0 z\" fill=\"#b3261e\"/>";
        }
        if (f.positionOf().contains(characterId)) {
            return "<rect x=\"" + num(cx - 6) + "\" y=\"" + (cy - 6) + "\" width=\"12\" height=\"12\" fill=\"#0b6e4f\"/>";
        }
        return "<circle cx=\"" + x + "\" cy=\"" + cy + "\" r=\"5\" fill=\"#9aa3ae\"/>";
    }

    /** The words beside a future's marker: what it was ("outcome = own position" when it was both). */
    private String futureLabel(Outcomes.RankedFuture f, String characterId) {
        List<String> what = new ArrayList<>();
        if (f.outcome()) {
            what.add("outcome");
        }
        if (f.threatened()) {
            what.add("threatened");
        }
        if (f.positionOf().contains(characterId)) {
            what.add("own position");
        }
        if (!what.isEmpty()) {
            return String.join(" = ", what);
        }
        return f.positionOf().size() == 1 ? shortName(f.positionOf().get(0)) : f.positionOf().size() + " positions";
    }

    private String futureWords(Outcomes.RankedFuture f, String characterId) {
        List<String> what = new ArrayList<>();
        if (f.outcome()) {
            what.add("the outcome");
        }
        if (f.threatened()) {
            what.add("the threatened future");
        }
        f.positionOf().forEach(c -> what.add(c.equals(characterId) ? "its own position" : name(c) + "'s position"));
        return "ranked " + f.rank() + ": " + String.join(", ", what);
    }

    private void agreements(DebriefCharts charts) {
        out.append("<h2>Agreements kept and broken</h2>\n<p>Each party's own part of every accepted offer, "
                + "against what it did at the moment of truth.</p>\n");
        if (charts.agreements().isEmpty()) {
            out.append("<p class=\"muted\">No offer was accepted.</p>\n");
            return;
        }
        out.append("<table>\n<tr><th scope=\"col\">Offer</th><th scope=\"col\">Who</th><th scope=\"col\">Its part</th>"
                + "<th scope=\"col\">At the end</th></tr>\n");
        for (Outcomes.AgreementPart p : charts.agreements()) {
            out.append("<tr><td>").append(escape(p.offerId())).append("</td><td>").append(escape(name(p.characterId())))
                    .append("</td><td>").append(escape(p.words())).append("</td><td class=\"")
                    .append(p.kept() ? "kept\">✓ kept" : "broken\">✗ broken").append("</td></tr>\n");
        }
        out.append("</table>\n");
    }

    private void briefings() {
        out.append("<h2>Briefings</h2>\n");
        for (PackCharacter c : state.pack().characters()) {
            out.append("<h3>").append(escape(c.name())).append("</h3>\n<div class=\"briefing\">")
                    .append(escape(c.briefing().strip())).append("</div>\n");
            List<String> preferences = state.preferencesInWords(c.id());
            if (!preferences.isEmpty()) {
                String changedBy = state.preferencesChangedBy().get(c.id());
                out.append("<p>").append(changedBy == null ? "Preferences, most important first:"
                        : "Preferences at the end, most important first (changed by the inject \"" + escape(changedBy) + "\"):")
                        .append("</p>\n<ol>\n");
                preferences.forEach(p -> out.append("<li>").append(escape(p)).append("</li>\n"));
                out.append("</ol>\n");
            }
        }
    }

    // ------------------------------------------------------------------ small helpers

    private void svgOpen(int height, String label) {
        out.append("<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 ").append(WIDTH).append(' ').append(height)
                .append("\" role=\"img\" aria-label=\"").append(escape(label)).append("\" font-family=\"system-ui, sans-serif\">\n");
    }

    private static String[] kind(String kind) {
        return KINDS.getOrDefault(kind, new String[] {"#444444", "?", kind.toLowerCase(Locale.ROOT)});
    }

    private String name(String characterId) {
        return state.board().character(characterId).map(dev.drama.engine.Character::name).orElse(characterId);
    }

    /** A character's name short enough for a chart label: its last word ("Inspector Sam Okafor": "Okafor"). */
    private String shortName(String characterId) {
        String[] words = name(characterId).split("\\s+");
        return words[words.length - 1];
    }

    private static String num(double v) {
        return String.format(Locale.ROOT, "%.1f", v);
    }

    /** Text as HTML character data or an attribute value: nothing in it can open a tag, an entity or end a quote. */
    static String escape(String text) {
        StringBuilder b = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> b.append("&amp;");
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '"' -> b.append("&quot;");
                case '\'' -> b.append("&#39;");
                default -> b.append(c);
            }
        }
        return b.toString();
    }
}
