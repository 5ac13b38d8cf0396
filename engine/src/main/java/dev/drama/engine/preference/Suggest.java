package dev.drama.engine.preference;

import java.util.List;

/** "Did you mean" for misspelt ids: the nearest known id by edit distance, when it is near enough. */
public final class Suggest {
    private Suggest() {
    }

    /** The closest of {@code known} to {@code word} (edit distance at most 2, or a case-only difference), else null. */
    public static String nearest(String word, List<String> known) {
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String k : known) {
            int d = k.equalsIgnoreCase(word) ? 0 : distance(word, k);
            if (d < bestDistance) {
                bestDistance = d;
                best = k;
            }
        }
        if (best == null) {
            return null;
        }
        // A short word is "near" anything of its length; only suggest when some of it survives.
        int limit = Math.min(2, Math.max(1, word.length() / 2));
        boolean sharesSomething = bestDistance == 0 || bestDistance < Math.min(word.length(), best.length());
        return bestDistance <= limit && sharesSomething ? best : null;
    }

    static int distance(String a, String b) {
        int[] prev = new int[b.length() + 1];
        int[] cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            prev[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
            }
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return prev[b.length()];
    }
}
