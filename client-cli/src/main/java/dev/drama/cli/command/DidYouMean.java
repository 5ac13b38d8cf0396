package dev.drama.cli.command;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Suggestions for a mistyped word: the candidates it begins (or begins a word of), then
 * those within a few typing slips (Damerau edit distance: an insertion, a deletion, a
 * changed letter or two letters swapped), case ignored, nearest first.
 */
public final class DidYouMean {
    static final int MAX_SUGGESTIONS = 3;

    private DidYouMean() {
    }

    public static List<String> among(String word, Collection<String> candidates) {
        String typed = word.toLowerCase(Locale.ROOT);
        if (typed.isEmpty()) {
            return List.of();
        }
        Map<String, Integer> scores = new LinkedHashMap<>();
        for (String candidate : candidates) {
            String c = candidate.toLowerCase(Locale.ROOT);
            int score;
            if (c.startsWith(typed)) {
                score = 0;
            } else if (typed.length() >= 3 && (" " + c).contains(" " + typed)) {
                score = 1;
            } else {
                int distance = distance(typed, c);
                score = distance <= allowedSlips(typed) ? 1 + distance : Integer.MAX_VALUE;
            }
            if (score != Integer.MAX_VALUE && !c.equals(typed)) {
                scores.merge(candidate, score, Math::min);
            }
        }
        List<String> best = new ArrayList<>(scores.keySet());
        best.sort(Comparator.comparingInt(scores::get));
        return best.subList(0, Math.min(MAX_SUGGESTIONS, best.size()));
    }

    /** " (did you mean /offer?)" style hint, or empty; {@code show} writes each suggestion as the user would type it. */
    public static String hint(String word, Collection<String> candidates, java.util.function.UnaryOperator<String> show) {
        List<String> close = among(word, candidates);
        if (close.isEmpty()) {
            return "";
        }
        return " (did you mean " + String.join(" or ", close.stream().map(show).toList()) + "?)";
    }

    private static int allowedSlips(String word) {
        return word.length() <= 4 ? 1 : word.length() <= 8 ? 2 : 3;
    }

    /** Optimal string alignment distance: insertions, deletions, substitutions and adjacent swaps. */
    static int distance(String a, String b) {
        int[][] d = new int[a.length() + 1][b.length() + 1];
        for (int i = 0; i <= a.length(); i++) {
            d[i][0] = i;
        }
        for (int j = 0; j <= b.length(); j++) {
            d[0][j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
                }
            }
        }
        return d[a.length()][b.length()];
    }
}
