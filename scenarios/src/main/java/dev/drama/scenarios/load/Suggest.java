package dev.drama.scenarios.load;

import java.util.Collection;
import java.util.Optional;

/** "Did you mean" suggestions: the closest known name by edit distance, if close enough. */
public final class Suggest {
    private Suggest() {
    }

    public static Optional<String> closest(String wrong, Collection<String> known) {
        if (wrong == null) return Optional.empty();
        String best = null;
        int bestD = Integer.MAX_VALUE;
        for (String k : known) {
            int d = k.equalsIgnoreCase(wrong) ? 0 : distance(wrong.toLowerCase(), k.toLowerCase());
            if (d < bestD) {
                bestD = d;
                best = k;
            }
        }
        if (best == null) return Optional.empty();
        int limit = Math.max(1, Math.min(3, best.length() / 3));
        if (bestD <= limit || best.startsWith(wrong) && wrong.length() >= 3 || wrong.startsWith(best) && best.length() >= 3) return Optional.of(best);
        return Optional.empty();
    }

    /** {@code "; did you mean 'x'?"} or empty. */
    public static String didYouMean(String wrong, Collection<String> known) {
        return closest(wrong, known).map(s -> "; did you mean '" + s + "'?").orElse("");
    }

    static int distance(String a, String b) {
        if (Math.abs(a.length() - b.length()) > 3) return 99;
        int[] prev = new int[b.length() + 1];
        int[] cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) prev[j] = j;
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int c = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + c);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    cur[j] = Math.min(cur[j], prev[j - 1]);
                }
            }
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return prev[b.length()];
    }
}
