package dev.drama.engine;

import java.util.List;

/**
 * Plain-language text for dilemmas and ways out, addressed to the holder. Names characters
 * by name and options by label; values read "yes"/"no".
 */
final class Narrator {
    private final String[] names;
    private final String[] labels;
    private final int[] allOptions;
    private final StringBuilder sb = new StringBuilder(512);

    Narrator(Board board) {
        List<Character> cs = board.characters();
        names = new String[cs.size()];
        for (int i = 0; i < names.length; i++) {
            names[i] = cs.get(i).name();
        }
        List<Option> os = board.options();
        labels = new String[os.size()];
        allOptions = new int[os.size()];
        for (int o = 0; o < labels.length; o++) {
            labels[o] = os.get(o).label();
            allOptions[o] = o;
        }
    }

    String name(int character) {
        return names[character];
    }

    String label(int option) {
        return labels[option];
    }

    static String yesNo(boolean v) {
        return v ? "yes" : "no";
    }

    // ---- one sentence at a time, in a builder reused for the whole analysis (one allocation per text)

    Narrator say(String text) {
        sb.append(text);
        return this;
    }

    /** "Label = yes, Other = no" for the options of {@code options} where x differs from y, with x's values. */
    Narrator diff(boolean[] x, boolean[] y, int[] options) {
        int start = sb.length();
        for (int o : options) {
            if (x[o] != y[o]) {
                if (sb.length() > start) {
                    sb.append(", ");
                }
                sb.append(labels[o]).append(" = ").append(yesNo(x[o]));
            }
        }
        if (sb.length() == start) {
            sb.append("nothing different");
        }
        return this;
    }

    /** As {@link #diff(boolean[], boolean[], int[])} over all options. */
    Narrator diff(boolean[] x, boolean[] y) {
        return diff(x, y, allOptions);
    }

    /** "Label = yes, Other = no" for those of {@code options} that {@code fixed} says are fixed. */
    Narrator fixedValues(boolean[] fixed, int[] options, boolean[] values) {
        boolean first = true;
        for (int o : options) {
            if (fixed[o]) {
                if (!first) {
                    sb.append(", ");
                }
                first = false;
                sb.append(labels[o]).append(" = ").append(yesNo(values[o]));
            }
        }
        return this;
    }

    String end() {
        String text = sb.toString();
        sb.setLength(0);
        return text;
    }

    String explain(Situation s, DilemmaKind kind, int a, int b, boolean[] compared, List<OptionDetail> detail, int[] detailOptions) {
        say(names[a]);
        switch (kind) {
            case PERSUASION -> {
                say(", your position does not persuade ").say(names[b]).say(": you want ").say(names[b]).say(" to move to ")
                        .diff(s.hat[a], s.t, s.owned[b]).say(", but ").say(names[b])
                        .say(" does not prefer your position to what happens if nobody moves.");
                appendDetail(detail, detailOptions, b, "your");
            }
            case REJECTION -> {
                say(", you cannot credibly refuse ").say(names[b]).say(": ").say(names[b]).say("'s position asks you for ")
                        .diff(s.hat[b], s.t, s.owned[a]).say(", and you prefer ").say(names[b])
                        .say("'s position to what happens if nobody moves. ").say(names[b])
                        .say(" can expect you to give way.");
                appendDetail(detail, detailOptions, a, null);
            }
            case THREAT -> say(", your threat is not credible: if nobody moved you would rather make it ").diff(compared, s.t)
                    .say(" than carry out your stated intentions, and the others may call your bluff.");
            case POSITIONING -> say(", ").say(names[b]).say("'s position suits you better than your own: you prefer ").say(names[b])
                    .say("'s ").diff(s.hat[b], s.hat[a]).say(" to what you ask.");
            case COOPERATION -> say(", your own promise is not credible: if your position were agreed you would be tempted to make it ")
                    .diff(compared, s.hat[a]).say(" instead, and the others know it.");
            case TRUST -> {
                say(", you cannot trust ").say(names[b]).say(" to keep ").say(names[b]).say("'s part of your position (")
                        .fixedValues(s.fixed[a], s.owned[b], s.hat[a]).say("): ");
                if (compared != null) {
                    say("if it were agreed, ").say(names[b]).say(" would be tempted to make it ").diff(compared, s.hat[a]).say(" instead");
                    if (s.doubts[a][b]) {
                        say(", and you have said you doubt ").say(names[b]);
                    }
                } else {
                    say("you have said you doubt ").say(names[b]).say(" will carry it out");
                }
                say(".");
            }
        }
        return end();
    }

    private void appendDetail(List<OptionDetail> detail, int[] options, int owner, String whose) {
        if (detail.size() < 2) {
            return; // one option: the scenario-level sentence already says it
        }
        say(" Option by option:");
        for (int i = 0; i < detail.size(); i++) {
            OptionDetail d = detail.get(i);
            say(" on ").say(labels[options[i]]).say(", ").say(names[owner]);
            switch (d.verdict()) {
                case OptionDetail.PERSUASION -> say(" prefers what happens anyway (").say(yesNo(d.threatened())).say(")");
                case OptionDetail.REJECTION -> say(whose == null ? " prefers to give way (" : " prefers your ").say(yesNo(d.proposed()))
                        .say(whose == null ? ")" : "");
                default -> say(" does not mind");
            }
            say(i == detail.size() - 1 ? "." : ";");
        }
    }

    static final String OFF_BOARD = "not a move on the board: it depends on what you can arrange";

    /** What a way out leads to, for its cost: a new threatened future or a new position. */
    enum Result {
        THREATENED("a cost: if it comes to it, you rank the new threatened future below your current position",
                "no cost: you rank the new threatened future level with your current position",
                "a gain: you rank the new threatened future above your current position"),
        POSITION("a cost: you rank the new position below your current one",
                "no cost: you rank the new position level with your current one",
                "a gain: you rank the new position above your current one");

        private final String worse;
        private final String level;
        private final String better;

        Result(String worse, String level, String better) {
            this.worse = worse;
            this.level = level;
            this.better = better;
        }
    }

    /** How the holder ranks a result against its current position, in words (constant strings: nothing to build). */
    static String cost(int resultScore, int positionScore, Result result) {
        return resultScore > positionScore ? result.better : resultScore == positionScore ? result.level : result.worse;
    }
}
