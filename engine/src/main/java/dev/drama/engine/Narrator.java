package dev.drama.engine;

import java.util.List;

/**
 * Plain-language text for dilemmas and ways out, spoken to the holder as a coach would: second
 * person, one idea per sentence, each option named once per text, values another character left
 * open never presented as its demand. Names characters by name and options by their short
 * labels; values read "yes"/"no".
 */
final class Narrator {
    private final String[] names;
    private final String[] labels;
    private final StringBuilder sb;

    /** The names of a board's characters and the short labels of its options, shared by every text of an analysis. */
    record Vocabulary(String[] names, String[] labels) {
        static Vocabulary of(Board board) {
            List<Character> cs = board.characters();
            String[] names = new String[cs.size()];
            for (int i = 0; i < names.length; i++) {
                names[i] = cs.get(i).name();
            }
            List<Option> os = board.options();
            String[] labels = new String[os.size()];
            for (int o = 0; o < labels.length; o++) {
                labels[o] = os.get(o).shortLabel();
            }
            return new Vocabulary(names, labels);
        }
    }

    /** Writes into {@code sb}, which must be empty; {@link #end()} empties it again. */
    Narrator(Vocabulary vocabulary, StringBuilder sb) {
        this.names = vocabulary.names();
        this.labels = vocabulary.labels();
        this.sb = sb;
    }

    String name(int character) {
        return names[character];
    }

    static String yesNo(boolean v) {
        return v ? "yes" : "no";
    }

    // ---- one sentence at a time, in a builder reused by the thread

    Narrator say(String text) {
        sb.append(text);
        return this;
    }

    /** "Karen Whitlow's", "Cllr Martin Greaves'" (a name ending in s takes the apostrophe alone). */
    Narrator possessive(int character) {
        String n = names[character];
        sb.append(n).append(n.endsWith("s") ? "'" : "'s");
        return this;
    }

    /** "Label = yes, Other = no" for the options of {@code options} where x differs from y, with x's values. */
    Narrator diff(boolean[] x, boolean[] y, int[] options) {
        int start = sb.length();
        for (int o : options) {
            if (x[o] != y[o]) {
                separate(start);
                sb.append(labels[o]).append(" = ").append(yesNo(x[o]));
            }
        }
        if (sb.length() == start) {
            sb.append("nothing different");
        }
        return this;
    }

    /** "Label = yes, Other = no" for those of {@code options} that {@code fixed} says are fixed. */
    Narrator fixedValues(boolean[] fixed, int[] options, boolean[] values) {
        int start = sb.length();
        for (int o : options) {
            if (fixed[o]) {
                separate(start);
                sb.append(labels[o]).append(" = ").append(yesNo(values[o]));
            }
        }
        return this;
    }

    /** The labels of the options of {@code options} where x differs from y, without values ("A, B and C"). */
    Narrator labelsWhereDiffer(boolean[] x, boolean[] y, int[] options) {
        int count = 0;
        for (int o : options) {
            if (x[o] != y[o]) {
                count++;
            }
        }
        int i = 0;
        for (int o : options) {
            if (x[o] != y[o]) {
                sb.append(i == 0 ? "" : i == count - 1 ? " and " : ", ").append(labels[o]);
                i++;
            }
        }
        return this;
    }

    /** The labels of {@code options} ("A, B and C"). */
    Narrator labels(int[] options) {
        for (int i = 0; i < options.length; i++) {
            sb.append(i == 0 ? "" : i == options.length - 1 ? " and " : ", ").append(labels[options[i]]);
        }
        return this;
    }

    /** The names of the characters {@code who} marks, other than {@code except} ("Ann, Ben and Cy"). */
    Narrator names(boolean[] who, int except) {
        int count = 0;
        for (int i = 0; i < who.length; i++) {
            if (who[i] && i != except) {
                count++;
            }
        }
        int k = 0;
        for (int i = 0; i < who.length; i++) {
            if (who[i] && i != except) {
                sb.append(k == 0 ? "" : k == count - 1 ? " and " : ", ").append(names[i]);
                k++;
            }
        }
        return this;
    }

    private void separate(int start) {
        if (sb.length() > start) {
            sb.append(", ");
        }
    }

    String end() {
        String text = sb.toString();
        sb.setLength(0);
        return text;
    }

    void explain(Situation s, DilemmaKind kind, int a, int b, boolean[] compared, List<OptionDetail> detail, int[] detailOptions) {
        switch (kind) {
            case PERSUASION -> {
                say("Your position does not persuade ").say(names[b]).say(". You ask ").say(names[b]).say(" for ").diff(s.hat[a], s.t, s.owned[b])
                        .say(", but ").say(names[b]).say(" prefers what happens if nobody moves.");
                appendDetail(detail, detailOptions, b);
            }
            case REJECTION -> {
                say("You cannot credibly refuse ").say(names[b]).say(". ").say(names[b]).say(" asks you for ")
                        .diff(s.hat[b], s.t, s.owned[a]).say(", and you prefer that position to what happens if nobody moves");
                if (differsOutside(s.hat[b], s.t, s.owner, a)) {
                    // Why it is attractive: what else the other's position changes, which the holder would gain.
                    say(": it also brings ").diffOutside(s.hat[b], s.t, s.owner, a);
                }
                say(". ").say(names[b]).say(" can expect you to give way.");
            }
            case THREAT -> {
                say("Your threat is not credible. If nobody moved, you would rather make it ").diff(compared, s.t, s.owned[a]).say(" than ")
                        .say(statedOn(s, compared) ? "do what you said you would" : "leave things as they are")
                        .say(", and the others may call your bluff.");
            }
            case POSITIONING -> {
                say(possessiveText(b)).say(" position suits you better than your own. ");
                otherPosition(s, b, a).say(". You prefer that to your own position.");
            }
            case COOPERATION -> say("Your own promise is not credible. If your position were agreed, you would be tempted to make it ")
                    .diff(compared, s.hat[a], s.owned[a]).say(" instead, and the others know it.");
            case TRUST -> {
                say("You cannot trust ").say(names[b]).say(" to keep their part of your position (")
                        .fixedValues(s.fixed[a], s.owned[b], s.hat[a]).say(").");
                if (compared != null) {
                    say(" If it were agreed, ").say(names[b]).say(" would be tempted to go back on ")
                            .labelsWhereDiffer(compared, s.hat[a], s.owned[b]).say(".");
                }
                if (s.doubts[a][b]) {
                    say(compared == null ? " You have said you doubt " : " And you have said you doubt ").say(names[b])
                            .say(compared == null ? " will carry it out." : ".");
                }
            }
        }
    }

