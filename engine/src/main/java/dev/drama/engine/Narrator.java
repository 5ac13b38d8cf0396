package dev.drama.engine;

import java.util.List;

/**
 * Plain-language text for dilemmas and ways out, addressed to the holder. Names characters
 * by name and options by label; values read "yes"/"no".
 */
final class Narrator {
    private final String[] names;
    private final String[] labels;

    Narrator(Board board) {
        List<Character> cs = board.characters();
        names = new String[cs.size()];
        for (int i = 0; i < names.length; i++) {
            names[i] = cs.get(i).name();
        }
        List<Option> os = board.options();
        labels = new String[os.size()];
        for (int o = 0; o < labels.length; o++) {
            labels[o] = os.get(o).label();
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

    /** "Label = yes, Other = no" for the options where {@code x} differs from {@code y}, with x's values. */
    String differences(boolean[] x, boolean[] y) {
        StringBuilder sb = new StringBuilder(64);
        for (int o = 0; o < x.length; o++) {
            if (x[o] != y[o]) {
                if (sb.length() > 0) {
                    sb.append(", ");
                }
                sb.append(labels[o]).append(" = ").append(yesNo(x[o]));
            }
        }
        return sb.length() == 0 ? "nothing different" : sb.toString();
    }

    /** "Label = yes, Other = no" for the given options. */
    String values(int[] options, boolean[] values) {
        StringBuilder sb = new StringBuilder(48);
        for (int o : options) {
            if (sb.length() > 0) {
                sb.append(", ");
            }
            sb.append(labels[o]).append(" = ").append(yesNo(values[o]));
        }
        return sb.toString();
    }

    /** "Label = yes, Other = no" over the options where x differs from y, restricted to those owned by one character. */
    String differencesOn(boolean[] x, boolean[] y, int[] options) {
        StringBuilder sb = new StringBuilder(48);
        for (int o : options) {
            if (x[o] != y[o]) {
                if (sb.length() > 0) {
                    sb.append(", ");
                }
                sb.append(labels[o]).append(" = ").append(yesNo(x[o]));
            }
        }
        return sb.toString();
    }

    String explain(Situation s, DilemmaKind kind, int a, int b, boolean[] compared, List<OptionDetail> detail, int[] detailOptions) {
        String me = names[a];
        return switch (kind) {
            case PERSUASION -> {
                String other = names[b];
                StringBuilder sb = new StringBuilder(200);
                sb.append(me).append(", your position does not persuade ").append(other).append(": you want ")
                        .append(other).append(" to move to ").append(differencesOn(s.hat[a], s.t, s.owned[b]))
                        .append(", but ").append(other).append(" does not prefer your position to what happens if nobody moves (")
                        .append(differences(s.t, s.hat[a])).append(").");
                appendDetail(sb, detail, detailOptions, b, "your");
                yield sb.toString();
            }
            case REJECTION -> {
                String other = names[b];
                StringBuilder sb = new StringBuilder(200);
                sb.append(me).append(", you cannot credibly refuse ").append(other).append(": ").append(other)
                        .append("'s position asks you for ").append(differencesOn(s.hat[b], s.t, s.owned[a]))
                        .append(", and you prefer ").append(other).append("'s position to what happens if nobody moves (")
                        .append(differences(s.t, s.hat[b])).append("). ").append(other).append(" can expect you to give way.");
                appendDetail(sb, detail, detailOptions, a, other + "'s");
                yield sb.toString();
            }
            case THREAT -> me + ", your threat is not credible: if nobody moved you would rather make it "
                    + differences(compared, s.t) + " than carry out your stated intentions, and the others may call your bluff.";
            case POSITIONING -> me + ", " + names[b] + "'s position suits you better than your own: you prefer "
                    + names[b] + "'s " + differences(s.hat[b], s.hat[a]) + " to your " + differences(s.hat[a], s.hat[b]) + ".";
            case COOPERATION -> me + ", your own promise is not credible: if your position were agreed you would be tempted to make it "
                    + differences(compared, s.hat[a]) + " instead, and the others know it.";
            case TRUST -> {
                String other = names[b];
                boolean tempted = compared != null && !java.util.Arrays.equals(compared, s.hat[a]);
                StringBuilder sb = new StringBuilder(160);
                sb.append(me).append(", you cannot trust ").append(other).append(" to keep ").append(other)
                        .append("'s part of your position (").append(values(Rules.fixedOwned(s, a, b), s.hat[a])).append("): ");
                if (tempted) {
                    sb.append("if it were agreed, ").append(other).append(" would be tempted to make it ")
                            .append(differences(compared, s.hat[a])).append(" instead");
                    if (s.doubts[a][b]) {
                        sb.append(", and you have said you doubt ").append(other);
                    }
                } else {
                    sb.append("you have said you doubt ").append(other).append(" will carry it out");
                }
                yield sb.append('.').toString();
            }
        };
    }

    private void appendDetail(StringBuilder sb, List<OptionDetail> detail, int[] options, int owner, String whose) {
        if (detail.size() < 2) {
            return; // one option: the scenario-level sentence already says it
        }
        sb.append(" Option by option:");
        for (int i = 0; i < detail.size(); i++) {
            OptionDetail d = detail.get(i);
            sb.append(" on ").append(labels[options[i]]).append(", ").append(names[owner]);
            switch (d.verdict()) {
                case OptionDetail.PERSUASION -> sb.append(" prefers what happens anyway (").append(yesNo(d.threatened())).append(')');
                case OptionDetail.REJECTION -> sb.append(" prefers ").append(whose).append(' ').append(yesNo(d.proposed()));
                default -> sb.append(" does not mind");
            }
            sb.append(i == detail.size() - 1 ? '.' : ';');
        }
    }

    /** How the holder ranks a result against its current position, in words. */
    String cost(int resultScore, int positionScore, String result) {
        if (resultScore > positionScore) {
            return "a gain: you rank " + result + " above your current position";
        }
        if (resultScore == positionScore) {
            return "no cost: you rank " + result + " level with your current position";
        }
        return "a cost: you rank " + result + " below your current position";
    }
}