    /**
     * "B asks for X = no and leaves Y open (it would stay yes)": B's position where it differs from
     * A's, the values B fixes as B's and the rest as left open.
     */
    Narrator otherPosition(Situation s, int b, int a) {
        say(names[b]);
        int[] asked = new int[s.n];
        int[] open = new int[s.n];
        int k = 0;
        int m = 0;
        for (int o = 0; o < s.n; o++) {
            if (s.hat[b][o] != s.hat[a][o]) {
                if (s.fixed[b][o]) {
                    asked[k++] = o;
                } else {
                    open[m++] = o;
                }
            }
        }
        if (k > 0) {
            say(" asks for ").diff(s.hat[b], s.hat[a], java.util.Arrays.copyOf(asked, k));
        }
        if (m > 0) {
            say(k > 0 ? " and leaves " : " leaves ").labels(java.util.Arrays.copyOf(open, m)).say(" open where you ask for a change");
        }
        return this;
    }

    private String possessiveText(int character) {
        String n = names[character];
        return n + (n.endsWith("s") ? "'" : "'s");
    }

    private static boolean statedOn(Situation s, boolean[] compared) {
        for (int o = 0; o < s.n; o++) {
            if (compared[o] != s.t[o] && s.stated[o]) {
                return true;
            }
        }
        return false;
    }

    private static boolean differsOutside(boolean[] x, boolean[] y, int[] owner, int excluded) {
        for (int o = 0; o < x.length; o++) {
            if (owner[o] != excluded && x[o] != y[o]) {
                return true;
            }
        }
        return false;
    }

    /** As {@link #diff} over the options not owned by {@code excluded}. */
    private Narrator diffOutside(boolean[] x, boolean[] y, int[] owner, int excluded) {
        int start = sb.length();
        for (int o = 0; o < x.length; o++) {
            if (owner[o] != excluded && x[o] != y[o]) {
                separate(start);
                sb.append(labels[o]).append(" = ").append(yesNo(x[o]));
            }
        }
        return this;
    }

    /** "Taken one at a time, B would refuse X and Y, would agree to Z, and does not mind W." */
    private void appendDetail(List<OptionDetail> detail, int[] options, int owner) {
        if (detail.size() < 2) {
            return; // one option: the scenario-level sentence already says it
        }
        say(" Taken one at a time, ").say(names[owner]);
        String[] verdicts = {OptionDetail.PERSUASION, OptionDetail.REJECTION, OptionDetail.INDIFFERENT};
        String[] phrases = {" would refuse ", " would agree to ", " does not mind "};
        int[] counts = new int[verdicts.length];
        int groups = 0;
        for (int v = 0; v < verdicts.length; v++) {
            for (OptionDetail d : detail) {
                counts[v] += d.verdict().equals(verdicts[v]) ? 1 : 0;
            }
            groups += counts[v] > 0 ? 1 : 0;
        }
        int group = 0;
        for (int v = 0; v < verdicts.length; v++) {
            int count = counts[v];
            if (count == 0) {
                continue;
            }
            say(group == 0 ? "" : group == groups - 1 ? ", and" : ",").say(phrases[v]);
            group++;
            int k = 0;
            for (int i = 0; i < detail.size(); i++) {
                if (detail.get(i).verdict().equals(verdicts[v])) {
                    say(k == 0 ? "" : k == count - 1 ? " and " : ", ").say(labels[options[i]]);
                    k++;
                }
            }
        }
        say(".");
    }

    static final String OFF_BOARD = "not a move on the board: it depends on what you can arrange";
    static final String NO_FUTURE_CHANGES = "changes no future, only what you believe";

    /**
     * What a way out leads to, for its cost against the threatened future T: a new threatened
     * future (a move on stated intentions) or a new position (what would happen if it were agreed).
     */
    enum Result {
        THREATENED("if nobody moves after this: worse for you than now",
                "if nobody moves after this: the same for you as now",
                "if nobody moves after this: better for you than now"),
        POSITION("if agreed: worse for you than if nobody moves",
                "if agreed: the same for you as if nobody moves",
                "if agreed: better for you than if nobody moves");

        final String worse;
        final String level;
        final String better;

        Result(String worse, String level, String better) {
            this.worse = worse;
            this.level = level;
            this.better = better;
        }
    }

    /** The holder's result against T, in words (constant strings: nothing to build). */
    static String cost(int resultScore, int scoreOfT, Result result) {
        return resultScore > scoreOfT ? result.better : resultScore == scoreOfT ? result.level : result.worse;
    }
}
